//! `json`: `load`, `loads` (keeping key order, as Python does) and `dumps`/`dump`-free output.

use std::rc::Rc;

use super::{add_functions, set};
use crate::eval::builtins::arity;
use crate::eval::classes::builtin_class;
use crate::eval::error::{make_exception, type_error, PyErr, PyResult};
use crate::eval::format::float_repr;
use crate::eval::interp::{new_class, Interpreter};
use crate::eval::value::{new_namespace, Args, Class, Dict, Key, Namespace, Value};

thread_local! {
    static DECODE_ERROR: Rc<Class> = new_class("JSONDecodeError", "json.decoder", vec![builtin_class("ValueError")], new_namespace()).expect("simple MRO");
}

pub fn init(_: &mut Interpreter, ns: &Namespace) -> PyResult<()> {
    set(
        ns,
        "JSONDecodeError",
        Value::Class(DECODE_ERROR.with(|c| c.clone())),
    );
    add_functions(ns, &[("loads", loads), ("load", load), ("dumps", dumps)]);
    Ok(())
}

fn loads(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    arity("loads", &args, 1, 1)?;
    let text = match &args.pos[0] {
        Value::Str(s) => s.to_string(),
        v => {
            return Err(type_error(format!(
                "the JSON object must be str, bytes or bytearray, not {}",
                v.type_name()
            )))
        }
    };
    parse(it, &text)
}

fn load(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    arity("load", &args, 1, 1)?;
    let text = it.call_method(&args.pos[0], "read", Args::default())?;
    let text = it.to_str(&text)?;
    parse(it, &text)
}

fn parse(it: &mut Interpreter, text: &str) -> PyResult<Value> {
    let mut p = Parser {
        s: text.as_bytes(),
        text,
        i: 0,
    };
    p.ws();
    let v = p.value(it)?;
    p.ws();
    if p.i < p.s.len() {
        return Err(p.error("Extra data"));
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a [u8],
    text: &'a str,
    i: usize,
}

impl Parser<'_> {
    fn error(&self, msg: &str) -> PyErr {
        let before = &self.text[..self.i.min(self.text.len())];
        let line = before.matches('\n').count() + 1;
        let col = before.len() - before.rfind('\n').map(|p| p + 1).unwrap_or(0) + 1;
        let char_pos = before.chars().count();
        let class = DECODE_ERROR.with(|c| c.clone());
        PyErr::new(make_exception(
            class,
            vec![Value::str(&format!(
                "{msg}: line {line} column {col} (char {char_pos})"
            ))],
        ))
    }

    fn ws(&mut self) {
        while self.i < self.s.len() && matches!(self.s[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }

    fn value(&mut self, it: &mut Interpreter) -> PyResult<Value> {
        it.charge(1)?;
        let Some(&c) = self.s.get(self.i) else {
            return Err(self.error("Expecting value"));
        };
        match c {
            b'{' => {
                self.i += 1;
                let mut d = Dict::new();
                self.ws();
                if self.s.get(self.i) == Some(&b'}') {
                    self.i += 1;
                    return Ok(Value::dict(d));
                }
                loop {
                    self.ws();
                    if self.s.get(self.i) != Some(&b'"') {
                        return Err(self.error("Expecting property name enclosed in double quotes"));
                    }
                    let k = self.string()?;
                    self.ws();
                    if self.s.get(self.i) != Some(&b':') {
                        return Err(self.error("Expecting ':' delimiter"));
                    }
                    self.i += 1;
                    self.ws();
                    let v = self.value(it)?;
                    d.insert(Key(Value::str(&k)), v);
                    self.ws();
                    match self.s.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b'}') => {
                            self.i += 1;
                            return Ok(Value::dict(d));
                        }
                        _ => return Err(self.error("Expecting ',' delimiter")),
                    }
                }
            }
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                self.ws();
                if self.s.get(self.i) == Some(&b']') {
                    self.i += 1;
                    return Ok(Value::list(items));
                }
                loop {
                    self.ws();
                    items.push(self.value(it)?);
                    self.ws();
                    match self.s.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b']') => {
                            self.i += 1;
                            return Ok(Value::list(items));
                        }
                        _ => return Err(self.error("Expecting ',' delimiter")),
                    }
                }
            }
            b'"' => Ok(Value::str(&self.string()?)),
            _ => {
                for (word, v) in [
                    ("true", Value::Bool(true)),
                    ("false", Value::Bool(false)),
                    ("null", Value::None),
                    ("NaN", Value::Float(f64::NAN)),
                    ("Infinity", Value::Float(f64::INFINITY)),
                    ("-Infinity", Value::Float(f64::NEG_INFINITY)),
                ] {
                    if self.s[self.i..].starts_with(word.as_bytes()) {
                        self.i += word.len();
                        return Ok(v);
                    }
                }
                let start = self.i;
                if self.s.get(self.i) == Some(&b'-') {
                    self.i += 1;
                }
                let digits_start = self.i;
                while self.i < self.s.len() && self.s[self.i].is_ascii_digit() {
                    self.i += 1;
                }
                if self.i == digits_start {
                    self.i = start;
                    return Err(self.error("Expecting value"));
                }
                let mut is_float = false;
                if self.s.get(self.i) == Some(&b'.')
                    && self.s.get(self.i + 1).is_some_and(|c| c.is_ascii_digit())
                {
                    is_float = true;
                    self.i += 1;
                    while self.i < self.s.len() && self.s[self.i].is_ascii_digit() {
                        self.i += 1;
                    }
                }
                if matches!(self.s.get(self.i), Some(b'e' | b'E')) {
                    is_float = true;
                    self.i += 1;
                    if matches!(self.s.get(self.i), Some(b'+' | b'-')) {
                        self.i += 1;
                    }
                    while self.i < self.s.len() && self.s[self.i].is_ascii_digit() {
                        self.i += 1;
                    }
                }
                let lit = &self.text[start..self.i];
                if is_float {
                    Ok(Value::Float(
                        lit.parse().map_err(|_| self.error("Expecting value"))?,
                    ))
                } else {
                    lit.parse::<i64>()
                        .map(Value::Int)
                        .map_err(|_| crate::eval::error::int_overflow())
                }
            }
        }
    }

    fn string(&mut self) -> PyResult<String> {
        let start = self.i;
        self.i += 1;
        let mut out = String::new();
        loop {
            let Some(&c) = self.s.get(self.i) else {
                self.i = start;
                return Err(self.error("Unterminated string starting at"));
            };
            match c {
                b'"' => {
                    self.i += 1;
                    return Ok(out);
                }
                b'\\' => {
                    let e = self.s.get(self.i + 1).copied();
                    self.i += 2;
                    match e {
                        Some(b'n') => out.push('\n'),
                        Some(b't') => out.push('\t'),
                        Some(b'r') => out.push('\r'),
                        Some(b'b') => out.push('\u{8}'),
                        Some(b'f') => out.push('\u{c}'),
                        Some(b'/') => out.push('/'),
                        Some(b'\\') => out.push('\\'),
                        Some(b'"') => out.push('"'),
                        Some(b'u') => {
                            let hex = self
                                .text
                                .get(self.i..self.i + 4)
                                .ok_or_else(|| self.error("Invalid \\uXXXX escape"))?;
                            let mut code = u32::from_str_radix(hex, 16)
                                .map_err(|_| self.error("Invalid \\uXXXX escape"))?;
                            self.i += 4;
                            if (0xD800..0xDC00).contains(&code)
                                && self.text.get(self.i..self.i + 2) == Some("\\u")
                            {
                                if let Ok(low) = u32::from_str_radix(
                                    self.text.get(self.i + 2..self.i + 6).unwrap_or(""),
                                    16,
                                ) {
                                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                                    self.i += 6;
                                }
                            }
                            out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                        }
                        _ => return Err(self.error("Invalid \\escape")),
                    }
                }
                _ => {
                    let ch = self.text[self.i..].chars().next().expect("in bounds");
                    out.push(ch);
                    self.i += ch.len_utf8();
                }
            }
        }
    }
}

fn dumps(it: &mut Interpreter, mut args: Args) -> PyResult<Value> {
    let indent = args.take_kw("indent");
    let sort_keys = args
        .take_kw("sort_keys")
        .map(|v| it.truthy(&v))
        .transpose()?
        .unwrap_or(false);
    let ensure_ascii = args
        .take_kw("ensure_ascii")
        .map(|v| it.truthy(&v))
        .transpose()?
        .unwrap_or(true);
    let default = args.take_kw("default");
    let separators = args.take_kw("separators");
    arity("dumps", &args, 1, 1)?;
    let indent = match indent {
        None | Some(Value::None) => None,
        Some(Value::Int(n)) => Some(" ".repeat(n.max(0) as usize)),
        Some(Value::Str(s)) => Some(s.to_string()),
        Some(v) => {
            return Err(type_error(format!(
                "indent must be int or str, not {}",
                v.type_name()
            )))
        }
    };
    let (item_sep, key_sep) = match separators {
        Some(Value::Tuple(t)) if t.len() == 2 => (it.to_str(&t[0])?, it.to_str(&t[1])?),
        _ => (
            (if indent.is_some() { "," } else { ", " }).to_string(),
            ": ".to_string(),
        ),
    };
    let opts = Opts {
        indent,
        sort_keys,
        ensure_ascii,
        default,
        item_sep,
        key_sep,
    };
    let mut out = String::new();
    write(it, &args.pos[0], &opts, 0, &mut out)?;
    Ok(Value::str(&out))
}

struct Opts {
    indent: Option<String>,
    sort_keys: bool,
    ensure_ascii: bool,
    default: Option<Value>,
    item_sep: String,
    key_sep: String,
}

fn quote(s: &str, ascii: bool) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || (ascii && (c as u32) > 0x7e) => {
                let mut buf = [0u16; 2];
                for u in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{:04x}", u));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn float_text(f: f64) -> String {
    if f.is_nan() {
        "NaN".into()
    } else if f.is_infinite() {
        if f > 0.0 {
            "Infinity".into()
        } else {
            "-Infinity".into()
        }
    } else {
        float_repr(f)
    }
}

fn write(
    it: &mut Interpreter,
    v: &Value,
    o: &Opts,
    level: usize,
    out: &mut String,
) -> PyResult<()> {
    let (open_sep, item_sep, close_sep) = match &o.indent {
        Some(ind) => (
            format!("\n{}", ind.repeat(level + 1)),
            format!("{}\n{}", o.item_sep.trim_end(), ind.repeat(level + 1)),
            format!("\n{}", ind.repeat(level)),
        ),
        None => (String::new(), o.item_sep.clone(), String::new()),
    };
    match v {
        Value::None => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => out.push_str(&i.to_string()),
        Value::Float(f) => out.push_str(&float_text(*f)),
        Value::Str(s) => out.push_str(&quote(s, o.ensure_ascii)),
        Value::List(_) | Value::Tuple(_) => {
            let items = it.iterate(v)?;
            if items.is_empty() {
                out.push_str("[]");
                return Ok(());
            }
            out.push('[');
            out.push_str(&open_sep);
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(&item_sep);
                }
                write(it, x, o, level + 1, out)?;
            }
            out.push_str(&close_sep);
            out.push(']');
        }
        Value::Dict(d) => {
            let mut items: Vec<(String, Value)> = Vec::new();
            for (k, val) in d.borrow().iter() {
                let key = match &k.0 {
                    Value::Str(s) => s.to_string(),
                    Value::Int(i) => i.to_string(),
                    Value::Float(f) => float_text(*f),
                    Value::Bool(b) => if *b { "true" } else { "false" }.to_string(),
                    Value::None => "null".to_string(),
                    other => {
                        return Err(type_error(format!(
                            "keys must be str, int, float, bool or None, not {}",
                            other.type_name()
                        )))
                    }
                };
                items.push((key, val.clone()));
            }
            if o.sort_keys {
                items.sort_by(|a, b| a.0.cmp(&b.0));
            }
            if items.is_empty() {
                out.push_str("{}");
                return Ok(());
            }
            out.push('{');
            out.push_str(&open_sep);
            for (i, (k, x)) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(&item_sep);
                }
                out.push_str(&quote(k, o.ensure_ascii));
                out.push_str(&o.key_sep);
                write(it, x, o, level + 1, out)?;
            }
            out.push_str(&close_sep);
            out.push('}');
        }
        other => match &o.default {
            Some(f) => {
                let converted = it.call(f, Args::positional(vec![other.clone()]))?;
                write(it, &converted, o, level, out)?;
            }
            None => {
                return Err(type_error(format!(
                    "Object of type {} is not JSON serializable",
                    other.type_name()
                )))
            }
        },
    }
    Ok(())
}
