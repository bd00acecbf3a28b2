//! Parenthesised `with` items (`with (a as b, c as d):`, Python 3.9+), handled on the tokens.
//!
//! An LR(1) grammar cannot tell `with (a, b):` (two items) from `with (a, b) as c:` (one
//! tuple) until after the `)`. Python decides by what follows the `)`: a `:` makes the
//! parentheses a grouping of items. So when `with (` ... `)` is followed by `:`, the
//! parentheses (and a trailing comma inside them) are dropped before parsing; the items and
//! every span stay as written.

use crate::syntax::token::{Spanned, Tok};

/// Drops the grouping parentheses of every `with (...):` header.
pub(super) fn ungroup(tokens: &mut Vec<Spanned>) {
    if !tokens
        .windows(2)
        .any(|w| w[0].1 == Tok::With && w[1].1 == Tok::LPar)
    {
        return;
    }
    let mut drop = vec![false; tokens.len()];
    for open in 1..tokens.len() {
        if tokens[open].1 != Tok::LPar || tokens[open - 1].1 != Tok::With {
            continue;
        }
        let Some(close) = matching_close(tokens, open) else {
            continue;
        };
        let empty = close == open + 1;
        let colon_follows = tokens.get(close + 1).is_some_and(|t| t.1 == Tok::Colon);
        if empty || !colon_follows {
            continue;
        }
        drop[open] = true;
        drop[close] = true;
        if tokens[close - 1].1 == Tok::Comma && close - 1 > open + 1 {
            drop[close - 1] = true;
        }
    }
    let mut index = 0;
    tokens.retain(|_| {
        index += 1;
        !drop[index - 1]
    });
}

/// The index of the bracket closing the one at `open`, if the tokens reach it.
fn matching_close(tokens: &[Spanned], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, (_, tok, _)) in tokens.iter().enumerate().skip(open) {
        match tok {
            Tok::LPar | Tok::LSqb | Tok::LBrace => depth += 1,
            Tok::RPar | Tok::RSqb | Tok::RBrace => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            // Brackets never span logical lines, so the group ends before this.
            Tok::Newline => return None,
            _ => {}
        }
    }
    None
}
