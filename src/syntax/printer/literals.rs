//! Literals for the printer: numbers that read back exactly, strings with Python escapes,
//! and f-strings whose nested strings switch quotes.

use std::fmt::Write;

use super::expr::prec;
use super::Printer;
use crate::syntax::ast::*;

impl Printer {
    pub(super) fn constant(&mut self, c: &Constant) {
        match c {
            Constant::None => self.out.push_str("None"),
            Constant::Bool(true) => self.out.push_str("True"),
            Constant::Bool(false) => self.out.push_str("False"),
            Constant::Ellipsis => self.out.push_str("..."),
            // Negative numbers are not literals; these cannot come from the parser.
            Constant::Int(i) if *i < 0 => {
                let _ = write!(self.out, "(-{})", i.unsigned_abs());
            }
            Constant::Int(i) => {
                let _ = write!(self.out, "{i}");
            }
            Constant::Float(f) if f.is_nan() => self.out.push_str("(1e309 - 1e309)"),
            Constant::Float(f) if f.is_sign_negative() => {
                let _ = write!(self.out, "(-{})", float_literal(-f));
            }
            Constant::Float(f) => self.out.push_str(&float_literal(*f)),
            Constant::Str(s) => {
                let quote = self.pick_quote(s);
                self.out.push(quote);
                escape_into(&mut self.out, s, quote, false);
                self.out.push(quote);
            }
        }
    }

    fn pick_quote(&self, s: &str) -> char {
        match self.enclosing_quote {
            Some('"') => '\'',
            Some(_) => '"',
            None if s.contains('"') && !s.contains('\'') => '\'',
            None => '"',
        }
    }

    pub(super) fn fstring(&mut self, parts: &[FStringPart]) {
        let quote = if self.enclosing_quote == Some('"') {
            '\''
        } else {
            '"'
        };
        self.out.push('f');
        self.out.push(quote);
        self.fstring_parts(parts, quote);
        self.out.push(quote);
    }

    fn fstring_parts(&mut self, parts: &[FStringPart], quote: char) {
        for part in parts {
            match part {
                FStringPart::Literal(text) => escape_into(&mut self.out, text, quote, true),
                FStringPart::Field(field) => {
                    let mut inner = Printer {
                        enclosing_quote: Some(quote),
                        ..Printer::default()
                    };
                    // A lambda's `:` would start the format spec.
                    inner.expr(&field.expr, prec::IFEXP);
                    // `{{` would be an escaped brace, and `}}` reads as one too.
                    let pad = inner.out.starts_with('{') || inner.out.ends_with('}');
                    self.out.push_str(if pad { "{ " } else { "{" });
                    self.out.push_str(&inner.out);
                    if pad {
                        self.out.push(' ');
                    }
                    if let Some(conversion) = field.conversion {
                        self.out.push('!');
                        self.out.push(conversion);
                    }
                    if let Some(spec) = &field.format_spec {
                        self.out.push(':');
                        self.fstring_parts(spec, quote);
                    }
                    self.out.push('}');
                }
            }
        }
    }
}

/// The shortest decimal that reads back as the same float; `1e309` overflows to infinity.
fn float_literal(f: f64) -> String {
    if f.is_infinite() {
        return "1e309".to_string();
    }
    // Rust's `Debug` gives the shortest round-tripping form, always with `.` or `e`,
    // both of which Python reads as a float (`1.0`, `1e-7`, `1e16`).
    format!("{f:?}")
}

/// Characters printed as escapes: controls, and line and byte-order marks that an editor or
/// a lexer could treat specially.
pub(super) fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}')
}

fn escape_into(out: &mut String, s: &str, quote: char, braces: bool) {
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '{' | '}' if braces => {
                out.push(c);
                out.push(c);
            }
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if needs_escape(c) => {
                let code = c as u32;
                let _ = match code {
                    0..=0xff => write!(out, "\\x{code:02x}"),
                    0x100..=0xffff => write!(out, "\\u{code:04x}"),
                    _ => write!(out, "\\U{code:08x}"),
                };
            }
            c => out.push(c),
        }
    }
}
