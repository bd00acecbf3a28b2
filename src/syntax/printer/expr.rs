//! The expression half of the printer: precedence and parentheses, operators, displays,
//! comprehensions, calls and subscripts.

use std::fmt::Write;

use super::Printer;
use crate::syntax::ast::*;

/// Binding strength, weakest first. A child whose level is below what its position needs
/// is parenthesised.
pub(super) mod prec {
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

impl Printer {
    pub(super) fn expr(&mut self, e: &Expr, min: u8) {
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
    pub(super) fn expr_list(&mut self, e: &Expr, min: u8) {
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

    pub(super) fn exprs(&mut self, items: &[Expr], min: u8) {
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

    pub(super) fn args(&mut self, args: &[Arg]) {
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
}
