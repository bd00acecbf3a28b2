//! The lexer (logos) and the layout pass that turns line structure into NEWLINE, INDENT and
//! DEDENT tokens, following Python's rules: implicit joining inside brackets, backslash
//! continuation, blank and comment-only lines, and tab/space consistency.

use logos::Logos;

use super::raw::{punct, Raw};

use crate::diagnostics::{Diagnostic, Span};
use crate::syntax::strings::{self, StringPrefix};
use crate::syntax::token::{Spanned, Tok};
use crate::syntax::MAX_BRACKET_DEPTH;

/// Tokens up to the first lexical error, and that error.
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    pub tokens: Vec<Spanned>,
    pub error: Option<Diagnostic>,
}

/// Tokenizes a whole module, with layout tokens. A UTF-8 byte order mark is skipped.
pub fn tokenize(src: &str) -> Tokens {
    let start = if src.starts_with('\u{feff}') { 3 } else { 0 };
    Layout::new(src, start, src.len(), Mode::Module).run()
}

/// Tokenizes `src[start..end]` as one expression (an f-string field): spans are absolute,
/// newlines are insignificant, and no layout tokens are produced.
pub fn tokenize_expression(src: &str, start: usize, end: usize) -> Tokens {
    Layout::new(src, start, end, Mode::Expression).run()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Module,
    Expression,
}

/// Indentation of a line measured two ways, as CPython does: tabs to multiples of 8, and
/// tabs as one column. The two orders must agree, or the indentation is ambiguous.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Indent {
    tab8: usize,
    tab1: usize,
}

fn measure(ws: &str) -> Indent {
    let (mut tab8, mut tab1) = (0, 0);
    for c in ws.chars() {
        match c {
            ' ' => {
                tab8 += 1;
                tab1 += 1;
            }
            '\t' => {
                tab8 = (tab8 / 8 + 1) * 8;
                tab1 += 1;
            }
            // A form feed resets the count, as in CPython.
            _ => {
                tab8 = 0;
                tab1 = 0;
            }
        }
    }
    Indent { tab8, tab1 }
}

struct Layout<'s> {
    src: &'s str,
    start: usize,
    end: usize,
    mode: Mode,
    out: Vec<Spanned>,
    brackets: Vec<(Tok, Span)>,
    indents: Vec<Indent>,
}

type LexResult<T> = Result<T, Diagnostic>;

impl<'s> Layout<'s> {
    fn new(src: &'s str, start: usize, end: usize, mode: Mode) -> Layout<'s> {
        Layout {
            src,
            start,
            end,
            mode,
            out: Vec::new(),
            brackets: Vec::new(),
            indents: vec![Indent { tab8: 0, tab1: 0 }],
        }
    }

    fn run(mut self) -> Tokens {
        let error = self.lex().err();
        Tokens {
            tokens: self.out,
            error,
        }
    }

    fn push(&mut self, tok: Tok, start: usize, end: usize) {
        self.out.push((start, tok, end));
    }

    fn lex(&mut self) -> LexResult<()> {
        let text = &self.src[self.start..self.end];
        let base = self.start;
        let mut lexer = Raw::lexer(text);
        let mut at_line_start = self.mode == Mode::Module;
        // Indentation of the current line, recorded when the line starts.
        let mut line_indent: Option<(Indent, Span)> = None;
        while let Some(result) = lexer.next() {
            let range = lexer.span();
            let span = Span::new(base + range.start, base + range.end);
            let slice = lexer.slice();
            let raw = match result {
                Ok(raw) => raw,
                Err(()) => return Err(self.invalid_character(span)),
            };
            if at_line_start {
                match raw {
                    Raw::Whitespace => {
                        line_indent = Some((measure(slice), span));
                        continue;
                    }
                    // Blank and comment-only lines do not count for indentation.
                    Raw::Newline | Raw::Comment => {
                        if raw == Raw::Newline {
                            line_indent = None;
                        }
                        continue;
                    }
                    _ => {
                        at_line_start = false;
                        let (indent, ws_span) = line_indent.take().unwrap_or((
                            Indent { tab8: 0, tab1: 0 },
                            Span::new(span.start, span.start),
                        ));
                        self.indent_to(indent, ws_span, span)?;
                    }
                }
            }
            match raw {
                Raw::Whitespace | Raw::Comment | Raw::Continuation => {}
                Raw::Newline => {
                    if self.brackets.is_empty() && self.mode == Mode::Module {
                        self.push(Tok::Newline, span.start, span.end);
                        at_line_start = true;
                    }
                }
                Raw::Name => {
                    let tok = Tok::keyword(slice).unwrap_or_else(|| Tok::Name(slice.to_string()));
                    self.push(tok, span.start, span.end);
                }
                Raw::DecInt | Raw::HexInt | Raw::OctInt | Raw::BinInt | Raw::Float => {
                    let tok = number(raw, slice, span)?;
                    self.check_number_end(lexer.remainder(), span)?;
                    self.push(tok, span.start, span.end);
                }
                Raw::Imaginary => {
                    return Err(
                        Diagnostic::error("E0008", "complex numbers are not supported")
                            .primary(span, "imaginary literal")
                            .note("definition files work with integers, floats and dates"),
                    );
                }
                Raw::StringStart => {
                    let prefix = StringPrefix::parse(&slice[..slice.len() - 1]);
                    let quote = slice.as_bytes()[slice.len() - 1];
                    let lit =
                        strings::scan(self.src, span.start, span.end, prefix, quote, self.end)?;
                    let consumed = lit.end - span.end;
                    lexer.bump(consumed);
                    self.push(lit.token, span.start, lit.end);
                }
                Raw::LtGt => {
                    return Err(Diagnostic::error("E0001", "invalid syntax")
                        .primary(span, "`<>` is not an operator")
                        .help("use `!=` to test for inequality"));
                }
                other => {
                    let tok = punct(other).expect("every other raw token is punctuation");
                    self.bracket(&tok, span)?;
                    self.push(tok, span.start, span.end);
                }
            }
        }
        self.finish(base + text.len(), &lexer)
    }

    fn finish(&mut self, eof: usize, lexer: &logos::Lexer<'_, Raw>) -> LexResult<()> {
        if let Some((open, open_span)) = self.brackets.last() {
            let close = closer(open);
            return Err(
                Diagnostic::error("E0003", format!("`{}` was never closed", open.text()))
                    .primary(
                        *open_span,
                        format!("this `{}` is never closed", open.text()),
                    )
                    .secondary(
                        Span::new(eof, eof),
                        format!(
                            "expected `{}` to close the `{}` opened here",
                            close,
                            open.text()
                        ),
                    ),
            );
        }
        if self.mode == Mode::Module {
            // A backslash continuation on the last line has nothing to continue.
            if lexer.source().ends_with("\\\n") || lexer.source().ends_with("\\\r\n") {
                let at = eof - lexer.source().len() + lexer.source().rfind('\\').unwrap_or(0);
                return Err(Diagnostic::error(
                    "E0009",
                    "unexpected end of file after line continuation",
                )
                .primary(Span::new(at, at + 1), "nothing follows this `\\`"));
            }
            let needs_newline = !matches!(self.out.last(), None | Some((_, Tok::Newline, _)));
            if needs_newline {
                self.push(Tok::Newline, eof, eof);
            }
            while self.indents.len() > 1 {
                self.indents.pop();
                self.push(Tok::Dedent, eof, eof);
            }
        }
        Ok(())
    }

    /// Compares a new line's indentation with the stack and emits INDENT or DEDENTs.
    fn indent_to(&mut self, indent: Indent, ws_span: Span, first: Span) -> LexResult<()> {
        let top = *self.indents.last().expect("indent stack has a base");
        if indent == top {
            return Ok(());
        }
        let tab_error = || {
            Diagnostic::error(
                "E0005",
                "inconsistent use of tabs and spaces in indentation",
            )
            .primary(
                ws_span,
                "this indentation mixes tabs and spaces ambiguously",
            )
            .help("indent with spaces only (4 per level is the convention)")
        };
        if indent.tab8 > top.tab8 {
            if indent.tab1 <= top.tab1 {
                return Err(tab_error());
            }
            self.indents.push(indent);
            self.push(Tok::Indent, ws_span.start, ws_span.end);
            return Ok(());
        }
        if indent.tab8 == top.tab8 {
            return Err(tab_error());
        }
        while self.indents.last().is_some_and(|i| indent.tab8 < i.tab8) {
            self.indents.pop();
            self.push(Tok::Dedent, first.start, first.start);
        }
        let top = *self.indents.last().expect("indent stack has a base");
        if indent.tab8 != top.tab8 {
            return Err(Diagnostic::error(
                "E0004",
                "unindent does not match any outer indentation level",
            )
            .primary(ws_span.to(first), "this line's indentation")
            .help("indent it to the same column as an enclosing block"));
        }
        if indent.tab1 != top.tab1 {
            return Err(tab_error());
        }
        Ok(())
    }

    fn bracket(&mut self, tok: &Tok, span: Span) -> LexResult<()> {
        match tok {
            Tok::LPar | Tok::LSqb | Tok::LBrace => {
                if self.brackets.len() >= MAX_BRACKET_DEPTH {
                    return Err(Diagnostic::error("E0006", "too many nested parentheses")
                        .primary(
                            span,
                            format!("nesting deeper than {MAX_BRACKET_DEPTH} levels"),
                        )
                        .help("split the expression into named parts"));
                }
                self.brackets.push((tok.clone(), span));
            }
            Tok::RPar | Tok::RSqb | Tok::RBrace => match self.brackets.pop() {
                None => {
                    return Err(
                        Diagnostic::error("E0002", format!("unmatched `{}`", tok.text()))
                            .primary(span, "this has no opening bracket"),
                    );
                }
                Some((open, open_span)) if closer(&open) != tok.text() => {
                    return Err(Diagnostic::error(
                        "E0002",
                        format!(
                            "closing `{}` does not match opening `{}`",
                            tok.text(),
                            open.text()
                        ),
                    )
                    .primary(span, format!("expected `{}`", closer(&open)))
                    .secondary(open_span, format!("the `{}` opened here", open.text())));
                }
                Some(_) => {}
            },
            _ => {}
        }
        Ok(())
    }

    fn check_number_end(&self, rest: &str, span: Span) -> LexResult<()> {
        if let Some(c) = rest.chars().next() {
            if c == '_' || c.is_alphanumeric() {
                // `1if x else y` is still legal Python; a keyword may follow directly.
                let word: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if Tok::keyword(&word).is_none() {
                    let end = span.end + c.len_utf8();
                    return Err(Diagnostic::error("E0007", "invalid number literal")
                        .primary(Span::new(span.start, end), "this is not a valid number")
                        .help("digits may be separated by single underscores, as in `1_000`"));
                }
            }
        }
        Ok(())
    }

    fn invalid_character(&self, span: Span) -> Diagnostic {
        let c = self.src[span.start..].chars().next().unwrap_or('?');
        if c == '\\' {
            let rest = self.src[span.end..self.end].trim_start_matches([' ', '\t']);
            return if rest.is_empty() {
                Diagnostic::error("E0009", "unexpected end of file after line continuation")
                    .primary(span, "nothing follows this `\\`")
            } else {
                Diagnostic::error(
                    "E0009",
                    "unexpected character after line continuation character",
                )
                .primary(
                    span,
                    "a `\\` continues a line only when it is the last character",
                )
            };
        }
        let mut d = Diagnostic::error(
            "E0010",
            format!(
                "invalid character `{}` (U+{:04X})",
                c.escape_debug(),
                c as u32
            ),
        )
        .primary(span, "not valid in Python source");
        if c == '!' {
            d = d.help("use `not` for negation and `!=` for inequality; on series use `~`");
        } else if c == '$' || c == '?' || c == '`' {
            d = d.note("this character has no meaning outside strings and comments");
        } else if matches!(c, '“' | '”' | '‘' | '’') {
            d = d.help("replace curly quotes with straight quotes `\"` or `'`");
        }
        d
    }
}

fn closer(open: &Tok) -> &'static str {
    match open {
        Tok::LPar => ")",
        Tok::LSqb => "]",
        _ => "}",
    }
}

fn number(raw: Raw, slice: &str, span: Span) -> LexResult<Tok> {
    let digits: String = slice.chars().filter(|c| *c != '_').collect();
    let too_large = || {
        Diagnostic::error("E0007", "integer literal is too large")
            .primary(span, "larger than 9223372036854775807")
            .note("integers in definitions are 64-bit")
    };
    // logos can hand back a shorter token's kind with a longer failed match's text
    // (`0x` as a decimal integer), so the text is checked, not trusted.
    let lower = digits.to_ascii_lowercase();
    let radix_name = match lower.get(..2) {
        Some("0x") => Some("hexadecimal"),
        Some("0o") => Some("octal"),
        Some("0b") => Some("binary"),
        _ => None,
    };
    if let Some(name) = radix_name {
        let valid = match name {
            "hexadecimal" => lower[2..].chars().all(|c| c.is_ascii_hexdigit()),
            "octal" => lower[2..].chars().all(|c| ('0'..='7').contains(&c)),
            _ => lower[2..].chars().all(|c| c == '0' || c == '1'),
        };
        if lower.len() == 2 || !valid {
            return Err(
                Diagnostic::error("E0007", format!("invalid {name} literal"))
                    .primary(span, "invalid number literal")
                    .help(format!(
                        "write at least one {name} digit after the prefix, as in `{}`",
                        match name {
                            "hexadecimal" => "0x1F",
                            "octal" => "0o17",
                            _ => "0b101",
                        }
                    )),
            );
        }
    } else if raw == Raw::DecInt && !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(Diagnostic::error("E0007", "invalid decimal literal")
            .primary(span, "invalid number literal"));
    }
    match raw {
        Raw::DecInt => {
            if digits.len() > 1 && digits.starts_with('0') && digits.chars().any(|c| c != '0') {
                return Err(Diagnostic::error(
                    "E0007",
                    "leading zeros in decimal integer literals are not permitted",
                )
                .primary(span, "invalid number literal")
                .help("use an `0o` prefix for octal integers"));
            }
            digits.parse::<i64>().map(Tok::Int).map_err(|_| too_large())
        }
        Raw::HexInt | Raw::OctInt | Raw::BinInt => {
            let radix = match raw {
                Raw::HexInt => 16,
                Raw::OctInt => 8,
                _ => 2,
            };
            i64::from_str_radix(&digits[2..], radix)
                .map(Tok::Int)
                .map_err(|_| too_large())
        }
        _ => digits.parse::<f64>().map(Tok::Float).map_err(|_| {
            Diagnostic::error("E0007", "invalid number literal").primary(span, "not a valid float")
        }),
    }
}
