//! The pretty-printer: prints an AST back as Python 3.12 source that parses to the same tree.
//!
//! Parentheses are added only where Python's precedence table needs them, plus a few places
//! where they are harmless and keep the output easy to parse (tuples, walrus, lambdas before
//! a `:`). Tuples are always parenthesised except as subscript indices, where a slice inside
//! one cannot be parenthesised.

use std::fmt::Write;

use crate::syntax::ast::*;

/// Prints a module, four spaces per indentation level, one statement per line.
pub fn print_module(m: &Module) -> String {
    let mut p = Printer::default();
    let is_def = |s: &Stmt| matches!(s.kind, StmtKind::FunctionDef(_) | StmtKind::ClassDef(_));
    for (i, stmt) in m.body.iter().enumerate() {
        // Two blank lines around top-level definitions, as PEP 8 asks.
        if i > 0 && (is_def(stmt) || is_def(&m.body[i - 1])) {
            p.out.push_str("\n\n");
        }
        p.stmt(stmt);
    }
    p.out
}

/// Prints one expression as it would appear on the right of an assignment.
pub fn print_expr(e: &Expr) -> String {
    let mut p = Printer::default();
    p.expr(e, prec::LAMBDA);
    p.out
}

/// Binding strength, weakest first. A child whose level is below what its position needs
/// is parenthesised.
mod prec {
    pub const NAMED: u8 = 0;
    pub const LAMBDA: u8 = 1;
    pub const IFEXP: u8 = 2;
    pub const OR: u8 = 3;
    pub const AND: u8 = 4;
    pub const NOT: u8 = 5;
    pub const CMP: u8 = 6;
    pub const BOR: u8 = 7;
    pub const BXOR: u8 = 8;
    pub const BAND: u8 = 9;
    pub const SHIFT: u8 = 10;
    pub const ARITH: u8 = 11;
    pub const TERM: u8 = 12;
    pub const FACTOR: u8 = 13;
    pub const POWER: u8 = 14;
    pub const AWAIT: u8 = 15;
    pub const PRIMARY: u8 = 16;
    pub const ATOM: u8 = 17;
}

fn binop_prec(op: BinOp) -> u8 {
    match op {
        BinOp::BitOr => prec::BOR,
        BinOp::BitXor => prec::BXOR,
        BinOp::BitAnd => prec::BAND,
        BinOp::LShift | BinOp::RShift => prec::SHIFT,
        BinOp::Add | BinOp::Sub => prec::ARITH,
        BinOp::Mult | BinOp::MatMult | BinOp::Div | BinOp::FloorDiv | BinOp::Mod => prec::TERM,
        BinOp::Pow => prec::POWER,
    }
}

fn precedence(e: &Expr) -> u8 {
    match &e.kind {
        // Always parenthesised: an unparenthesised walrus is invalid in most positions.
        ExprKind::NamedExpr { .. } => prec::NAMED,
        ExprKind::Lambda { .. } => prec::LAMBDA,
        ExprKind::IfExp { .. } => prec::IFEXP,
        ExprKind::BoolOp { op: BoolOp::Or, .. } => prec::OR,
        ExprKind::BoolOp {
            op: BoolOp::And, ..
        } => prec::AND,
        ExprKind::UnaryOp {
            op: UnaryOp::Not, ..
        } => prec::NOT,
        ExprKind::UnaryOp { .. } => prec::FACTOR,
        ExprKind::Compare { .. } => prec::CMP,
        ExprKind::BinOp { op, .. } => binop_prec(*op),
        ExprKind::Starred(_) => prec::BOR,
        _ => prec::ATOM,
    }
}

#[derive(Default)]
struct Printer {
    out: String,
    indent: usize,
    /// The quote of the innermost f-string whose field is being printed: nested strings
    /// use the other quote, so the output also reads well before Python 3.12.
    enclosing_quote: Option<char>,
}

impl Printer {
    // ---- statements ----

    fn line(&mut self) {
        for _ in 0..self.indent {
            self.out.push_str("    ");
        }
    }

    fn block(&mut self, body: &[Stmt]) {
        self.out.push_str(":\n");
        self.indent += 1;
        if body.is_empty() {
            self.line();
            self.out.push_str("pass\n");
        }
        for stmt in body {
            self.stmt(stmt);
        }
        self.indent -= 1;
    }

    fn else_block(&mut self, keyword: &str, body: &[Stmt]) {
        if !body.is_empty() {
            self.line();
            self.out.push_str(keyword);
            self.block(body);
        }
    }

    fn stmt(&mut self, stmt: &Stmt) {
        match &stmt.kind {
            StmtKind::FunctionDef(f) => self.function_def(f),
            StmtKind::ClassDef(c) => self.class_def(c),
            StmtKind::If { test, body, orelse } => self.if_chain("if ", test, body, orelse),
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                self.line();
                self.out.push_str("for ");
                self.expr_list(target, prec::LAMBDA);
                self.out.push_str(" in ");
                self.expr_list(iter, prec::IFEXP);
                self.block(body);
                self.else_block("else", orelse);
            }
            StmtKind::While { test, body, orelse } => {
                self.line();
                self.out.push_str("while ");
                self.expr(test, prec::IFEXP);
                self.block(body);
                self.else_block("else", orelse);
            }
            StmtKind::With { items, body } => {
                self.line();
                self.out.push_str("with ");
                for (i, item) in items.iter().enumerate() {
                    self.sep(i);
                    // `with (a, b):` means two items, so a tuple context needs a second pair.
                    let tuple = matches!(item.context.kind, ExprKind::Tuple(_));
                    self.out.push_str(if tuple { "(" } else { "" });
                    self.expr(&item.context, prec::IFEXP);
                    self.out.push_str(if tuple { ")" } else { "" });
                    if let Some(target) = &item.target {
                        self.out.push_str(" as ");
                        self.expr(target, prec::LAMBDA);
                    }
                }
                self.block(body);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.line();
                self.out.push_str("try");
                self.block(body);
                for handler in handlers {
                    self.line();
                    self.out.push_str("except");
                    if let Some(typ) = &handler.typ {
                        self.out.push(' ');
                        self.expr(typ, prec::IFEXP);
                        if let Some(name) = &handler.name {
                            self.out.push_str(" as ");
                            self.out.push_str(&name.name);
                        }
                    }
                    self.block(&handler.body);
                }
                self.else_block("else", orelse);
                self.else_block("finally", finalbody);
            }
            _ => {
                self.line();
                self.simple_stmt(stmt);
                self.out.push('\n');
            }
        }
    }

    fn if_chain(&mut self, keyword: &str, test: &Expr, body: &[Stmt], orelse: &[Stmt]) {
        self.line();
        self.out.push_str(keyword);
        self.expr(test, prec::IFEXP);
        self.block(body);
        match orelse {
            [Stmt {
                kind: StmtKind::If { test, body, orelse },
                ..
            }] => self.if_chain("elif ", test, body, orelse),
            _ => self.else_block("else", orelse),
        }
    }

    fn decorators(&mut self, decorators: &[Expr]) {
        for d in decorators {
            self.line();
            self.out.push('@');
            self.expr(d, prec::LAMBDA);
            self.out.push('\n');
        }
    }

    fn function_def(&mut self, f: &FunctionDef) {
        self.decorators(&f.decorators);
        self.line();
        let _ = write!(self.out, "def {}(", f.name.name);
        self.params(&f.params, true);
        self.out.push(')');
        if let Some(returns) = &f.returns {
            self.out.push_str(" -> ");
            self.expr(returns, prec::IFEXP);
        }
        self.block(&f.body);
    }

    fn class_def(&mut self, c: &ClassDef) {
        self.decorators(&c.decorators);
        self.line();
        let _ = write!(self.out, "class {}", c.name.name);
        if !c.bases.is_empty() {
            self.out.push('(');
            self.args(&c.bases);
            self.out.push(')');
        }
        self.block(&c.body);
    }

    fn simple_stmt(&mut self, stmt: &Stmt) {
        match &stmt.kind {
            StmtKind::Expr(e) => self.expr_stmt(e),
            StmtKind::Assign { targets, value } => {
                for target in targets {
                    self.expr_list(target, prec::LAMBDA);
                    self.out.push_str(" = ");
                }
                self.expr_list(value, prec::LAMBDA);
            }
            StmtKind::AugAssign { target, op, value } => {
                self.expr(target, prec::LAMBDA);
                let _ = write!(self.out, " {}= ", op.symbol());
                self.expr(value, prec::LAMBDA);
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => {
                self.expr(target, prec::LAMBDA);
                self.out.push_str(": ");
                self.expr(annotation, prec::IFEXP);
                if let Some(value) = value {
                    self.out.push_str(" = ");
                    self.expr(value, prec::LAMBDA);
                }
            }
            StmtKind::Import { names } => {
                self.out.push_str("import ");
                self.aliases(names);
            }
            StmtKind::ImportFrom {
                module,
                level,
                names,
            } => {
                self.out.push_str("from ");
                for _ in 0..*level {
                    self.out.push('.');
                }
                if let Some(module) = module {
                    self.out.push_str(&module.dotted());
                }
                self.out.push_str(" import ");
                match names {
                    ImportNames::Star(_) => self.out.push('*'),
                    ImportNames::Names(names) => self.aliases(names),
                }
            }
            StmtKind::Return(value) => {
                self.out.push_str("return");
                if let Some(value) = value {
                    self.out.push(' ');
                    self.expr_list(value, prec::LAMBDA);
                }
            }
            StmtKind::Break => self.out.push_str("break"),
            StmtKind::Continue => self.out.push_str("continue"),
            StmtKind::Pass => self.out.push_str("pass"),
            StmtKind::Assert { test, msg } => {
                self.out.push_str("assert ");
                self.expr(test, prec::LAMBDA);
                if let Some(msg) = msg {
                    self.out.push_str(", ");
                    self.expr(msg, prec::LAMBDA);
                }
            }
            StmtKind::Raise { exc, cause } => {
                self.out.push_str("raise");
                if let Some(exc) = exc {
                    self.out.push(' ');
                    self.expr(exc, prec::IFEXP);
                }
                if let Some(cause) = cause {
                    self.out.push_str(" from ");
                    self.expr(cause, prec::IFEXP);
                }
            }
            StmtKind::Delete { targets } => {
                self.out.push_str("del ");
                self.exprs(targets, prec::LAMBDA);
            }
            StmtKind::Global { names } | StmtKind::Nonlocal { names } => {
                let keyword = if matches!(stmt.kind, StmtKind::Global { .. }) {
                    "global"
                } else {
                    "nonlocal"
                };
                self.out.push_str(keyword);
                for (i, name) in names.iter().enumerate() {
                    self.out.push_str(if i == 0 { " " } else { ", " });
                    self.out.push_str(&name.name);
                }
            }
            // Compound statements are printed by `stmt`.
            _ => unreachable!("compound statement in simple_stmt"),
        }
    }

    /// An expression statement; a multi-line docstring-like string reads better triple-quoted.
    fn expr_stmt(&mut self, e: &Expr) {
        if let ExprKind::Constant(Constant::Str(s)) = &e.kind {
            let plain = s.chars().all(|c| c == '\n' || !needs_escape(c)) && !s.contains('\\');
            if s.contains('\n') && plain && !s.contains("\"\"\"") && !s.ends_with('"') {
                let _ = write!(self.out, "\"\"\"{s}\"\"\"");
                return;
            }
        }
        self.expr(e, prec::LAMBDA);
    }

    fn aliases(&mut self, names: &[Alias]) {
        for (i, alias) in names.iter().enumerate() {
            self.sep(i);
            self.out.push_str(&alias.name.dotted());
            if let Some(asname) = &alias.asname {
                let _ = write!(self.out, " as {}", asname.name);
            }
        }
    }

    fn params(&mut self, p: &Parameters, annotations: bool) {
        let mut n = 0;
        for param in &p.posonly {
            self.sep_count(&mut n);
            self.param(param, annotations);
        }
        if !p.posonly.is_empty() {
            self.sep_count(&mut n);
            self.out.push('/');
        }
        for param in &p.args {
            self.sep_count(&mut n);
            self.param(param, annotations);
        }
        if let Some(vararg) = &p.vararg {
            self.sep_count(&mut n);
            self.out.push('*');
            self.param(vararg, annotations);
        } else if !p.kwonly.is_empty() {
            self.sep_count(&mut n);
            self.out.push('*');
        }
        for param in &p.kwonly {
            self.sep_count(&mut n);
            self.param(param, annotations);
        }
        if let Some(kwarg) = &p.kwarg {
            self.sep_count(&mut n);
            self.out.push_str("**");
            self.param(kwarg, annotations);
        }
    }

    fn param(&mut self, param: &Param, annotations: bool) {
        self.out.push_str(&param.name.name);
        let annotated = annotations && param.annotation.is_some();
        if let (true, Some(annotation)) = (annotations, &param.annotation) {
            self.out.push_str(": ");
            self.expr(annotation, prec::IFEXP);
        }
        if let Some(default) = &param.default {
            self.out.push_str(if annotated { " = " } else { "=" });
            self.expr(default, prec::IFEXP);
        }
    }

    fn sep(&mut self, i: usize) {
        if i > 0 {
            self.out.push_str(", ");
        }
    }

    fn sep_count(&mut self, n: &mut usize) {
        self.sep(*n);
        *n += 1;
    }
}

// The expression half of the printer lives below: precedence, displays and literals.
impl Printer {
    fn expr(&mut self, e: &Expr, min: u8) {
        let parens = precedence(e) < min;
        if parens {
            self.out.push('(');
        }
        self.expr_unparenthesised(e);
        if parens {
            self.out.push(')');
        }
    }

    /// Where Python reads a comma list as a tuple (`for k, v in ...`, `a, b = b, a`,
    /// `return x, y`), a non-empty tuple goes without parentheses.
    fn expr_list(&mut self, e: &Expr, min: u8) {
        match &e.kind {
            ExprKind::Tuple(items) if !items.is_empty() => {
                self.exprs(items, min);
                if items.len() == 1 {
                    self.out.push(',');
                }
            }
            _ => self.expr(e, min),
        }
    }

    fn exprs(&mut self, items: &[Expr], min: u8) {
        for (i, item) in items.iter().enumerate() {
            self.sep(i);
            self.expr(item, min);
        }
    }

    fn expr_unparenthesised(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Name(name) => self.out.push_str(name),
            ExprKind::Constant(c) => self.constant(c),
            ExprKind::JoinedStr(parts) => self.fstring(parts),
            ExprKind::BoolOp { op, values } => {
                let (word, level) = match op {
                    BoolOp::And => (" and ", prec::AND),
                    BoolOp::Or => (" or ", prec::OR),
                };
                for (i, value) in values.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(word);
                    }
                    // The parser flattens `a or b or c`, so a nested chain needs parentheses.
                    self.expr(value, level + 1);
                }
            }
            ExprKind::NamedExpr { target, value } => {
                let _ = write!(self.out, "{} := ", target.name);
                self.expr(value, prec::LAMBDA);
            }
            ExprKind::BinOp {
                left,
                op: BinOp::Pow,
                right,
            } => {
                // Right-associative, and `-a ** b` is `-(a ** b)`.
                self.expr(left, prec::AWAIT);
                self.out.push_str(" ** ");
                self.expr(right, prec::FACTOR);
            }
            ExprKind::BinOp { left, op, right } => {
                let level = binop_prec(*op);
                self.expr(left, level);
                let _ = write!(self.out, " {} ", op.symbol());
                self.expr(right, level + 1);
            }
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => {
                self.out.push_str("not ");
                self.expr(operand, prec::NOT);
            }
            ExprKind::UnaryOp { op, operand } => {
                self.out.push_str(op.symbol());
                self.expr(operand, prec::FACTOR);
            }
            ExprKind::Lambda { params, body } => {
                self.out.push_str("lambda");
                let has_params = !params.posonly.is_empty()
                    || !params.args.is_empty()
                    || params.vararg.is_some()
                    || !params.kwonly.is_empty()
                    || params.kwarg.is_some();
                if has_params {
                    self.out.push(' ');
                    self.params(params, false);
                }
                self.out.push_str(": ");
                self.expr(body, prec::LAMBDA);
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(body, prec::OR);
                self.out.push_str(" if ");
                self.expr(test, prec::OR);
                self.out.push_str(" else ");
                // A lambda here is valid Python but would swallow a following `:`.
                self.expr(orelse, prec::IFEXP);
            }
            ExprKind::Dict(items) => {
                self.out.push('{');
                for (i, item) in items.iter().enumerate() {
                    self.sep(i);
                    match item {
                        DictItem::Pair { key, value } => {
                            self.expr(key, prec::IFEXP);
                            self.out.push_str(": ");
                            self.expr(value, prec::LAMBDA);
                        }
                        DictItem::Unpack(mapping) => {
                            self.out.push_str("**");
                            self.expr(mapping, prec::BOR);
                        }
                    }
                }
                self.out.push('}');
            }
            // `{}` is a dict; the parser never produces an empty set.
            ExprKind::Set(items) if items.is_empty() => self.out.push_str("set()"),
            ExprKind::Set(items) => self.display('{', items, '}'),
            ExprKind::List(items) => self.display('[', items, ']'),
            ExprKind::Tuple(items) => {
                self.display('(', items, ')');
                if items.len() == 1 {
                    self.out.insert(self.out.len() - 1, ',');
                }
            }
            ExprKind::ListComp { elt, generators } => self.comp('[', elt, None, generators, ']'),
            ExprKind::SetComp { elt, generators } => self.comp('{', elt, None, generators, '}'),
            ExprKind::GeneratorExp { elt, generators } => {
                self.comp('(', elt, None, generators, ')')
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comp('{', key, Some(value), generators, '}'),
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                // Comparisons chain, so a comparison operand of a comparison needs parentheses.
                self.expr(left, prec::BOR);
                for (op, right) in ops.iter().zip(comparators) {
                    let _ = write!(self.out, " {} ", op.symbol());
                    self.expr(right, prec::BOR);
                }
            }
            ExprKind::Call { func, args } => {
                self.expr(func, prec::PRIMARY);
                self.out.push('(');
                self.args(args);
                self.out.push(')');
            }
            ExprKind::Attribute { value, attr } => {
                // `1.real` would lex as the float `1.` followed by a name.
                let numeric = matches!(
                    value.kind,
                    ExprKind::Constant(Constant::Int(_) | Constant::Float(_))
                );
                self.expr(
                    value,
                    if numeric {
                        prec::ATOM + 1
                    } else {
                        prec::PRIMARY
                    },
                );
                let _ = write!(self.out, ".{}", attr.name);
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value, prec::PRIMARY);
                self.out.push('[');
                match &index.kind {
                    // Unparenthesised so that slices may appear; a starred item keeps them.
                    ExprKind::Tuple(items)
                        if !items.is_empty()
                            && !items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_))) =>
                    {
                        for (i, item) in items.iter().enumerate() {
                            self.sep(i);
                            self.index_item(item);
                        }
                        if items.len() == 1 {
                            self.out.push(',');
                        }
                    }
                    _ => self.index_item(index),
                }
                self.out.push(']');
            }
            ExprKind::Slice { .. } => self.index_item(e),
            ExprKind::Starred(value) => {
                self.out.push('*');
                self.expr(value, prec::BOR);
            }
        }
    }

    fn index_item(&mut self, e: &Expr) {
        if let ExprKind::Slice { lower, upper, step } = &e.kind {
            if let Some(lower) = lower {
                self.expr(lower, prec::IFEXP);
            }
            self.out.push(':');
            if let Some(upper) = upper {
                self.expr(upper, prec::IFEXP);
            }
            if let Some(step) = step {
                self.out.push(':');
                self.expr(step, prec::IFEXP);
            }
        } else {
            self.expr(e, prec::LAMBDA);
        }
    }

    fn display(&mut self, open: char, items: &[Expr], close: char) {
        self.out.push(open);
        self.exprs(items, prec::LAMBDA);
        self.out.push(close);
    }

    fn comp(
        &mut self,
        open: char,
        elt: &Expr,
        value: Option<&Expr>,
        gens: &[Comprehension],
        close: char,
    ) {
        self.out.push(open);
        self.expr(elt, prec::IFEXP);
        if let Some(value) = value {
            self.out.push_str(": ");
            self.expr(value, prec::IFEXP);
        }
        for generator in gens {
            self.out.push_str(" for ");
            self.expr_list(&generator.target, prec::LAMBDA);
            self.out.push_str(" in ");
            self.expr(&generator.iter, prec::OR);
            for cond in &generator.ifs {
                self.out.push_str(" if ");
                self.expr(cond, prec::OR);
            }
        }
        self.out.push(close);
    }

    fn args(&mut self, args: &[Arg]) {
        for (i, arg) in args.iter().enumerate() {
            self.sep(i);
            match arg {
                Arg::Positional(e) => self.expr(e, prec::LAMBDA),
                Arg::Starred(e) => {
                    self.out.push('*');
                    self.expr(e, prec::BOR);
                }
                Arg::Keyword { name, value } => {
                    let _ = write!(self.out, "{}=", name.name);
                    self.expr(value, prec::LAMBDA);
                }
                Arg::DoubleStarred(e) => {
                    self.out.push_str("**");
                    self.expr(e, prec::BOR);
                }
            }
        }
    }

    fn constant(&mut self, c: &Constant) {
        match c {
            Constant::None => self.out.push_str("None"),
            Constant::Bool(true) => self.out.push_str("True"),
            Constant::Bool(false) => self.out.push_str("False"),
            Constant::Ellipsis => self.out.push_str("..."),
            // Negative numbers are not literals; these cannot come from the parser.
            Constant::Int(i) if *i < 0 => {
                let _ = write!(self.out, "(-{})", i.unsigned_abs());
            }
            Constant::Int(i) => {
                let _ = write!(self.out, "{i}");
            }
            Constant::Float(f) if f.is_nan() => self.out.push_str("(1e309 - 1e309)"),
            Constant::Float(f) if f.is_sign_negative() => {
                let _ = write!(self.out, "(-{})", float_literal(-f));
            }
            Constant::Float(f) => self.out.push_str(&float_literal(*f)),
            Constant::Str(s) => {
                let quote = self.pick_quote(s);
                self.out.push(quote);
                escape_into(&mut self.out, s, quote, false);
                self.out.push(quote);
            }
        }
    }

    fn pick_quote(&self, s: &str) -> char {
        match self.enclosing_quote {
            Some('"') => '\'',
            Some(_) => '"',
            None if s.contains('"') && !s.contains('\'') => '\'',
            None => '"',
        }
    }

    fn fstring(&mut self, parts: &[FStringPart]) {
        let quote = if self.enclosing_quote == Some('"') {
            '\''
        } else {
            '"'
        };
        self.out.push('f');
        self.out.push(quote);
        self.fstring_parts(parts, quote);
        self.out.push(quote);
    }

    fn fstring_parts(&mut self, parts: &[FStringPart], quote: char) {
        for part in parts {
            match part {
                FStringPart::Literal(text) => escape_into(&mut self.out, text, quote, true),
                FStringPart::Field(field) => {
                    let mut inner = Printer {
                        enclosing_quote: Some(quote),
                        ..Printer::default()
                    };
                    // A lambda's `:` would start the format spec.
                    inner.expr(&field.expr, prec::IFEXP);
                    // `{{` would be an escaped brace, and `}}` reads as one too.
                    let pad = inner.out.starts_with('{') || inner.out.ends_with('}');
                    self.out.push_str(if pad { "{ " } else { "{" });
                    self.out.push_str(&inner.out);
                    if pad {
                        self.out.push(' ');
                    }
                    if let Some(conversion) = field.conversion {
                        self.out.push('!');
                        self.out.push(conversion);
                    }
                    if let Some(spec) = &field.format_spec {
                        self.out.push(':');
                        self.fstring_parts(spec, quote);
                    }
                    self.out.push('}');
                }
            }
        }
    }
}

/// The shortest decimal that reads back as the same float; `1e309` overflows to infinity.
fn float_literal(f: f64) -> String {
    if f.is_infinite() {
        return "1e309".to_string();
    }
    // Rust's `Debug` gives the shortest round-tripping form, always with `.` or `e`,
    // both of which Python reads as a float (`1.0`, `1e-7`, `1e16`).
    format!("{f:?}")
}

/// Characters printed as escapes: controls, and line and byte-order marks that an editor or
/// a lexer could treat specially.
fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}')
}

fn escape_into(out: &mut String, s: &str, quote: char, braces: bool) {
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '{' | '}' if braces => {
                out.push(c);
                out.push(c);
            }
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if needs_escape(c) => {
                let code = c as u32;
                let _ = match code {
                    0..=0xff => write!(out, "\\x{code:02x}"),
                    0x100..=0xffff => write!(out, "\\u{code:04x}"),
                    _ => write!(out, "\\U{code:08x}"),
                };
            }
            c => out.push(c),
        }
    }
}
