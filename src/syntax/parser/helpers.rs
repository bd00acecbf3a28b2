//! AST-building helpers for the grammar's actions, so the actions stay one line each.
//!
//! Spans of compound nodes come from the grammar's `@L`/`@R` positions, never from the
//! children, so `(a).b` starts at the `(`. A compound statement ends where its last nested
//! statement ends (the block's DEDENT sits on a later line).

use lalrpop_util::ParseError;

use crate::diagnostics::{Diagnostic, Span};
use crate::syntax::ast::*;
use crate::syntax::token::Tok;

pub use super::arguments::{arguments, keyword_argument, parameters, ArgItem, ParamItem};
pub use super::checks::{
    ann_assign, assign, aug_assign, bare_except_last, delete, expression_statement, named_expr,
    parenthesised, target, unstarred, TargetContext,
};

/// Wraps a check's diagnostic as the grammar's error type.
pub fn user(error: Diagnostic) -> ParseError<usize, Tok, Diagnostic> {
    ParseError::User { error }
}

pub fn prepend<T>(first: T, rest: Vec<T>) -> Vec<T> {
    let mut items = Vec::with_capacity(rest.len() + 1);
    items.push(first);
    items.extend(rest);
    items
}

/// One written string literal, before adjacent literals are joined.
pub enum StrPiece {
    Plain(String),
    Formatted(Vec<FStringPart>),
}

/// Joins adjacent literals: all plain gives a string constant, any f-string gives a
/// `JoinedStr` whose neighbouring literal parts are merged (and empty ones dropped).
pub fn join_strings(pieces: Vec<StrPiece>, span: Span) -> Expr {
    if pieces.iter().all(|p| matches!(p, StrPiece::Plain(_))) {
        let mut text = String::new();
        for piece in pieces {
            if let StrPiece::Plain(s) = piece {
                text.push_str(&s);
            }
        }
        return Expr::new(ExprKind::Constant(Constant::Str(text)), span);
    }
    let mut parts: Vec<FStringPart> = Vec::new();
    let mut push = |part: FStringPart| match (parts.last_mut(), part) {
        (_, FStringPart::Literal(s)) if s.is_empty() => {}
        (Some(FStringPart::Literal(prev)), FStringPart::Literal(s)) => prev.push_str(&s),
        (_, part) => parts.push(part),
    };
    for piece in pieces {
        match piece {
            StrPiece::Plain(s) => push(FStringPart::Literal(s)),
            StrPiece::Formatted(fparts) => fparts.into_iter().for_each(&mut push),
        }
    }
    Expr::new(ExprKind::JoinedStr(parts), span)
}

/// `items` with the flag saying whether a comma was written: `x` stays `x`, `x,` is a tuple.
pub fn tuple_or_single((mut items, comma): (Vec<Expr>, bool), span: Span) -> Expr {
    if !comma && items.len() == 1 {
        items.pop().expect("one item")
    } else {
        Expr::new(ExprKind::Tuple(items), span)
    }
}

pub fn bin_op(left: Expr, op: BinOp, right: Expr, span: Span) -> Expr {
    Expr::new(
        ExprKind::BinOp {
            left: Box::new(left),
            op,
            right: Box::new(right),
        },
        span,
    )
}

pub fn unary(op: UnaryOp, operand: Expr, span: Span) -> Expr {
    Expr::new(
        ExprKind::UnaryOp {
            op,
            operand: Box::new(operand),
        },
        span,
    )
}

/// `a or b or c` is one node with three values, as in Python's AST.
pub fn bool_op(op: BoolOp, first: Expr, rest: Vec<Expr>, span: Span) -> Expr {
    Expr::new(
        ExprKind::BoolOp {
            op,
            values: prepend(first, rest),
        },
        span,
    )
}

pub fn compare(left: Expr, rest: Vec<(CmpOp, Expr)>, span: Span) -> Expr {
    let (ops, comparators) = rest.into_iter().unzip();
    Expr::new(
        ExprKind::Compare {
            left: Box::new(left),
            ops,
            comparators,
        },
        span,
    )
}

pub fn slice(lower: Option<Expr>, upper: Option<Expr>, step: Option<Expr>, span: Span) -> Expr {
    Expr::new(
        ExprKind::Slice {
            lower: lower.map(Box::new),
            upper: upper.map(Box::new),
            step: step.map(Box::new),
        },
        span,
    )
}

/// Which comprehension an element and its `for` clauses make.
pub enum CompKind {
    List,
    Set,
    Generator,
}

pub fn comprehension_expr(
    kind: CompKind,
    elt: Expr,
    generators: Vec<Comprehension>,
    span: Span,
) -> Expr {
    let elt = Box::new(elt);
    let kind = match kind {
        CompKind::List => ExprKind::ListComp { elt, generators },
        CompKind::Set => ExprKind::SetComp { elt, generators },
        CompKind::Generator => ExprKind::GeneratorExp { elt, generators },
    };
    Expr::new(kind, span)
}

/// From `start` to the end of the last statement of the last non-empty block.
pub fn block_span(start: usize, body: &[Stmt], orelse: &[Stmt]) -> Span {
    let last = orelse.last().or(body.last());
    Span::new(start, last.map_or(start, |s| s.span.end))
}

/// Builds `if`/`elif`/`else`: each `elif` is an `If` alone in the previous `orelse`.
pub fn if_chain(
    start: usize,
    test: Expr,
    body: Vec<Stmt>,
    elifs: Vec<(usize, Expr, Vec<Stmt>)>,
    orelse: Option<Vec<Stmt>>,
) -> Stmt {
    let mut tail = orelse.unwrap_or_default();
    for (elif_start, elif_test, elif_body) in elifs.into_iter().rev() {
        let span = block_span(elif_start, &elif_body, &tail);
        let node = StmtKind::If {
            test: elif_test,
            body: elif_body,
            orelse: tail,
        };
        tail = vec![Stmt::new(node, span)];
    }
    let span = block_span(start, &body, &tail);
    Stmt::new(
        StmtKind::If {
            test,
            body,
            orelse: tail,
        },
        span,
    )
}

pub fn try_statement(
    start: usize,
    body: Vec<Stmt>,
    handlers: Vec<ExceptHandler>,
    orelse: Vec<Stmt>,
    finalbody: Vec<Stmt>,
) -> Stmt {
    let end = [finalbody.last(), orelse.last()]
        .into_iter()
        .flatten()
        .map(|s| s.span.end)
        .next()
        .or(handlers.last().map(|h| h.span.end))
        .or(body.last().map(|s| s.span.end))
        .unwrap_or(start);
    Stmt::new(
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        },
        Span::new(start, end),
    )
}

pub fn except_handler(
    start: usize,
    typ: Option<Expr>,
    name: Option<Ident>,
    body: Vec<Stmt>,
) -> ExceptHandler {
    let span = block_span(start, &body, &[]);
    ExceptHandler {
        typ,
        name,
        body,
        span,
    }
}

pub fn class_def(start: usize, name: Ident, bases: Vec<Arg>, body: Vec<Stmt>) -> Stmt {
    let span = block_span(start, &body, &[]);
    let class = ClassDef {
        name,
        bases,
        body,
        decorators: vec![],
    };
    Stmt::new(StmtKind::ClassDef(Box::new(class)), span)
}

/// Attaches decorators (with the positions of their `@`) to a `def` or `class`, whose span
/// then starts at the first `@`.
pub fn decorate(decorators: Vec<(usize, Expr)>, mut stmt: Stmt) -> Stmt {
    if let Some((start, _)) = decorators.first() {
        stmt.span.start = *start;
    }
    let exprs = decorators.into_iter().map(|(_, e)| e).collect();
    match &mut stmt.kind {
        StmtKind::FunctionDef(def) => def.decorators = exprs,
        StmtKind::ClassDef(class) => class.decorators = exprs,
        _ => {}
    }
    stmt
}
