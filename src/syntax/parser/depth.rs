//! A limit on how deeply code may nest, checked on the tokens before parsing, so that no stage
//! (nor dropping the tree) can overflow the stack by recursing over it.
//!
//! Brackets are limited by the lexer, but `- - - x`, `a + a + ... + a` or `a.b.b.b` nest
//! without them; CPython rejects such input too ("too complex to parse") a few thousand levels
//! down. The estimate counts, for the innermost open bracket and each one around it, the
//! tokens that can start a deeper node (operators, `.`, `if`, `lambda`, `:=`, an opening
//! bracket) since the last comma at that level (items after a comma are siblings, not
//! children). Every node of the tree except a bounded few per level (the `or`, `and` and
//! comparison nodes, which are flat, and tuples) owns one such token, so the estimate bounds
//! the tree's depth up to a small factor.

use crate::diagnostics::{Diagnostic, Span};
use crate::syntax::token::{Spanned, Tok};

use super::codes;

/// The most nesting levels accepted, as counted by the estimate above.
pub(super) const MAX_DEPTH: usize = 1000;

/// One open level: a bracket, a `lambda`'s parameter list, or the logical line itself.
struct Level {
    /// Deepening tokens since the last comma at this level.
    count: usize,
    /// Whether the level is a `lambda`'s parameters, which end at the `:`.
    lambda: bool,
}

/// The index of the first token at which the code nests too deeply, and the error for it.
pub(super) fn find_too_deep(tokens: &[Spanned]) -> Option<(usize, Diagnostic)> {
    let mut levels = vec![Level {
        count: 0,
        lambda: false,
    }];
    // The sum of the counts in `levels`, kept as they change.
    let mut total = 0usize;
    let mut indent = 0usize;
    for (index, (l, tok, r)) in tokens.iter().enumerate() {
        match tok {
            Tok::Newline | Tok::Semi => {
                levels.truncate(1);
                levels[0].count = 0;
                total = 0;
            }
            Tok::Indent => indent += 1,
            Tok::Dedent => indent = indent.saturating_sub(1),
            Tok::LPar | Tok::LSqb | Tok::LBrace => {
                bump(&mut levels, &mut total);
                levels.push(Level {
                    count: 0,
                    lambda: false,
                });
            }
            Tok::RPar | Tok::RSqb | Tok::RBrace => {
                // A `lambda` inside the brackets without its `:` is a syntax error the
                // parser reports; its level ends with the brackets.
                while levels.len() > 1 && levels.last().is_some_and(|lv| lv.lambda) {
                    close(&mut levels, &mut total);
                }
                if levels.len() > 1 {
                    close(&mut levels, &mut total);
                }
            }
            Tok::Lambda => {
                bump(&mut levels, &mut total);
                levels.push(Level {
                    count: 0,
                    lambda: true,
                });
            }
            Tok::Colon if levels.last().is_some_and(|lv| lv.lambda) => {
                close(&mut levels, &mut total);
            }
            Tok::Comma => {
                let last = levels.last_mut().expect("the line level is never closed");
                total -= last.count;
                last.count = 0;
            }
            t if deepens(t) => bump(&mut levels, &mut total),
            _ => {}
        }
        if total + levels.len() + indent > MAX_DEPTH {
            let diag = Diagnostic::error(
                codes::TOO_DEEP,
                format!("code is nested too deeply (more than {MAX_DEPTH} levels)"),
            )
            .primary(
                Span::new(*l, *r),
                format!("more than {MAX_DEPTH} levels deep here"),
            )
            .help("split the expression into several statements with intermediate variables");
            return Some((index, diag));
        }
    }
    None
}

fn bump(levels: &mut [Level], total: &mut usize) {
    levels
        .last_mut()
        .expect("the line level is never closed")
        .count += 1;
    *total += 1;
}

fn close(levels: &mut Vec<Level>, total: &mut usize) {
    if let Some(level) = levels.pop() {
        *total -= level.count;
    }
}

/// Tokens that can make a node one level deeper than the one around it.
fn deepens(tok: &Tok) -> bool {
    matches!(
        tok,
        Tok::Plus
            | Tok::Minus
            | Tok::Star
            | Tok::Slash
            | Tok::DoubleSlash
            | Tok::Percent
            | Tok::At
            | Tok::DoubleStar
            | Tok::LeftShift
            | Tok::RightShift
            | Tok::Amper
            | Tok::VBar
            | Tok::CircumFlex
            | Tok::Tilde
            | Tok::Not
            | Tok::Dot
            | Tok::If
            | Tok::ColonEqual
    )
}
