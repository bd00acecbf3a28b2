//! The checks Python makes while parsing assignments: assignment, `del`, `for` and walrus
//! targets, and where a starred expression may stand. Each failure is a [`Diagnostic`] with
//! the offending span labelled. (Argument and parameter order: `arguments.rs`.)

use crate::diagnostics::{Diagnostic, Span};
use crate::syntax::ast::*;

use super::codes;

/// Where a target appears; the wording of errors depends on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetContext {
    /// The first target of an assignment, where `==` may have been meant.
    Assign,
    /// A later target of a chained assignment (`a = b = c`).
    ChainedAssign,
    For,
    With,
    Comprehension,
    Delete,
}

/// What Python calls an expression in "cannot assign to ..." messages.
pub(super) fn describe(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Name(_) => "name",
        ExprKind::Constant(Constant::None) => "None",
        ExprKind::Constant(Constant::Bool(true)) => "True",
        ExprKind::Constant(Constant::Bool(false)) => "False",
        ExprKind::Constant(Constant::Ellipsis) => "ellipsis",
        ExprKind::Constant(_) => "literal",
        ExprKind::JoinedStr(_) => "f-string expression",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::Call { .. } => "function call",
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Slice { .. } => "slice",
        ExprKind::Starred(_) => "starred",
    }
}

pub(super) fn is_keyword_constant(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Constant(Constant::None | Constant::Bool(_))
    )
}

/// Checks that `e` can be assigned to (or deleted) and returns it unchanged.
pub fn target(e: Expr, context: TargetContext) -> Result<Expr, Diagnostic> {
    if let ExprKind::Starred(_) = e.kind {
        let message = match context {
            TargetContext::Delete => "cannot delete starred",
            _ => "starred assignment target must be in a list or tuple",
        };
        return Err(Diagnostic::error(codes::INVALID_TARGET, message)
            .primary(e.span, "a starred target needs a tuple or list around it"));
    }
    check_target(&e, context, true)?;
    Ok(e)
}

fn check_target(e: &Expr, context: TargetContext, top: bool) -> Result<(), Diagnostic> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => Ok(()),
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            let mut starred: Option<Span> = None;
            for item in items {
                match &item.kind {
                    ExprKind::Starred(inner) if context != TargetContext::Delete => {
                        if let Some(first) = starred {
                            return Err(Diagnostic::error(
                                codes::INVALID_TARGET,
                                "multiple starred expressions in assignment",
                            )
                            .primary(item.span, "second starred target")
                            .secondary(first, "first starred target"));
                        }
                        starred = Some(item.span);
                        check_target(inner, context, false)?;
                    }
                    _ => check_target(item, context, false)?,
                }
            }
            Ok(())
        }
        _ => Err(bad_target(e, context, top)),
    }
}

fn bad_target(e: &Expr, context: TargetContext, top: bool) -> Diagnostic {
    let what = describe(e);
    let message = match context {
        TargetContext::Delete => format!("cannot delete {what}"),
        _ if is_keyword_constant(e) => format!("cannot assign to {what}"),
        TargetContext::Assign if top => {
            format!("cannot assign to {what} here. Maybe you meant `==` instead of `=`?")
        }
        _ => format!("cannot assign to {what}"),
    };
    let label = match context {
        TargetContext::Delete => "cannot be deleted",
        _ => "cannot be assigned to",
    };
    Diagnostic::error(codes::INVALID_TARGET, message).primary(e.span, label)
}

/// A value that may be a tuple with starred items but not a lone `*x` (`x = *a` is an error).
pub fn unstarred(e: Expr) -> Result<Expr, Diagnostic> {
    match e.kind {
        ExprKind::Starred(_) => Err(starred_here(e.span)),
        _ => Ok(e),
    }
}

/// A bare `except:` catches everything, so handlers after it could never run.
pub fn bare_except_last(handlers: &[ExceptHandler]) -> Result<(), Diagnostic> {
    let last = handlers.len().saturating_sub(1);
    match handlers.iter().take(last).find(|h| h.typ.is_none()) {
        Some(bare) => {
            let keyword = Span::new(bare.span.start, bare.span.start + "except".len());
            Err(
                Diagnostic::error(codes::INVALID_SYNTAX, "default `except:` must be last")
                    .primary(keyword, "this catches every exception")
                    .secondary(handlers[last].span, "so this handler could never run"),
            )
        }
        None => Ok(()),
    }
}

/// `targets = value` with one or more targets (`a = b = value`).
pub fn assign(first: Expr, rest: Vec<Expr>, span: Span) -> Result<Stmt, Diagnostic> {
    let mut exprs = super::helpers::prepend(first, rest);
    let value = unstarred(exprs.pop().expect("an assignment has a value"))?;
    let targets = exprs
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            let context = match i {
                0 => TargetContext::Assign,
                _ => TargetContext::ChainedAssign,
            };
            target(t, context)
        })
        .collect::<Result<_, _>>()?;
    Ok(Stmt::new(StmtKind::Assign { targets, value }, span))
}

fn single_target(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
    )
}

pub fn aug_assign(target: Expr, op: BinOp, value: Expr, span: Span) -> Result<Stmt, Diagnostic> {
    if !single_target(&target) {
        let message = format!(
            "{} is an illegal target for augmented assignment",
            describe(&target)
        );
        return Err(Diagnostic::error(codes::INVALID_TARGET, message)
            .primary(target.span, "cannot be updated in place")
            .help(
                "augmented assignment (`+=` and the like) needs a name, attribute or subscript",
            ));
    }
    let value = unstarred(value)?;
    Ok(Stmt::new(StmtKind::AugAssign { target, op, value }, span))
}

pub fn ann_assign(
    target: Expr,
    annotation: Expr,
    value: Option<Expr>,
    span: Span,
) -> Result<Stmt, Diagnostic> {
    if !single_target(&target) {
        let message = match target.kind {
            ExprKind::Tuple(_) => "only single target (not tuple) can be annotated",
            ExprKind::List(_) => "only single target (not list) can be annotated",
            _ => "illegal target for annotation",
        };
        return Err(Diagnostic::error(codes::INVALID_TARGET, message)
            .primary(target.span, "cannot be annotated"));
    }
    let value = value.map(unstarred).transpose()?;
    Ok(Stmt::new(
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
        },
        span,
    ))
}

pub fn delete(targets: Vec<Expr>, span: Span) -> Result<Stmt, Diagnostic> {
    let targets = targets
        .into_iter()
        .map(|t| target(t, TargetContext::Delete))
        .collect::<Result<_, _>>()?;
    Ok(Stmt::new(StmtKind::Delete { targets }, span))
}

/// An expression used as a statement; a lone `*x` means nothing there.
pub fn expression_statement(e: Expr, span: Span) -> Result<Stmt, Diagnostic> {
    if let ExprKind::Starred(_) = e.kind {
        return Err(starred_here(e.span));
    }
    Ok(Stmt::new(StmtKind::Expr(e), span))
}

fn starred_here(span: Span) -> Diagnostic {
    Diagnostic::error(codes::INVALID_STARRED, "cannot use starred expression here")
        .primary(span, "`*` unpacks only inside a list, tuple, set or call")
}

/// Parenthesised items: `(x)` is `x` itself (with its own span), `(x,)` a tuple.
pub fn parenthesised(
    (mut items, comma): (Vec<Expr>, bool),
    span: Span,
) -> Result<Expr, Diagnostic> {
    if !comma && items.len() == 1 {
        let item = items.pop().expect("one item");
        if let ExprKind::Starred(_) = item.kind {
            return Err(starred_here(item.span));
        }
        return Ok(item);
    }
    Ok(Expr::new(ExprKind::Tuple(items), span))
}

/// `target := value`; only a plain name can be the target.
pub fn named_expr(target: Expr, value: Expr, span: Span) -> Result<Expr, Diagnostic> {
    match target.kind {
        ExprKind::Name(name) => Ok(Expr::new(
            ExprKind::NamedExpr {
                target: Ident {
                    name,
                    span: target.span,
                },
                value: Box::new(value),
            },
            span,
        )),
        _ => Err(Diagnostic::error(
            codes::INVALID_TARGET,
            format!(
                "cannot use assignment expressions with {}",
                describe(&target)
            ),
        )
        .primary(target.span, "`:=` needs a plain name on its left")),
    }
}
