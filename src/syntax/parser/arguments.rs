//! The checks Python makes while parsing calls and definitions: the order of call arguments
//! (positional, `*x`, keywords, `**y`; no keyword twice) and of parameters (defaults, `/`,
//! `*`, `**`; no name twice). Each failure is a [`Diagnostic`] with the offending span labelled.

use std::collections::HashMap;

use crate::diagnostics::{Diagnostic, Span};
use crate::syntax::ast::*;

use super::checks::{describe, is_keyword_constant};
use super::codes;

/// A call argument as written, with the spans the order checks need.
pub enum ArgItem {
    Positional(Expr),
    /// The sole argument `x for x in y` of `f(x for x in y)`: the call's parentheses are
    /// its own, so its span becomes theirs (as in Python).
    BareGenerator(Expr),
    Starred(Expr, Span),
    DoubleStarred(Expr, Span),
    /// Boxed: parser stack entries are as large as their largest symbol.
    Keyword(Box<(Ident, Expr, Span)>),
}

/// `name=value` in a call; anything but a plain name before `=` is a mistaken `==` or `:=`.
pub fn keyword_argument(
    name: Expr,
    equals: Span,
    value: Expr,
    span: Span,
) -> Result<ArgItem, Diagnostic> {
    match name.kind {
        // `(a)=1` is not a keyword argument: the name must be written bare.
        ExprKind::Name(id) if name.span.start == span.start => {
            let ident = Ident {
                name: id,
                span: name.span,
            };
            Ok(ArgItem::Keyword(Box::new((ident, value, span))))
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
        .secondary(name.span, "a keyword must be a bare name")
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
            ArgItem::Keyword(keyword) => {
                let (name, value, span) = *keyword;
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
    // Boxed: parser stack entries are as large as their largest symbol.
    Plain(Box<Param>),
    /// `/`: everything before is positional-only.
    Slash(Span),
    /// `*` (bare, with the span of the star) or `*args`.
    Star(Span, Option<Box<Param>>),
    /// `**kwargs`.
    DoubleStar(Span, Box<Param>),
}

fn param_error(message: impl Into<String>, span: Span, label: &str) -> Diagnostic {
    Diagnostic::error(codes::INVALID_PARAMETERS, message).primary(span, label)
}

/// Sorts parameters into Python's groups, checking the order rules as Python does.
pub fn parameters(items: Vec<ParamItem>) -> Result<Parameters, Diagnostic> {
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
                    params.kwonly.push(*p);
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
                params.args.push(*p);
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
                params.vararg = param.map(|p| *p);
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
                params.kwarg = Some(*p);
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
