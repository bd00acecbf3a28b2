//! Turns LALRPOP's parse errors into plain-spoken diagnostics, using the set of tokens the
//! parser expected and the tokens around the failure.

use lalrpop_util::ParseError;

use crate::diagnostics::{Diagnostic, Span};
use crate::syntax::token::{Spanned, Tok};

use super::codes;

/// Converts a parse error; `tokens` is the full token list the parser saw and `src` the
/// text their spans index (for line numbers). `field` says the tokens are an f-string field.
pub(super) fn to_diagnostic(
    err: ParseError<usize, Tok, Diagnostic>,
    tokens: &[Spanned],
    src: &str,
    eof: usize,
    field: bool,
) -> Diagnostic {
    match err {
        ParseError::User { error } => error,
        ParseError::UnrecognizedToken { token, expected } => {
            let index = tokens
                .iter()
                .position(|t| t.0 == token.0 && t.2 == token.2 && t.1 == token.1)
                .unwrap_or(tokens.len());
            let found = Found {
                tok: Some(&token.1),
                span: Span::new(token.0, token.2),
                index,
            };
            unexpected(found, &expected, tokens, src, field)
        }
        ParseError::UnrecognizedEof { location, expected } => {
            let found = Found {
                tok: None,
                span: Span::new(location.max(eof), location.max(eof)),
                index: tokens.len(),
            };
            unexpected(found, &expected, tokens, src, field)
        }
        ParseError::ExtraToken { token } => {
            Diagnostic::error(codes::INVALID_SYNTAX, "invalid syntax").primary(
                Span::new(token.0, token.2),
                format!("unexpected {}", describe(Some(&token.1))),
            )
        }
        ParseError::InvalidToken { location } => {
            Diagnostic::error(codes::INVALID_SYNTAX, "invalid syntax")
                .primary(Span::new(location, location), "unexpected character")
        }
    }
}

/// The token the parser stopped at (`tok` is `None` at the end of input).
struct Found<'a> {
    tok: Option<&'a Tok>,
    span: Span,
    /// Its position in the token list.
    index: usize,
}

fn unexpected(
    found: Found,
    expected: &[String],
    tokens: &[Spanned],
    src: &str,
    field: bool,
) -> Diagnostic {
    let expected: Vec<&str> = expected.iter().map(|e| unquote(e)).collect();
    let expects = |t: &str| expected.contains(&t);
    let previous = found.index.checked_sub(1).and_then(|i| tokens.get(i));
    // Where a missing token belongs: just after the last token of the line.
    let gap = previous
        .filter(|p| p.1 != Tok::Newline)
        .map(|p| Span::new(p.2, p.2))
        .unwrap_or(found.span);
    let tok = found.tok;

    if tok == Some(&Tok::Indent) {
        let line = tokens
            .get(found.index + 1)
            .map_or(found.span, |t| Span::new(t.0, t.2));
        return Diagnostic::error(codes::UNEXPECTED_INDENT, "unexpected indent")
            .primary(line, "indented, but no block starts here")
            .help("only the lines after a header ending in `:` start a new, deeper block");
    }
    // After a `try` body, `else` is out of place for want of an `except` (reported below).
    if !expects("except") {
        if let Some(diag) = orphan_clause(tok, found.span, previous) {
            return diag;
        }
    }
    if let Some(diag) = other_language(previous, tok, found.span) {
        return diag;
    }
    if previous.is_some_and(|p| p.1 == Tok::Colon) && tok.is_some_and(starts_compound) {
        let word = tok.map(Tok::text).unwrap_or_default();
        return Diagnostic::error(
            codes::INVALID_SYNTAX,
            format!("`{word}` cannot follow `:` on the same line"),
        )
        .primary(found.span, "a compound statement must start its own line")
        .help("start the block on a new line, indented");
    }
    let generator_needs_parens = (tok == Some(&Tok::Comma) && expects("for") && expects(")"))
        || (tok == Some(&Tok::For) && expects(",") && expects(")"));
    if generator_needs_parens {
        return Diagnostic::error(
            codes::INVALID_SYNTAX,
            "generator expression must be parenthesized",
        )
        .primary(
            found.span,
            "the generator expression needs parentheses of its own",
        )
        .help("write `f((x for x in y), z)`");
    }
    if expects("INDENT") {
        return expected_block(&found, tokens, src);
    }
    if expects("~") && !tok.is_some_and(starts_expression) {
        let diag = match tok {
            Some(Tok::Newline) | None => {
                Diagnostic::error(codes::EXPECTED_EXPRESSION, "expected an expression")
                    .primary(gap, "expected an expression here")
            }
            Some(t) => Diagnostic::error(
                codes::EXPECTED_EXPRESSION,
                format!("expected an expression, found {}", describe(Some(t))),
            )
            .primary(found.span, "expected an expression here"),
        };
        return diag;
    }
    if tok == Some(&Tok::Equal) {
        return Diagnostic::error(
            codes::EQUALS_FOR_COMPARISON,
            "invalid syntax. Maybe you meant `==` or `:=` instead of `=`?",
        )
        .primary(found.span, "`=` cannot be used here")
        .help("write `==` to compare, or `:=` to assign inside an expression");
    }
    if let (Some((l, Tok::Name(name), r)), Some(t)) = (previous, tok) {
        let soft_keyword = name == "match" || name == "type";
        let first_on_line = line_start(tokens, found.index - 1).is_some_and(|s| s.0 == *l);
        if soft_keyword && first_on_line && starts_expression(t) {
            return Diagnostic::error(
                codes::UNSUPPORTED,
                format!("`{name}` statements are not supported in definition files"),
            )
            .primary(Span::new(*l, *r), format!("`{name}` statement here"))
            .help(match name.as_str() {
                "match" => "use `if`/`elif` chains instead",
                _ => "assign the type with `=` instead",
            });
        }
        if (name == "print" || name == "exec") && starts_expression(t) {
            return Diagnostic::error(
                codes::INVALID_SYNTAX,
                format!("missing parentheses in call to `{name}`"),
            )
            .primary(found.span, format!("expected `(` after `{name}`"))
            .help(format!("`{name}` is a function: write `{name}(...)`"));
        }
    }
    if expects(":")
        && (tok == Some(&Tok::Newline) || starts_header(line_start(tokens, found.index)))
    {
        return Diagnostic::error(codes::EXPECTED_TOKEN, "expected `:`")
            .primary(gap, "add `:` here")
            .help(
                "headers of `if`, `for`, `while`, `def`, `class`, `with` and `try` end with `:`",
            );
    }
    // Inside brackets, or in an f-string field (which its braces enclose).
    let in_brackets = field || expects(")") || expects("]") || expects("}");
    if in_brackets && expects(",") && tok.is_some_and(starts_expression) {
        return Diagnostic::error(
            codes::INVALID_SYNTAX,
            "invalid syntax. Perhaps you forgot a comma?",
        )
        .primary(found.span, "expected `,` before this")
        .secondary(gap, "the previous item ends here");
    }
    let mut wanted: Vec<String> = expected.iter().map(|e| describe_expected(e)).collect();
    wanted.dedup();
    if !wanted.is_empty() && wanted.len() <= 4 {
        return Diagnostic::error(
            codes::EXPECTED_TOKEN,
            format!("expected {}, found {}", one_of(&wanted), describe(tok)),
        )
        .primary(found.span, format!("unexpected {}", describe(tok)));
    }
    if let Some(closer @ (Tok::RPar | Tok::RSqb | Tok::RBrace)) = tok {
        return Diagnostic::error(
            codes::INVALID_SYNTAX,
            format!("unexpected `{}`", closer.text()),
        )
        .primary(found.span, "unexpected here");
    }
    Diagnostic::error(codes::INVALID_SYNTAX, "invalid syntax")
        .primary(found.span, format!("unexpected {}", describe(tok)))
}

/// Habits from other languages: `else if`, `&&`, `||`.
fn other_language(previous: Option<&Spanned>, tok: Option<&Tok>, span: Span) -> Option<Diagnostic> {
    let (pl, prev, _) = previous?;
    let both = Span::new(*pl, span.end);
    let (message, label, help) = match (prev, tok?) {
        (Tok::Else, Tok::If) => (
            "`else if` is written `elif` in Python",
            "write `elif` here",
            "`elif condition:` continues an `if` statement",
        ),
        (Tok::Amper, Tok::Amper) => (
            "`&&` is not an operator in Python",
            "write `&` or `and` here",
            "combine series (ehrQL conditions) with `&`; combine plain true/false values with `and`",
        ),
        (Tok::VBar, Tok::VBar) => (
            "`||` is not an operator in Python",
            "write `|` or `or` here",
            "combine series (ehrQL conditions) with `|`; combine plain true/false values with `or`",
        ),
        _ => return None,
    };
    Some(
        Diagnostic::error(codes::INVALID_SYNTAX, message)
            .primary(both, label)
            .help(help),
    )
}

/// `else`, `elif`, `except` or `finally` starting a line where no block they belong to ends.
fn orphan_clause(tok: Option<&Tok>, span: Span, previous: Option<&Spanned>) -> Option<Diagnostic> {
    let at_line_start =
        previous.is_none_or(|p| matches!(p.1, Tok::Newline | Tok::Dedent | Tok::Indent));
    if !at_line_start {
        return None;
    }
    let owners = match tok? {
        Tok::Elif => "an `if` block",
        Tok::Else => "an `if`, `for`, `while` or `try` block",
        Tok::Except | Tok::Finally => "a `try` block",
        _ => return None,
    };
    let word = tok?.text();
    Some(
        Diagnostic::error(
            codes::INVALID_SYNTAX,
            format!("`{word}` without a block it belongs to"),
        )
        .primary(span, format!("`{word}` must follow {owners}"))
        .help(format!(
            "check the indentation: `{word}` lines up with the header it continues"
        )),
    )
}

/// A header line ended without a block under it.
fn expected_block(found: &Found, tokens: &[Spanned], src: &str) -> Diagnostic {
    // The token before `found` is the NEWLINE ending the header line.
    let header = line_start(tokens, found.index.saturating_sub(1));
    let here = match found.tok {
        Some(_) => found.span,
        None => Span::new(found.span.start, found.span.start),
    };
    let help = "indent the body under the header; write `pass` for a block that does nothing";
    let Some((l, tok, r)) = header else {
        return Diagnostic::error(codes::EXPECTED_BLOCK, "expected an indented block")
            .primary(here, "expected an indented line here")
            .help(help);
    };
    let line = src[..(*l).min(src.len())].matches('\n').count() + 1;
    let what = match tok {
        Tok::Def => "function definition".to_string(),
        Tok::Class => "class definition".to_string(),
        other => format!("`{}` statement", other.text()),
    };
    Diagnostic::error(
        codes::EXPECTED_BLOCK,
        format!("expected an indented block after {what} on line {line}"),
    )
    .primary(here, "expected an indented line here")
    .secondary(Span::new(*l, *r), format!("this {what} needs a body"))
    .help(help)
}

/// The first token of the logical line containing token `index`.
fn line_start(tokens: &[Spanned], index: usize) -> Option<&Spanned> {
    let end = index.min(tokens.len());
    let start = tokens[..end]
        .iter()
        .rposition(|t| matches!(t.1, Tok::Newline | Tok::Indent | Tok::Dedent))
        .map_or(0, |i| i + 1);
    tokens.get(start).filter(|_| start <= index)
}

fn starts_compound(tok: &Tok) -> bool {
    matches!(
        tok,
        Tok::If | Tok::For | Tok::While | Tok::Def | Tok::Class | Tok::With | Tok::Try
    )
}

fn starts_header(first: Option<&Spanned>) -> bool {
    first.is_some_and(|t| {
        matches!(
            t.1,
            Tok::If
                | Tok::Elif
                | Tok::Else
                | Tok::For
                | Tok::While
                | Tok::Def
                | Tok::Class
                | Tok::With
                | Tok::Try
                | Tok::Except
                | Tok::Finally
        )
    })
}

fn starts_expression(tok: &Tok) -> bool {
    matches!(
        tok,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Str(_)
            | Tok::FString(_)
            | Tok::LPar
            | Tok::LSqb
            | Tok::LBrace
            | Tok::Minus
            | Tok::Plus
            | Tok::Tilde
            | Tok::Not
            | Tok::Lambda
            | Tok::None
            | Tok::True
            | Tok::False
            | Tok::Ellipsis
    )
}

/// LALRPOP names expected terminals as they are written in the grammar, quotes included.
fn unquote(name: &str) -> &str {
    name.strip_prefix('"')
        .and_then(|n| n.strip_suffix('"'))
        .unwrap_or(name)
}

fn describe_expected(name: &str) -> String {
    match name {
        "name" => "a name".into(),
        "int" | "float" => "a number".into(),
        "string" | "fstring" => "a string".into(),
        "NEWLINE" => "end of line".into(),
        "INDENT" => "an indented block".into(),
        "DEDENT" => "the end of the block".into(),
        other => format!("`{}`", other.replace("\\\"", "\"")),
    }
}

/// How a found token reads in a message.
fn describe(tok: Option<&Tok>) -> String {
    match tok {
        None => "end of file".into(),
        Some(Tok::Newline) => "end of line".into(),
        Some(Tok::Indent) => "indent".into(),
        Some(Tok::Dedent) => "end of block".into(),
        Some(Tok::Str(_)) => "string literal".into(),
        Some(Tok::FString(_)) => "f-string".into(),
        Some(t) => format!("`{}`", t.text()),
    }
}

fn one_of(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {}", init.join(", "), last),
    }
}
