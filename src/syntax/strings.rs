//! String and f-string literals: finding where they end (with Python 3.12's nesting rules for
//! f-strings), resolving escapes, and splitting f-strings into literal text and fields.

use std::cell::Cell;

use crate::diagnostics::{Diagnostic, Span};
use crate::syntax::ast::{FStringField, FStringPart};
use crate::syntax::token::Tok;

/// How deeply f-strings may nest inside each other's fields.
const MAX_FSTRING_NESTING: usize = 32;

thread_local! {
    static FSTRING_DEPTH: Cell<usize> = const { Cell::new(0) };
}

/// The letters before a string's opening quote.
#[derive(Debug, Clone, Copy, Default)]
pub struct StringPrefix {
    pub raw: bool,
    pub format: bool,
    pub bytes: bool,
}

impl StringPrefix {
    pub fn parse(letters: &str) -> StringPrefix {
        let mut p = StringPrefix::default();
        for c in letters.chars() {
            match c.to_ascii_lowercase() {
                'r' => p.raw = true,
                'f' => p.format = true,
                'b' => p.bytes = true,
                _ => {}
            }
        }
        p
    }
}

/// A scanned literal: its token and the byte offset just past its closing quote.
pub struct Literal {
    pub token: Tok,
    pub end: usize,
}

type LexResult<T> = Result<T, Diagnostic>;

/// Scans a string literal whose prefix starts at `tok_start` and whose opening quote ends at
/// `after_quote`. `limit` is where the text being tokenized ends.
pub fn scan(
    src: &str,
    tok_start: usize,
    after_quote: usize,
    prefix: StringPrefix,
    quote: u8,
    limit: usize,
) -> LexResult<Literal> {
    scan_with(src, tok_start, after_quote, prefix, quote, limit, false)
}

/// Like [`scan`]; with `scan_only` it finds the end without parsing f-string fields or
/// resolving escapes. Nested strings inside a field are skipped this way, because the
/// field's own parse reads them again: parsing them here too would double the work at
/// every level of nesting.
fn scan_with(
    src: &str,
    tok_start: usize,
    after_quote: usize,
    prefix: StringPrefix,
    quote: u8,
    limit: usize,
    scan_only: bool,
) -> LexResult<Literal> {
    let bytes = src.as_bytes();
    let triple =
        after_quote + 1 < limit && bytes[after_quote] == quote && bytes[after_quote + 1] == quote;
    let body = if triple { after_quote + 2 } else { after_quote };
    let open = Span::new(tok_start, body);
    if prefix.bytes {
        return Err(
            Diagnostic::error("E0011", "bytes literals are not supported")
                .primary(open, "bytes literal")
                .help("definition files only need text strings: drop the `b` prefix"),
        );
    }
    let q = Quote {
        src,
        quote,
        triple,
        raw: prefix.raw,
        limit,
        open,
        scan_only,
    };
    if prefix.format {
        let depth = FSTRING_DEPTH.with(|d| d.get());
        if depth >= MAX_FSTRING_NESTING {
            return Err(
                Diagnostic::error("E0012", "f-strings are nested too deeply").primary(
                    open,
                    format!("more than {MAX_FSTRING_NESTING} f-strings inside each other"),
                ),
            );
        }
        FSTRING_DEPTH.with(|d| d.set(depth + 1));
        let mut i = body;
        let result = q.parts(&mut i, false);
        FSTRING_DEPTH.with(|d| d.set(depth));
        let parts = result?;
        let end = i + q.closing_len();
        Ok(Literal {
            token: Tok::FString(parts),
            end,
        })
    } else {
        let (text, end) = q.plain(body)?;
        Ok(Literal {
            token: Tok::Str(text),
            end,
        })
    }
}

struct Quote<'s> {
    src: &'s str,
    quote: u8,
    triple: bool,
    raw: bool,
    limit: usize,
    open: Span,
    scan_only: bool,
}

impl Quote<'_> {
    fn closing_len(&self) -> usize {
        if self.triple {
            3
        } else {
            1
        }
    }

    fn at_close(&self, i: usize) -> bool {
        let b = self.src.as_bytes();
        if self.triple {
            i + 2 < self.limit
                && b[i] == self.quote
                && b[i + 1] == self.quote
                && b[i + 2] == self.quote
        } else {
            b[i] == self.quote
        }
    }

    fn unterminated(&self, what: &str, at: usize) -> Diagnostic {
        let kind = if self.triple { "triple-quoted " } else { "" };
        let mut d = Diagnostic::error("E0013", format!("unterminated {kind}{what}"))
            .primary(self.open, format!("this {what} is never closed"));
        if !self.triple {
            d = d
                .secondary(Span::new(at, at), "the line ends here")
                .help("close the string on the same line, or use triple quotes for text over several lines");
        }
        d
    }

    /// A plain string: finds the end and resolves escapes.
    fn plain(&self, body: usize) -> LexResult<(String, usize)> {
        let b = self.src.as_bytes();
        let mut i = body;
        loop {
            if i >= self.limit {
                return Err(self.unterminated("string literal", self.limit));
            }
            match b[i] {
                b'\\' => i = (i + 1 + char_len(self.src, i + 1, self.limit)).min(self.limit),
                b'\n' | b'\r' if !self.triple => {
                    return Err(self.unterminated("string literal", i));
                }
                _ if self.at_close(i) => break,
                _ => i += 1,
            }
        }
        let raw_text = &self.src[body..i];
        let text = if self.scan_only {
            String::new()
        } else if self.raw {
            raw_text.to_string()
        } else {
            unescape(self.src, body, i)?
        };
        Ok((text, i + self.closing_len()))
    }

    /// The parts of an f-string from `*i` up to its closing quote (or, in a format spec, up
    /// to the `}` that closes the field). Leaves `*i` on the closing quote or `}`.
    fn parts(&self, i: &mut usize, in_spec: bool) -> LexResult<Vec<FStringPart>> {
        let b = self.src.as_bytes();
        let mut parts = Vec::new();
        let mut literal = String::new();
        loop {
            if *i >= self.limit {
                return Err(self.unterminated("f-string", self.limit));
            }
            let c = b[*i];
            if self.at_close(*i) {
                if in_spec {
                    return Err(
                        Diagnostic::error("E0014", "f-string: expecting `}`").primary(
                            Span::new(*i, *i + 1),
                            "the format spec is not closed before the string ends",
                        ),
                    );
                }
                break;
            }
            match c {
                b'\n' | b'\r' if !self.triple => return Err(self.unterminated("f-string", *i)),
                b'{' if !in_spec && b.get(*i + 1) == Some(&b'{') && *i + 1 < self.limit => {
                    literal.push('{');
                    *i += 2;
                }
                b'{' => {
                    flush(&mut parts, &mut literal);
                    self.field(i, &mut parts)?;
                }
                b'}' if in_spec => break,
                b'}' if b.get(*i + 1) == Some(&b'}') && *i + 1 < self.limit => {
                    literal.push('}');
                    *i += 2;
                }
                b'}' => {
                    return Err(
                        Diagnostic::error("E0014", "f-string: single `}` is not allowed")
                            .primary(Span::new(*i, *i + 1), "unmatched `}`")
                            .help("write `}}` for a literal brace"),
                    );
                }
                b'\\' if !self.raw => {
                    let end = (*i + 1 + char_len(self.src, *i + 1, self.limit)).min(self.limit);
                    let end = escape_end(self.src, *i, end, self.limit);
                    if !self.scan_only {
                        literal.push_str(&unescape(self.src, *i, end)?);
                    }
                    *i = end;
                }
                _ => {
                    let n = char_len(self.src, *i, self.limit);
                    literal.push_str(&self.src[*i..*i + n]);
                    *i += n;
                }
            }
        }
        flush(&mut parts, &mut literal);
        Ok(parts)
    }

    /// One replacement field starting at the `{` at `*i`; leaves `*i` past its `}`.
    fn field(&self, i: &mut usize, parts: &mut Vec<FStringPart>) -> LexResult<()> {
        let b = self.src.as_bytes();
        let open = *i;
        let expr_start = open + 1;
        let mut j = expr_start;
        let mut depth = 0usize;
        let mut self_doc_end = None;
        let expr_end;
        loop {
            let never_closed = || {
                Diagnostic::error("E0014", "f-string: expecting `}`")
                    .primary(Span::new(open, open + 1), "this field is never closed")
            };
            if j >= self.limit {
                return Err(never_closed());
            }
            let c = b[j];
            match c {
                // Python 3.12 lets a field hold strings quoted like the f-string itself; if
                // such a "string" never ends, the field was the thing left open.
                b'\'' | b'"' => match skip_nested_string(self.src, j, self.limit) {
                    Ok(end) => {
                        j = end;
                        continue;
                    }
                    Err(e) if c == self.quote && e.code == "E0013" => return Err(never_closed()),
                    Err(e) => return Err(e),
                },
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' => depth = depth.saturating_sub(1),
                b'}' if depth > 0 => depth -= 1,
                b'}' => {
                    expr_end = j;
                    break;
                }
                b'!' if depth == 0 && b.get(j + 1) != Some(&b'=') => {
                    expr_end = j;
                    break;
                }
                b':' if depth == 0 => {
                    expr_end = j;
                    break;
                }
                b'=' if depth == 0
                    && b.get(j + 1) != Some(&b'=')
                    && !matches!(b[j - 1], b'=' | b'!' | b'<' | b'>') =>
                {
                    // `{expr=}` prints the expression's text, then its value.
                    let mut k = j + 1;
                    while k < self.limit && matches!(b[k], b' ' | b'\t') {
                        k += 1;
                    }
                    self_doc_end = Some(k);
                    expr_end = j;
                    j = k;
                    break;
                }
                b'#' => {
                    return Err(Diagnostic::error(
                        "E0014",
                        "f-string expression part cannot include `#`",
                    )
                    .primary(Span::new(j, j + 1), "comment inside an f-string field"));
                }
                _ => {}
            }
            j += char_len(self.src, j, self.limit);
        }
        if self.src[expr_start..expr_end].trim().is_empty() {
            let end = (j + char_len(self.src, j, self.limit)).min(self.limit);
            return Err(Diagnostic::error(
                "E0014",
                "f-string: valid expression required before `}`",
            )
            .primary(Span::new(open, end.max(open + 1)), "empty field"));
        }
        if j >= self.limit {
            return Err(self.unterminated("f-string", self.limit));
        }
        let expr = if self.scan_only {
            None
        } else {
            Some(crate::syntax::parse_expression(
                self.src, expr_start, expr_end,
            )?)
        };
        if let (Some(end), false) = (self_doc_end, self.scan_only) {
            parts.push(FStringPart::Literal(self.src[expr_start..end].to_string()));
        }
        let mut conversion = None;
        if b[j] == b'!' {
            let conv = self.src[j + 1..].chars().next().unwrap_or(' ');
            if !matches!(conv, 'r' | 's' | 'a') || j + 1 >= self.limit {
                return Err(Diagnostic::error(
                    "E0014",
                    "f-string: invalid conversion character: expected `s`, `r`, or `a`",
                )
                .primary(
                    Span::new(j, (j + 1 + conv.len_utf8()).min(self.limit)),
                    "invalid conversion",
                ));
            }
            conversion = Some(conv);
            j += 2;
        }
        let mut format_spec = None;
        if j < self.limit && b[j] == b':' {
            j += 1;
            format_spec = Some(self.parts(&mut j, true)?);
        }
        if j >= self.limit || b[j] != b'}' {
            return Err(Diagnostic::error("E0014", "f-string: expecting `}`")
                .primary(Span::new(open, open + 1), "this field is never closed"));
        }
        if self_doc_end.is_some() && conversion.is_none() && format_spec.is_none() {
            conversion = Some('r');
        }
        j += 1;
        if let Some(expr) = expr {
            parts.push(FStringPart::Field(Box::new(FStringField {
                expr,
                conversion,
                format_spec,
                span: Span::new(open, j),
            })));
        }
        *i = j;
        Ok(())
    }
}

fn flush(parts: &mut Vec<FStringPart>, literal: &mut String) {
    if !literal.is_empty() {
        parts.push(FStringPart::Literal(std::mem::take(literal)));
    }
}

/// Skips a string literal nested inside an f-string field, starting at its quote; returns
/// the offset past its end.
fn skip_nested_string(src: &str, quote_at: usize, limit: usize) -> LexResult<usize> {
    let b = src.as_bytes();
    let mut p = quote_at;
    while p > 0 && p + 2 > quote_at && b[p - 1].is_ascii_alphabetic() {
        p -= 1;
    }
    let prefix = StringPrefix::parse(&src[p..quote_at]);
    let lit = scan_with(src, p, quote_at + 1, prefix, b[quote_at], limit, true)?;
    Ok(lit.end)
}

fn char_len(src: &str, i: usize, limit: usize) -> usize {
    if i >= limit {
        return 0;
    }
    src[i..].chars().next().map_or(1, char::len_utf8)
}

/// Extends a backslash escape starting at `start` to its full length (`\x41`, `\u00e9`, ...).
fn escape_end(src: &str, start: usize, simple_end: usize, limit: usize) -> usize {
    let b = src.as_bytes();
    let Some(&kind) = b.get(start + 1) else {
        return simple_end;
    };
    let take = |n: usize| (start + 2 + n).min(limit);
    let end = match kind {
        b'x' => take(2),
        b'u' => take(4),
        b'U' => take(8),
        b'0'..=b'7' => {
            let mut e = start + 2;
            while e < limit && e < start + 4 && (b'0'..=b'7').contains(&b[e]) {
                e += 1;
            }
            e
        }
        b'N' if b.get(start + 2) == Some(&b'{') => {
            src[start..limit].find('}').map_or(limit, |k| start + k + 1)
        }
        b'\r' if b.get(start + 2) == Some(&b'\n') => start + 3,
        _ => simple_end,
    };
    // A malformed escape (`\xxé`) can end inside a multi-byte character.
    let mut end = end.min(limit);
    while !src.is_char_boundary(end) {
        end += 1;
    }
    end
}

/// Resolves the escapes in `src[start..end]`.
fn unescape(src: &str, start: usize, end: usize) -> LexResult<String> {
    let text = &src[start..end];
    if !text.contains('\\') {
        return Ok(text.to_string());
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    while let Some((k, c)) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some((_, e)) = chars.next() else {
            out.push('\\');
            break;
        };
        let at = start + k;
        let bad = |what: &str, len: usize| {
            Diagnostic::error("E0015", format!("invalid escape sequence: {what}"))
                .primary(Span::new(at, (at + len).min(end)), "in this string")
        };
        match e {
            '\n' => {}
            '\r' => {
                if chars.peek().map(|(_, c)| *c) == Some('\n') {
                    chars.next();
                }
            }
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\x0b'),
            '0'..='7' => {
                let mut value = e.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match chars.peek() {
                        Some((_, d)) if d.is_digit(8) => {
                            value = value * 8 + d.to_digit(8).unwrap_or(0);
                            chars.next();
                        }
                        _ => break,
                    }
                }
                out.push(char::from_u32(value).unwrap_or('\u{fffd}'));
            }
            'x' | 'u' | 'U' => {
                let n = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let mut value = 0u32;
                for _ in 0..n {
                    match chars.peek() {
                        Some((_, d)) if d.is_ascii_hexdigit() => {
                            value = value * 16 + d.to_digit(16).unwrap_or(0);
                            chars.next();
                        }
                        _ => return Err(bad(&format!("truncated `\\{e}` escape"), 2)),
                    }
                }
                match char::from_u32(value) {
                    Some(ch) => out.push(ch),
                    None => return Err(bad("the code point is out of range", 2 + n)),
                }
            }
            'N' => {
                return Err(bad(
                    "named unicode escapes (`\\N{...}`) are not supported",
                    2,
                ))
            }
            other => {
                // Unknown escapes keep their backslash, as Python does (with a warning).
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}
