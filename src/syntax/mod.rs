//! The front end: tokens, the layout pass, the parser and the AST with byte spans.

pub mod ast;
pub mod lexer;
mod parser;
pub mod printer;
mod raw;
mod strings;
pub mod token;

pub use lexer::{tokenize, tokenize_expression, Tokens};
pub use parser::{parse_expression, parse_module};

use crate::diagnostics::Diagnostic;

/// The deepest bracket nesting accepted, as in CPython (`too many nested parentheses`).
pub const MAX_BRACKET_DEPTH: usize = 200;

/// Parses a module and returns the AST as JSON with every `span` removed: two trees that
/// differ only in positions compare equal this way.
pub fn strip_spans(module: &ast::Module) -> serde_json::Value {
    let mut value = serde_json::to_value(module).expect("AST serialises");
    remove_spans(&mut value);
    value
}

fn remove_spans(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            map.remove("span");
            // `ImportNames::Star` holds its span directly.
            if let Some(star) = map.get_mut("Star") {
                *star = serde_json::Value::Null;
            }
            for v in map.values_mut() {
                remove_spans(v);
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(remove_spans),
        _ => {}
    }
}

/// Convenience for callers that only need success or the first error.
pub type ParseResult<T> = Result<T, Diagnostic>;
