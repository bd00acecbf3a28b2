//! `re.Pattern`: a compiled pattern (three `regex` programs: scanning, anchored at the start,
//! and anchored at both ends) with `match`/`search`/`fullmatch`/`sub`/`split`/`findall`.

use std::any::Any;
use std::rc::Rc;

use regex::{Regex, RegexBuilder};

use super::matched::{Match, Spans};
use super::syntax::{self, translate, Piece, DOTALL, IGNORECASE, MULTILINE, VERBOSE};
use super::{error, str_of};
use crate::eval::builtins::{int_arg, method_arity};
use crate::eval::error::{type_error, PyResult};
use crate::eval::interp::Interpreter;
use crate::eval::repr::str_repr;
use crate::eval::value::{Args, Dict, IterState, Key, NativeObject, Value};

pub struct Pattern {
    pub source: Rc<str>,
    pub flags: i64,
    search: Regex,
    anchored: Regex,
    full: Regex,
    /// Group names by index; index 0 is the whole match.
    pub names: Vec<Option<String>>,
    /// Indexes (in the `regex` program) of the hidden groups standing for `$` before a final
    /// newline; see `syntax::translate`.
    eol: Vec<usize>,
}

/// Which of the three matching operations.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Match,
    Search,
    Full,
}

const METHODS: &[&str] = &[
    "match",
    "search",
    "fullmatch",
    "sub",
    "subn",
    "split",
    "findall",
    "finditer",
];

impl Pattern {
    pub fn compile(source: &str, flags: i64) -> PyResult<Pattern> {
        let t = translate(source, flags).map_err(error)?;
        // A trailing verbose-mode comment must not swallow the closing parenthesis.
        let nl = if syntax::is_verbose(source, flags) {
            "\n"
        } else {
            ""
        };
        let build = |text: String| {
            RegexBuilder::new(&text)
                .case_insensitive(flags & IGNORECASE != 0)
                .multi_line(flags & MULTILINE != 0)
                .dot_matches_new_line(flags & DOTALL != 0)
                .ignore_whitespace(flags & VERBOSE != 0)
                .build()
                .map_err(|e| error(crate_message(&e, source)))
        };
        let search = build(t.clone())?;
        let anchored = build(format!(r"\A(?:{t}{nl})"))?;
        let full = build(format!(r"\A(?:{t}{nl})\z"))?;
        let is_eol = |n: Option<&str>| n.is_some_and(|n| n.starts_with(syntax::EOL_GROUP));
        let eol = search
            .capture_names()
            .enumerate()
            .filter(|(_, n)| is_eol(*n))
            .map(|(i, _)| i)
            .collect();
        let names = search
            .capture_names()
            .filter(|n| !is_eol(*n))
            .map(|n| n.map(str::to_string))
            .collect();
        Ok(Pattern {
            source: Rc::from(source),
            flags,
            search,
            anchored,
            full,
            names,
            eol,
        })
    }

    pub fn groups(&self) -> usize {
        self.names.len() - 1
    }

    /// Python's group spans from the `regex` crate's captures, shifted by `offset`. When a
    /// hidden `$` group took the final newline, every span is cut back to before it, since
    /// Python's `$` consumes nothing.
    fn spans(&self, c: &regex::Captures, offset: usize) -> Spans {
        let cut = self
            .eol
            .iter()
            .find_map(|&i| c.get(i))
            .map(|m| m.start() + offset);
        (0..c.len())
            .filter(|i| !self.eol.contains(i))
            .map(|i| {
                c.get(i).map(|m| {
                    let (a, b) = (m.start() + offset, m.end() + offset);
                    match cut {
                        Some(e) if b > e => (a.min(e), e),
                        _ => (a, b),
                    }
                })
            })
            .collect()
    }

    /// Group spans of the first match in `s[pos..endpos]` (byte offsets into `s`).
    fn find(&self, mode: Mode, s: &str, pos: usize, endpos: usize) -> Option<Spans> {
        let hay = &s[..endpos];
        match mode {
            Mode::Search => self.search.captures_at(hay, pos).map(|c| self.spans(&c, 0)),
            Mode::Match if pos == 0 => self.anchored.captures(hay).map(|c| self.spans(&c, 0)),
            // The leftmost match from `pos` starts at `pos` whenever any match does, so this
            // keeps `^` and `\b` seeing the text before `pos`, as Python's do.
            Mode::Match => self
                .search
                .captures_at(hay, pos)
                .filter(|c| c.get(0).is_some_and(|m| m.start() == pos))
                .map(|c| self.spans(&c, 0)),
            // A `$` that matched before the final newline leaves that newline unmatched.
            Mode::Full => self
                .full
                .captures(&hay[pos..])
                .filter(|c| self.eol.iter().all(|&i| c.get(i).is_none()))
                .map(|c| self.spans(&c, pos)),
        }
    }

    /// All non-overlapping matches, with Python's rule for empty matches: one may follow a
    /// non-empty match directly, but never another empty match at the same place.
    fn find_all(&self, s: &str, pos: usize, endpos: usize, limit: usize) -> Vec<Spans> {
        let hay = &s[..endpos];
        let mut out = Vec::new();
        let mut at = pos;
        while at <= hay.len() && (limit == 0 || out.len() < limit) {
            let Some(c) = self.search.captures_at(hay, at) else {
                break;
            };
            let spans = self.spans(&c, 0);
            let m = spans[0].unwrap_or((at, at));
            out.push(spans);
            at = if m.0 == m.1 {
                match hay[m.1..].chars().next() {
                    Some(ch) => m.1 + ch.len_utf8(),
                    None => break,
                }
            } else {
                m.1
            };
        }
        out
    }
}

/// The `regex` crate's message without its multi-line pattern excerpt.
fn crate_message(e: &regex::Error, source: &str) -> String {
    let text = e.to_string();
    let msg = text
        .lines()
        .find_map(|l| l.strip_prefix("error: "))
        .unwrap_or(text.lines().last().unwrap_or("invalid pattern"));
    format!("{msg} in pattern {}", str_repr(source))
}

/// A character offset (as Python counts) → a byte offset into `s`, clamped to the end.
fn byte_offset(s: &str, chars: i64) -> usize {
    if chars <= 0 {
        return 0;
    }
    if s.is_ascii() {
        return (chars as usize).min(s.len());
    }
    s.char_indices()
        .nth(chars as usize)
        .map_or(s.len(), |(b, _)| b)
}

/// The `pos`/`endpos` arguments (positional after the string, or keywords), as bytes.
fn range_args(s: &str, args: &mut Args, first: usize) -> PyResult<(usize, usize)> {
    let pos = args.take_kw("pos").or_else(|| args.pos.get(first).cloned());
    let endpos = args
        .take_kw("endpos")
        .or_else(|| args.pos.get(first + 1).cloned());
    let pos = match pos {
        Some(v) => byte_offset(s, int_arg(&v)?),
        None => 0,
    };
    let endpos = match endpos {
        Some(v) => byte_offset(s, int_arg(&v)?),
        None => s.len(),
    };
    Ok((pos, endpos.max(pos)))
}

impl Pattern {
    fn make_match(
        self: &Rc<Self>,
        this: &Value,
        s: &Rc<str>,
        spans: Spans,
        range: (usize, usize),
    ) -> Value {
        Value::Native(Rc::new(Match {
            pattern: self.clone(),
            pattern_value: this.clone(),
            string: s.clone(),
            spans,
            range,
        }))
    }

    /// `match`/`search`/`fullmatch` on a string with byte range `pos..endpos`.
    pub fn run(
        self: &Rc<Self>,
        this: &Value,
        mode: Mode,
        s: &Rc<str>,
        pos: usize,
        endpos: usize,
    ) -> Value {
        match self.find(mode, s, pos, endpos) {
            Some(spans) => self.make_match(this, s, spans, (pos, endpos)),
            None => Value::None,
        }
    }

    /// `sub`/`subn`: the new string and the number of replacements.
    pub fn substitute(
        self: &Rc<Self>,
        this: &Value,
        it: &mut Interpreter,
        repl: &Value,
        s: &Rc<str>,
        count: i64,
    ) -> PyResult<(String, usize)> {
        let template = match repl {
            Value::Str(t) => Some(syntax::template(t, &self.names).map_err(error)?),
            _ => None,
        };
        let found = self.find_all(s, 0, s.len(), count.max(0) as usize);
        let mut out = String::with_capacity(s.len());
        let mut last = 0;
        for spans in &found {
            let (start, end) = spans[0].unwrap_or((last, last));
            out.push_str(&s[last..start]);
            match &template {
                Some(pieces) => {
                    for p in pieces {
                        match p {
                            Piece::Text(t) => out.push_str(t),
                            Piece::Group(g) => {
                                if let Some((a, b)) = spans[*g] {
                                    out.push_str(&s[a..b]);
                                }
                            }
                        }
                    }
                }
                None => {
                    let m = self.make_match(this, s, spans.clone(), (0, s.len()));
                    let r = it.call(repl, Args::positional(vec![m]))?;
                    match r {
                        Value::Str(t) => out.push_str(&t),
                        v => {
                            return Err(type_error(format!(
                                "expected str instance, {} found",
                                v.type_name()
                            )))
                        }
                    }
                }
            }
            last = end;
        }
        out.push_str(&s[last..]);
        Ok((out, found.len()))
    }

    pub fn split(&self, s: &str, maxsplit: i64) -> Value {
        let mut out = Vec::new();
        let mut last = 0;
        for spans in self.find_all(s, 0, s.len(), maxsplit.max(0) as usize) {
            let (start, end) = spans[0].unwrap_or((last, last));
            out.push(Value::str(&s[last..start]));
            for g in &spans[1..] {
                out.push(g.map_or(Value::None, |(a, b)| Value::str(&s[a..b])));
            }
            last = end;
        }
        out.push(Value::str(&s[last..]));
        Value::list(out)
    }

    pub fn findall(&self, s: &str, pos: usize, endpos: usize) -> Value {
        let text = |g: Option<(usize, usize)>| Value::str(g.map_or("", |(a, b)| &s[a..b]));
        let items = self
            .find_all(s, pos, endpos, 0)
            .into_iter()
            .map(|spans| match spans.len() {
                1 => text(spans[0]),
                2 => text(spans[1]),
                _ => Value::tuple(spans[1..].iter().map(|g| text(*g)).collect()),
            })
            .collect();
        Value::list(items)
    }

    pub fn finditer(
        self: &Rc<Self>,
        this: &Value,
        s: &Rc<str>,
        pos: usize,
        endpos: usize,
    ) -> Value {
        let items = self
            .find_all(s, pos, endpos, 0)
            .into_iter()
            .map(|sp| self.make_match(this, s, sp, (pos, endpos)))
            .collect();
        Value::iter(IterState::Items(items, 0))
    }
}

/// The `Rc<Pattern>` inside a `Value::Native`, if it is one.
pub fn as_pattern(v: &Value) -> Option<Rc<Pattern>> {
    match v {
        Value::Native(n) if n.as_any().is::<PatternRef>() => {
            n.as_any().downcast_ref::<PatternRef>().map(|p| p.0.clone())
        }
        _ => None,
    }
}

/// The native object for a compiled pattern (an `Rc` so match objects can share it).
pub struct PatternRef(pub Rc<Pattern>);

impl NativeObject for PatternRef {
    fn type_name(&self) -> &str {
        "re.Pattern"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn has_method(&self, name: &str) -> bool {
        METHODS.contains(&name)
    }
    fn attribute_names(&self) -> Vec<String> {
        let mut names: Vec<String> = METHODS.iter().map(|s| s.to_string()).collect();
        names.extend(["pattern", "flags", "groups", "groupindex"].map(String::from));
        names
    }
    fn get_attr(
        &self,
        _this: &Value,
        name: &str,
        _it: &mut Interpreter,
    ) -> Option<PyResult<Value>> {
        let p = &self.0;
        Some(Ok(match name {
            "pattern" => Value::Str(p.source.clone()),
            "flags" => Value::Int(p.flags | syntax::UNICODE),
            "groups" => Value::Int(p.groups() as i64),
            "groupindex" => {
                let mut d = Dict::new();
                for (i, n) in p.names.iter().enumerate() {
                    if let Some(n) = n {
                        d.insert(Key(Value::str(n)), Value::Int(i as i64));
                    }
                }
                Value::dict(d)
            }
            _ => return None,
        }))
    }
    fn call_method(
        &self,
        this: &Value,
        name: &str,
        args: Args,
        it: &mut Interpreter,
    ) -> PyResult<Value> {
        let mut args = args;
        let q = format!("Pattern.{name}");
        // `method_arity` counts a receiver in `pos[0]`; ours is `this`.
        let mut counted = Args::positional(vec![Value::None]);
        counted.pos.extend(args.pos.iter().cloned());
        let p = &self.0;
        match name {
            "match" | "search" | "fullmatch" | "findall" | "finditer" => {
                let s = str_of(
                    args.take_kw("string").or_else(|| args.pos.first().cloned()),
                    &q,
                )?;
                let (pos, endpos) = range_args(&s, &mut args, 1)?;
                if name.starts_with("find") {
                    // At most one result per character (plus one), like the sandbox's other
                    // container-building operations charge.
                    it.charge(endpos - pos + 1)?;
                }
                Ok(match name {
                    "match" => p.run(this, Mode::Match, &s, pos, endpos),
                    "search" => p.run(this, Mode::Search, &s, pos, endpos),
                    "fullmatch" => p.run(this, Mode::Full, &s, pos, endpos),
                    "findall" => p.findall(&s, pos, endpos),
                    _ => p.finditer(this, &s, pos, endpos),
                })
            }
            "sub" | "subn" => {
                let count = args.take_kw("count").or_else(|| args.pos.get(2).cloned());
                let s = args.take_kw("string").or_else(|| args.pos.get(1).cloned());
                let repl = args.take_kw("repl").or_else(|| args.pos.first().cloned());
                method_arity(&q, &counted, 0, 3)?;
                let repl = repl.ok_or_else(|| {
                    type_error(format!("{q}() missing required argument 'repl' (pos 1)"))
                })?;
                let s = str_of(s, &q)?;
                let count = count.map_or(Ok(0), |c| int_arg(&c))?;
                let (text, n) = p.substitute(this, it, &repl, &s, count)?;
                it.charge(text.len())?;
                Ok(if name == "sub" {
                    Value::str(&text)
                } else {
                    Value::tuple(vec![Value::str(&text), Value::Int(n as i64)])
                })
            }
            "split" => {
                let maxsplit = args
                    .take_kw("maxsplit")
                    .or_else(|| args.pos.get(1).cloned());
                let s = str_of(
                    args.take_kw("string").or_else(|| args.pos.first().cloned()),
                    &q,
                )?;
                it.charge(s.len() + 1)?;
                Ok(p.split(&s, maxsplit.map_or(Ok(0), |c| int_arg(&c))?))
            }
            _ => Err(crate::eval::error::attribute_error(format!(
                "'re.Pattern' object has no attribute '{name}'"
            ))),
        }
    }
    fn repr(&self, _it: &mut Interpreter) -> PyResult<String> {
        let p = &self.0;
        let mut flags = Vec::new();
        for (bit, name) in [
            (IGNORECASE, "re.IGNORECASE"),
            (MULTILINE, "re.MULTILINE"),
            (DOTALL, "re.DOTALL"),
            (VERBOSE, "re.VERBOSE"),
            (syntax::ASCII, "re.ASCII"),
        ] {
            if p.flags & bit != 0 {
                flags.push(name);
            }
        }
        let src = str_repr(&p.source);
        Ok(if flags.is_empty() {
            format!("re.compile({src})")
        } else {
            format!("re.compile({src}, {})", flags.join("|"))
        })
    }
    fn hash_key(&self) -> Option<u64> {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (&*self.0.source, self.0.flags).hash(&mut h);
        Some(h.finish())
    }
    fn eq_key(&self, other: &Value) -> Option<bool> {
        Some(
            as_pattern(other).is_some_and(|o| o.source == self.0.source && o.flags == self.0.flags),
        )
    }
}
