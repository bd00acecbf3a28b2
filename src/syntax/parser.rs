//! Parser glue: runs the LALRPOP grammar (`grammar/ehrql.lalrpop`) over the lexer's tokens
//! and turns its errors into diagnostics.
//!
//! Syntax error codes (the lexer owns its own):
//!
//! | code  | meaning |
//! |-------|---------|
//! | E0101 | invalid syntax: an unexpected token no other code describes better |
//! | E0102 | a particular token was required, e.g. "expected `:`" |
//! | E0103 | expected an indented block after a `def`, `if`, ... header |
//! | E0104 | unexpected indent |
//! | E0105 | expected an expression |
//! | E0106 | `=` where `==` or `:=` was meant |
//! | E0107 | invalid assignment, `del`, `for`, `with` or walrus target |
//! | E0108 | invalid call arguments (order, repeated keyword) |
//! | E0109 | invalid parameter list (order, defaults, bare `*`, duplicates) |
//! | E0110 | syntax that definition files do not support (`yield`, `async`, `await`) |
//! | E0111 | a starred expression where none can be |
//! | E0112 | code nested too deeply to process safely (see `parser/depth.rs`) |

mod arguments;
mod checks;
mod depth;
mod errors;
mod helpers;
mod with_items;

lalrpop_util::lalrpop_mod!(
    #[allow(clippy::all, unused_parens, unused_variables)]
    grammar,
    "/ehrql.rs"
);

use crate::diagnostics::{Diagnostic, Span};
use crate::syntax::ast::{Expr, Module};
use crate::syntax::lexer::{tokenize, tokenize_expression};
use crate::syntax::token::{Spanned, Tok};

/// The codes of the table above.
pub(crate) mod codes {
    pub const INVALID_SYNTAX: &str = "E0101";
    pub const EXPECTED_TOKEN: &str = "E0102";
    pub const EXPECTED_BLOCK: &str = "E0103";
    pub const UNEXPECTED_INDENT: &str = "E0104";
    pub const EXPECTED_EXPRESSION: &str = "E0105";
    pub const EQUALS_FOR_COMPARISON: &str = "E0106";
    pub const INVALID_TARGET: &str = "E0107";
    pub const INVALID_ARGUMENTS: &str = "E0108";
    pub const INVALID_PARAMETERS: &str = "E0109";
    pub const UNSUPPORTED: &str = "E0110";
    pub const INVALID_STARRED: &str = "E0111";
    pub const TOO_DEEP: &str = "E0112";
}

/// Parses a whole module; the first syntax error is returned as a diagnostic.
pub fn parse_module(src: &str) -> Result<Module, Diagnostic> {
    let tokens = tokenize(src);
    let stream = feed(tokens.tokens, tokens.error);
    match grammar::ModuleParser::new().parse(stream) {
        Ok(body) => Ok(Module {
            body,
            span: Span::new(0, src.len()),
        }),
        // The error path tokenizes again: cheaper than cloning every token on success.
        Err(err) => Err(errors::to_diagnostic(
            err,
            &tokenize(src).tokens,
            src,
            src.len(),
            false,
        )),
    }
}

/// Parses `src[start..end]` as one expression (an f-string replacement field), spans absolute.
pub fn parse_expression(src: &str, start: usize, end: usize) -> Result<Expr, Diagnostic> {
    let tokens = tokenize_expression(src, start, end);
    let stream = feed(tokens.tokens, tokens.error);
    grammar::FieldExpressionParser::new()
        .parse(stream)
        .map_err(|err| {
            let tokens = tokenize_expression(src, start, end).tokens;
            errors::to_diagnostic(err, &tokens, src, end, true)
        })
}

/// The tokens, then the lexical error (if any) as an `Err` item: the parser stops at the
/// first problem in source order, so an earlier syntax error wins over a later lexical one.
/// Keywords we do not support become errors where they appear, for the same reason.
/// Code nested too deeply ends the stream like a lexical error, at the token where it
/// crosses the limit (no deep tree is ever built).
fn feed(
    mut tokens: Vec<Spanned>,
    mut error: Option<Diagnostic>,
) -> impl Iterator<Item = Result<Spanned, Diagnostic>> {
    with_items::ungroup(&mut tokens);
    if let Some((index, too_deep)) = depth::find_too_deep(&tokens) {
        tokens.truncate(index);
        error = Some(too_deep);
    }
    tokens
        .into_iter()
        .map(|(l, tok, r)| match tok {
            Tok::Yield | Tok::Async | Tok::Await => Err(unsupported(&tok, Span::new(l, r))),
            _ => Ok((l, tok, r)),
        })
        .chain(error.map(Err))
}

fn unsupported(tok: &Tok, span: Span) -> Diagnostic {
    let what = tok.text();
    Diagnostic::error(
        codes::UNSUPPORTED,
        format!("`{what}` is not supported in definition files"),
    )
    .primary(span, format!("`{what}` used here"))
    .note("definition files run once, top to bottom: generators and coroutines are not available")
}
