//! The lexer (logos) and the layout pass that adds NEWLINE, INDENT and DEDENT.
//! PLACEHOLDER: being written; the signatures are the contract.

use crate::diagnostics::Diagnostic;
use crate::syntax::token::Spanned;

/// Tokens up to the first lexical error, and that error.
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    pub tokens: Vec<Spanned>,
    pub error: Option<Diagnostic>,
}

/// Tokenizes a whole module, with layout tokens.
pub fn tokenize(_src: &str) -> Tokens {
    Tokens::default()
}

/// Tokenizes `src[start..end]` as one expression (an f-string field): spans are absolute,
/// newlines are insignificant, no layout tokens.
pub fn tokenize_expression(_src: &str, _start: usize, _end: usize) -> Tokens {
    Tokens::default()
}
