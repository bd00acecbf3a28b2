//! The pretty-printer: prints an AST back as Python 3.12 source that parses to the same tree.
//!
//! Parentheses are added only where Python's precedence table needs them, plus a few places
//! where they are harmless and keep the output easy to parse (tuples, walrus, lambdas before
//! a `:`). Tuples are always parenthesised except as subscript indices, where a slice inside
//! one cannot be parenthesised.

use std::fmt::Write;

use crate::syntax::ast::*;

mod expr;
mod literals;

use expr::prec;
use literals::needs_escape;

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
                    // So do a walrus and a generator: our parser rejects `with (a := b):`
                    // and `with (x for x in y):`, though Python accepts them.
                    let doubled = matches!(
                        item.context.kind,
                        ExprKind::Tuple(_)
                            | ExprKind::NamedExpr { .. }
                            | ExprKind::GeneratorExp { .. }
                    );
                    self.out.push_str(if doubled { "(" } else { "" });
                    self.expr(&item.context, prec::IFEXP);
                    self.out.push_str(if doubled { ")" } else { "" });
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
