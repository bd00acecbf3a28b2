//! Python regular-expression syntax → the `regex` crate's syntax, and `sub` templates.
//!
//! The two dialects agree on most things (`(?P<name>...)`, `\d` being Unicode-aware, lazy
//! quantifiers). Where they differ we rewrite (`\Z`, literal `{`, `[` inside a class) and where
//! the `regex` crate has no equivalent (lookarounds, backreferences) we refuse with a message
//! naming the construct, rather than silently matching something else.

/// Python's flag values, as `re.I` etc. carry them.
pub const IGNORECASE: i64 = 2;
pub const MULTILINE: i64 = 8;
pub const DOTALL: i64 = 16;
pub const UNICODE: i64 = 32;
pub const VERBOSE: i64 = 64;
pub const ASCII: i64 = 256;

/// The name prefix of the hidden groups that stand for `$` before a final newline.
pub const EOL_GROUP: &str = "__py_eol";

const UNSUPPORTED: &str = "are not supported by this evaluator's regular expressions";

/// Rewrites a Python pattern for the `regex` crate; `Err` holds a `re.error` message.
pub fn translate(p: &str, flags: i64) -> Result<String, String> {
    let chars: Vec<char> = p.chars().collect();
    let verbose = is_verbose(p, flags);
    let ascii = flags & ASCII != 0 || leading_flags(&chars).contains('a');
    let multiline = flags & MULTILINE != 0 || leading_flags(&chars).contains('m');
    let mut eols = 0;
    let mut out = String::with_capacity(p.len() + 8);
    let mut i = 0;
    // Inside `[...]`: Python takes `[`, `&&`, `--`, `~~` literally; the `regex` crate does not.
    let mut in_class = false;
    let mut class_start = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' {
            let Some(&n) = chars.get(i + 1) else {
                return Err(format!("bad escape (end of pattern) at position {i}"));
            };
            i += 2;
            match n {
                'Z' if !in_class => out.push_str(r"\z"),
                '1'..='9' if !in_class => {
                    return Err(format!(
                        "backreferences (\\{n} at position {}) {UNSUPPORTED}",
                        i - 2
                    ))
                }
                '0' => out.push_str(r"\x00"),
                'b' if in_class => out.push_str(r"\x08"),
                'd' | 'w' | 's' | 'D' | 'W' | 'S' if ascii => out.push_str(ascii_class(n)),
                'b' | 'B' if ascii => {
                    out.push_str(if n == 'b' { r"(?-u:\b)" } else { r"(?-u:\B)" })
                }
                _ => {
                    out.push('\\');
                    out.push(n);
                }
            }
            continue;
        }
        if in_class {
            match c {
                ']' => {
                    in_class = false;
                    out.push(']');
                }
                '[' => out.push_str(r"\["),
                '&' | '-' | '~' if chars.get(i + 1) == Some(&c) => {
                    out.push(c);
                    out.push('\\');
                    out.push(c);
                    i += 1;
                }
                '#' if verbose => out.push_str(r"\#"),
                c if verbose && c.is_whitespace() => {
                    out.push_str(&format!("\\x{{{:x}}}", c as u32))
                }
                c => out.push(c),
            }
            i += 1;
            continue;
        }
        match c {
            '[' => {
                in_class = true;
                class_start = i;
                out.push('[');
                i += 1;
                if chars.get(i) == Some(&'^') {
                    out.push('^');
                    i += 1;
                }
                // A `]` first in a class is a literal in both dialects.
                if chars.get(i) == Some(&']') {
                    out.push_str(r"\]");
                    i += 1;
                }
                continue;
            }
            '#' if verbose => {
                // A comment runs to the end of the line; keep it out of the rewriting.
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
                continue;
            }
            '(' if chars.get(i + 1) == Some(&'?') => {
                let rest: String = chars[i + 2..chars.len().min(i + 5)].iter().collect();
                let refuse = |what: &str| Err(format!("{what} (at position {i}) {UNSUPPORTED}"));
                if rest.starts_with('=') || rest.starts_with('!') {
                    return refuse("look-ahead assertions");
                }
                if rest.starts_with("<=") || rest.starts_with("<!") {
                    return refuse("look-behind assertions");
                }
                if rest.starts_with("P=") {
                    return refuse("named backreferences");
                }
                if rest.starts_with('>') {
                    return refuse("atomic groups");
                }
                if rest.starts_with('(') {
                    return refuse("conditional groups");
                }
                if rest.starts_with('#') {
                    while i < chars.len() && chars[i] != ')' {
                        i += 1;
                    }
                    i += 1;
                    continue;
                }
                out.push_str("(?");
                i += 2;
                continue;
            }
            '{' => match quantifier(&chars[i..]) {
                Some((text, len)) => {
                    out.push_str(&text);
                    i += len;
                    continue;
                }
                None => out.push_str(r"\{"),
            },
            '}' => out.push_str(r"\}"),
            // Python's `$` also matches before a final newline. The `regex` crate's does not,
            // so the newline is consumed in a hidden group that `Pattern` strips from spans.
            '$' if !multiline => {
                out.push_str(&format!(r"(?:\z|(?P<{EOL_GROUP}{eols}>\n\z))"));
                eols += 1;
            }
            c => out.push(c),
        }
        i += 1;
    }
    if in_class {
        return Err(format!(
            "unterminated character set at position {class_start}"
        ));
    }
    Ok(out)
}

/// Whether the pattern is in verbose mode, by flag or a leading `(?x)`.
pub fn is_verbose(p: &str, flags: i64) -> bool {
    flags & VERBOSE != 0 || leading_flags(&p.chars().take(12).collect::<Vec<_>>()).contains('x')
}

/// The letters of an inline flag group at the very start (`(?ix)` → "ix").
fn leading_flags(chars: &[char]) -> String {
    if chars.len() < 3 || chars[0] != '(' || chars[1] != '?' {
        return String::new();
    }
    chars[2..]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect()
}

fn ascii_class(n: char) -> &'static str {
    match n {
        'd' => "[0-9]",
        'D' => "[^0-9]",
        'w' => "[0-9A-Za-z_]",
        'W' => "[^0-9A-Za-z_]",
        's' => r"[ \t\n\r\x0B\x0C]",
        _ => r"[^ \t\n\r\x0B\x0C]",
    }
}

/// A `{m}`, `{m,}`, `{,n}` or `{m,n}` quantifier at the start of `s`, as the `regex` crate
/// spells it, and its length; `None` means Python reads the `{` as a literal.
fn quantifier(s: &[char]) -> Option<(String, usize)> {
    let close = s.iter().position(|&c| c == '}')?;
    let body: String = s[1..close].iter().collect();
    let (lo, hi) = match body.split_once(',') {
        Some((lo, hi)) => (lo, Some(hi)),
        None => (body.as_str(), None),
    };
    let digits = |t: &str| t.chars().all(|c| c.is_ascii_digit());
    if !digits(lo) || !hi.is_none_or(digits) || (lo.is_empty() && hi.is_none_or(str::is_empty)) {
        return None;
    }
    let lo = if lo.is_empty() { "0" } else { lo };
    let text = match hi {
        None => format!("{{{lo}}}"),
        Some(hi) => format!("{{{lo},{hi}}}"),
    };
    Some((text, close + 1))
}

/// One piece of a `sub` replacement template.
#[derive(Debug)]
pub enum Piece {
    Text(String),
    Group(usize),
}

/// Parses a replacement template: `\1`, `\g<1>`, `\g<name>`, and the usual character escapes.
pub fn template(t: &str, names: &[Option<String>]) -> Result<Vec<Piece>, String> {
    let chars: Vec<char> = t.chars().collect();
    let groups = names.len() - 1;
    let mut pieces = Vec::new();
    let mut text = String::new();
    let mut i = 0;
    let check = |n: usize, at: usize| {
        if n > groups {
            Err(format!("invalid group reference {n} at position {at}"))
        } else {
            Ok(n)
        }
    };
    while i < chars.len() {
        let c = chars[i];
        if c != '\\' {
            text.push(c);
            i += 1;
            continue;
        }
        let Some(&n) = chars.get(i + 1) else {
            return Err(format!("bad escape (end of pattern) at position {i}"));
        };
        let group = match n {
            'g' => {
                let close = chars[i..].iter().position(|&c| c == '>');
                if chars.get(i + 2) != Some(&'<') || close.is_none() {
                    return Err(format!("missing group name at position {}", i + 2));
                }
                let close = i + close.unwrap_or(0);
                let name: String = chars[i + 3..close].iter().collect();
                let g = if !name.is_empty() && name.chars().all(|c| c.is_ascii_digit()) {
                    check(
                        name.parse()
                            .map_err(|_| format!("invalid group reference {name}"))?,
                        i + 3,
                    )?
                } else {
                    names
                        .iter()
                        .position(|x| x.as_deref() == Some(name.as_str()))
                        .ok_or_else(|| format!("unknown group name '{name}'"))?
                };
                i = close + 1;
                Some(g)
            }
            '1'..='9' => {
                let mut n = n.to_digit(10).unwrap_or(0) as usize;
                let at = i + 1;
                i += 2;
                if let Some(d) = chars.get(i).and_then(|c| c.to_digit(10)) {
                    n = n * 10 + d as usize;
                    i += 1;
                }
                Some(check(n, at)?)
            }
            _ => {
                let esc = match n {
                    'n' => Some('\n'),
                    't' => Some('\t'),
                    'r' => Some('\r'),
                    'f' => Some('\x0c'),
                    'v' => Some('\x0b'),
                    'a' => Some('\x07'),
                    'b' => Some('\x08'),
                    '0' => Some('\0'),
                    '\\' => Some('\\'),
                    c if c.is_ascii_alphabetic() => {
                        return Err(format!("bad escape \\{c} at position {i}"))
                    }
                    _ => None,
                };
                match esc {
                    Some(e) => text.push(e),
                    None => {
                        text.push('\\');
                        text.push(n);
                    }
                }
                i += 2;
                None
            }
        };
        if let Some(g) = group {
            if !text.is_empty() {
                pieces.push(Piece::Text(std::mem::take(&mut text)));
            }
            pieces.push(Piece::Group(g));
        }
    }
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }
    Ok(pieces)
}

/// `re.escape`: backslashes before the characters that are special in a pattern.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\\n"),
            '\t' => out.push_str("\\\t"),
            c if "()[]{}?*+-|^$\\.&~# \r\x0b\x0c".contains(c) => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrites_the_differences() {
        assert_eq!(translate(r"a\Z", 0).unwrap(), r"a\z");
        assert_eq!(translate(r"x{2,}y{,3}{a}", 0).unwrap(), r"x{2,}y{0,3}\{a\}");
        assert_eq!(translate(r"[[+--]", 0).unwrap(), r"[\[+-\-]");
        assert_eq!(translate(r"[a&&b]", 0).unwrap(), r"[a&\&b]");
        assert_eq!(translate(r"[]a]", 0).unwrap(), r"[\]a]");
        assert_eq!(translate(r"a(?#note)b", 0).unwrap(), "ab");
    }

    #[test]
    fn refuses_what_the_crate_lacks() {
        assert!(translate(r"a(?=b)", 0).unwrap_err().contains("look-ahead"));
        assert!(translate(r"(?<!a)b", 0)
            .unwrap_err()
            .contains("look-behind"));
        assert!(translate(r"(a)\1", 0)
            .unwrap_err()
            .contains("backreferences"));
        assert!(translate(r"(?P<x>a)(?P=x)", 0)
            .unwrap_err()
            .contains("named backreferences"));
    }

    #[test]
    fn parses_templates() {
        let names = vec![None, None, Some("n".to_string())];
        let p = template(r"\2-\g<n>\g<1>\n", &names).unwrap();
        assert_eq!(p.len(), 5);
        assert!(template(r"\3", &names)
            .unwrap_err()
            .contains("invalid group reference 3"));
        assert!(template(r"\g<zz>", &names)
            .unwrap_err()
            .contains("unknown group name"));
    }
}
