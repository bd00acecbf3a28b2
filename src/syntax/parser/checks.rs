//! The checks Python makes while parsing: assignment and delete targets, walrus targets,
//! the order of call arguments and of parameters. Each failure is a [`Diagnostic`] with the
//! offending span labelled.

use std::collections::HashMap;

use crate::diagnostics::{Diagnostic, Span};
use crate::syntax::ast::*;

use super::codes;

/// Where a target appears; the wording of errors depends on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetContext {
    Assign,
    For,
    With,
    Comprehension,
    Delete,
}

/// What Python calls an expression in "cannot assign to ..." messages.
fn describe(e: &Expr) -> &'static str {
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

fn is_keyword_constant(e: &Expr) -> bool {
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

/// `targets = value` with one or more targets (`a = b = value`).
pub fn assign(first: Expr, rest: Vec<Expr>, span: Span) -> Result<Stmt, Diagnostic> {
    let mut exprs = super::helpers::prepend(first, rest);
    let value = exprs.pop().expect("an assignment has a value");
    let targets = exprs
        .into_iter()
        .map(|t| target(t, TargetContext::Assign))
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

/// A call argument as written, with the spans the order checks need.
pub enum ArgItem {
    Positional(Expr),
    /// The sole argument `x for x in y` of `f(x for x in y)`: the call's parentheses are
    /// its own, so its span becomes theirs (as in Python).
    BareGenerator(Expr),
    Starred(Expr, Span),
    DoubleStarred(Expr, Span),
    Keyword(Ident, Expr, Span),
}

/// `name=value` in a call; anything but a plain name before `=` is a mistaken `==` or `:=`.
pub fn keyword_argument(
    name: Expr,
    equals: Span,
    value: Expr,
    span: Span,
) -> Result<ArgItem, Diagnostic> {
    match name.kind {
        ExprKind::Name(id) => {
            let ident = Ident {
                name: id,
                span: name.span,
            };
            Ok(ArgItem::Keyword(ident, value, span))
        }
        _ if is_keyword_constant(&name) => Err(Diagnostic::error(
            codes::INVALID_TARGET,
            format!("cannot assign to {}", describe(&name)),
        )
        .primary(name.span, "a keyword argument needs a plain name")),
        _ => Err(Diagnostic::error(
            codes::EQUALS_FOR_COMPARISON,
            "invalid syntax. Maybe you meant `==` or `:=` instead of `=`?",
        )
        .primary(equals, "`=` in a call names a keyword argument")
        .secondary(name.span, "this is not a plain name")
        .help("write `==` to compare, or `:=` to assign inside an expression")),
    }
}

/// Checks Python's argument order: positional, then `*x`, keywords and `**y`, where a
/// positional may not follow a keyword nor a `*x` follow a `**y`; no keyword twice.
pub fn arguments(items: Vec<ArgItem>, parens: Span) -> Result<Vec<Arg>, Diagnostic> {
    let mut seen_keyword: Option<Span> = None;
    let mut seen_double: Option<Span> = None;
    let mut names: HashMap<String, Span> = HashMap::new();
    let mut args = Vec::with_capacity(items.len());
    for item in items {
        match item {
            ArgItem::BareGenerator(mut e) => {
                e.span = parens;
                args.push(Arg::Positional(e));
            }
            ArgItem::Positional(e) => {
                if let Some(double) = seen_double {
                    return Err(order_error(
                        "positional argument follows keyword argument unpacking",
                        e.span,
                        double,
                    ));
                }
                if let Some(keyword) = seen_keyword {
                    return Err(order_error(
                        "positional argument follows keyword argument",
                        e.span,
                        keyword,
                    ));
                }
                args.push(Arg::Positional(e));
            }
            ArgItem::Starred(e, span) => {
                if let Some(double) = seen_double {
                    return Err(order_error(
                        "iterable argument unpacking follows keyword argument unpacking",
                        span,
                        double,
                    ));
                }
                args.push(Arg::Starred(e));
            }
            ArgItem::DoubleStarred(e, span) => {
                seen_double.get_or_insert(span);
                args.push(Arg::DoubleStarred(e));
            }
            ArgItem::Keyword(name, value, span) => {
                if let Some(first) = names.get(&name.name) {
                    return Err(Diagnostic::error(
                        codes::INVALID_ARGUMENTS,
                        format!("keyword argument repeated: `{}`", name.name),
                    )
                    .primary(name.span, "repeated here")
                    .secondary(*first, "first given here"));
                }
                names.insert(name.name.clone(), name.span);
                seen_keyword.get_or_insert(span);
                args.push(Arg::Keyword { name, value });
            }
        }
    }
    Ok(args)
}

fn order_error(message: &str, here: Span, earlier: Span) -> Diagnostic {
    Diagnostic::error(codes::INVALID_ARGUMENTS, message)
        .primary(here, "this argument is out of order")
        .secondary(earlier, "it comes after this one")
}

/// A parameter as written, before the order rules are checked.
pub enum ParamItem {
    Plain(Param),
    /// `/`: everything before is positional-only.
    Slash(Span),
    /// `*` (bare, with the span of the star) or `*args`.
    Star(Span, Option<Param>),
    /// `**kwargs`.
    DoubleStar(Span, Param),
}

fn param_error(message: impl Into<String>, span: Span, label: &str) -> Diagnostic {
    Diagnostic::error(codes::INVALID_PARAMETERS, message).primary(span, label)
}

/// Sorts parameters into Python's groups, checking the order rules as Python does.
pub fn parameters(items: Vec<ParamItem>, _list: Span) -> Result<Parameters, Diagnostic> {
    let mut params = Parameters::default();
    let mut star: Option<(Span, bool)> = None;
    let mut slash: Option<Span> = None;
    let mut first_default: Option<Span> = None;
    let mut kwarg_span: Option<Span> = None;
    let mut names: HashMap<String, Span> = HashMap::new();
    let mut check_name = |p: &Param| -> Result<(), Diagnostic> {
        if let Some(first) = names.insert(p.name.name.clone(), p.name.span) {
            return Err(param_error(
                format!("duplicate parameter `{}`", p.name.name),
                p.name.span,
                "second parameter with this name",
            )
            .secondary(first, "first parameter with this name"));
        }
        Ok(())
    };
    for item in items {
        let span = match &item {
            ParamItem::Plain(p) => p.span,
            ParamItem::Slash(s) | ParamItem::Star(s, _) | ParamItem::DoubleStar(s, _) => *s,
        };
        if let Some(kwarg) = kwarg_span {
            return Err(param_error(
                "parameters cannot follow the `**` parameter",
                span,
                "move this before the `**` parameter",
            )
            .secondary(kwarg, "the `**` parameter must come last"));
        }
        match item {
            ParamItem::Plain(p) => {
                check_name(&p)?;
                if star.is_some() {
                    params.kwonly.push(p);
                    continue;
                }
                match (&p.default, first_default) {
                    (Some(default), None) => first_default = Some(default.span),
                    (None, Some(default)) => {
                        return Err(param_error(
                            "parameter without a default follows parameter with a default",
                            p.span,
                            "this parameter needs a default",
                        )
                        .secondary(default, "an earlier parameter has a default"));
                    }
                    _ => {}
                }
                params.args.push(p);
            }
            ParamItem::Slash(span) => {
                if let Some(first) = slash {
                    return Err(param_error("`/` may appear only once", span, "second `/`")
                        .secondary(first, "first `/`"));
                }
                if let Some((star_span, _)) = star {
                    return Err(param_error("`/` must be ahead of `*`", span, "this `/`")
                        .secondary(star_span, "comes after this `*`"));
                }
                if params.args.is_empty() {
                    return Err(param_error(
                        "at least one parameter must precede `/`",
                        span,
                        "nothing before this `/`",
                    ));
                }
                slash = Some(span);
                params.posonly = std::mem::take(&mut params.args);
            }
            ParamItem::Star(span, param) => {
                if let Some((first, _)) = star {
                    return Err(param_error("`*` may appear only once", span, "second `*`")
                        .secondary(first, "first `*`"));
                }
                if let Some(p) = &param {
                    check_name(p)?;
                    if let Some(default) = &p.default {
                        return Err(param_error(
                            "the `*` parameter cannot have a default value",
                            default.span,
                            "remove this default",
                        ));
                    }
                }
                star = Some((span, param.is_none()));
                params.vararg = param;
            }
            ParamItem::DoubleStar(span, p) => {
                check_name(&p)?;
                if let Some(default) = &p.default {
                    return Err(param_error(
                        "the `**` parameter cannot have a default value",
                        default.span,
                        "remove this default",
                    ));
                }
                kwarg_span = Some(span);
                params.kwarg = Some(p);
            }
        }
    }
    if let Some((span, true)) = star {
        if params.kwonly.is_empty() {
            return Err(param_error(
                "named parameters must follow bare `*`",
                span,
                "add a keyword-only parameter after this `*`, or remove it",
            ));
        }
    }
    Ok(params)
}
