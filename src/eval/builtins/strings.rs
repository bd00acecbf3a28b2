//! `str` methods (formatting itself lives in `str_format`).

use super::str_format::str_format;
use super::{int_arg, method_arity, str_arg};
use crate::eval::error::{type_error, value_error, PyResult};
use crate::eval::interp::Interpreter;
use crate::eval::value::{Args, BuiltinFn, Value};

pub fn method(name: &str) -> Option<(&'static str, BuiltinFn)> {
    Some(match name {
        "format" => ("format", format),
        "join" => ("join", join),
        "split" => ("split", split),
        "rsplit" => ("rsplit", rsplit),
        "splitlines" => ("splitlines", splitlines),
        "strip" => ("strip", strip),
        "lstrip" => ("lstrip", lstrip),
        "rstrip" => ("rstrip", rstrip),
        "lower" => ("lower", |_, a| map_str(&a, |s| s.to_lowercase())),
        "upper" => ("upper", |_, a| map_str(&a, |s| s.to_uppercase())),
        "casefold" => ("casefold", |_, a| map_str(&a, |s| s.to_lowercase())),
        "swapcase" => ("swapcase", |_, a| {
            map_str(&a, |s| {
                s.chars()
                    .map(|c| {
                        if c.is_uppercase() {
                            c.to_lowercase().collect::<String>()
                        } else {
                            c.to_uppercase().collect()
                        }
                    })
                    .collect()
            })
        }),
        "title" => ("title", |_, a| map_str(&a, title)),
        "capitalize" => ("capitalize", |_, a| {
            map_str(&a, |s| {
                let mut c = s.chars();
                match c.next() {
                    Some(f) => f
                        .to_uppercase()
                        .chain(c.as_str().to_lowercase().chars())
                        .collect(),
                    None => String::new(),
                }
            })
        }),
        "replace" => ("replace", replace),
        "startswith" => ("startswith", |it, a| affix(it, a, true)),
        "endswith" => ("endswith", |it, a| affix(it, a, false)),
        "zfill" => ("zfill", zfill),
        "count" => ("count", count),
        "find" => ("find", |_, a| find(a, false, false)),
        "rfind" => ("rfind", |_, a| find(a, true, false)),
        "index" => ("index", |_, a| find(a, false, true)),
        "rindex" => ("rindex", |_, a| find(a, true, true)),
        "isdigit" => ("isdigit", |_, a| pred(&a, |c| c.is_ascii_digit())),
        "isdecimal" => ("isdecimal", |_, a| pred(&a, |c| c.is_ascii_digit())),
        "isnumeric" => ("isnumeric", |_, a| pred(&a, |c| c.is_numeric())),
        "isalpha" => ("isalpha", |_, a| pred(&a, |c| c.is_alphabetic())),
        "isalnum" => ("isalnum", |_, a| pred(&a, |c| c.is_alphanumeric())),
        "isspace" => ("isspace", |_, a| pred(&a, |c| c.is_whitespace())),
        "isupper" => ("isupper", |_, a| cased(&a, true)),
        "istitle" => ("istitle", |_, a| {
            let s = this(&a)?;
            Ok(Value::Bool(
                s.chars().any(char::is_alphabetic) && title(s) == s,
            ))
        }),
        "isascii" => ("isascii", |_, a| Ok(Value::Bool(this(&a)?.is_ascii()))),
        "islower" => ("islower", |_, a| cased(&a, false)),
        "isidentifier" => ("isidentifier", |_, a| {
            let s = this(&a)?;
            Ok(Value::Bool(
                s.chars()
                    .next()
                    .is_some_and(|c| c.is_alphabetic() || c == '_')
                    && s.chars().all(|c| c.is_alphanumeric() || c == '_'),
            ))
        }),
        "center" => ("center", |it, a| justify(it, a, 'c')),
        "ljust" => ("ljust", |it, a| justify(it, a, 'l')),
        "rjust" => ("rjust", |it, a| justify(it, a, 'r')),
        "partition" => ("partition", |_, a| partition(a, false)),
        "rpartition" => ("rpartition", |_, a| partition(a, true)),
        "removeprefix" => ("removeprefix", |_, a| {
            let (s, p) = (
                this(&a)?,
                str_arg(
                    a.pos.get(1).unwrap_or(&Value::None),
                    "removeprefix() argument",
                )?,
            );
            Ok(Value::str(s.strip_prefix(p).unwrap_or(s)))
        }),
        "removesuffix" => ("removesuffix", |_, a| {
            let (s, p) = (
                this(&a)?,
                str_arg(
                    a.pos.get(1).unwrap_or(&Value::None),
                    "removesuffix() argument",
                )?,
            );
            Ok(Value::str(s.strip_suffix(p).unwrap_or(s)))
        }),
        "format_map" => ("format_map", |it, a| {
            method_arity("str.format_map", &a, 1, 1)?;
            let s = this(&a)?.to_string();
            let kw = it
                .mapping_items(&a.pos[1])?
                .into_iter()
                .filter_map(|(k, v)| match k {
                    Value::Str(k) => Some((k, v)),
                    _ => None,
                });
            let args = Args {
                pos: vec![],
                kw: kw.collect(),
            };
            Ok(Value::str(&str_format(it, &s, &args)?))
        }),
        "encode" => ("encode", |_, a| Ok(Value::str(this(&a)?))),
        _ => return None,
    })
}

fn this(args: &Args) -> PyResult<&str> {
    match args.pos.first() {
        Some(Value::Str(s)) => Ok(s),
        Some(v) => Err(type_error(format!(
            "descriptor requires a 'str' object but received a '{}'",
            v.type_name()
        ))),
        None => Err(type_error("unbound method needs an argument")),
    }
}

fn map_str(args: &Args, f: impl Fn(&str) -> String) -> PyResult<Value> {
    Ok(Value::str(&f(this(args)?)))
}

fn pred(args: &Args, f: impl Fn(char) -> bool) -> PyResult<Value> {
    let s = this(args)?;
    Ok(Value::Bool(!s.is_empty() && s.chars().all(f)))
}

fn cased(args: &Args, upper: bool) -> PyResult<Value> {
    let s = this(args)?;
    let has_cased = s.chars().any(|c| c.is_uppercase() || c.is_lowercase());
    let ok = s.chars().all(|c| {
        if upper {
            !c.is_lowercase()
        } else {
            !c.is_uppercase()
        }
    });
    Ok(Value::Bool(has_cased && ok))
}

fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for c in s.chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        prev_cased = c.is_alphabetic();
    }
    out
}

fn join(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    method_arity("str.join", &args, 1, 1)?;
    let sep = this(&args)?.to_string();
    let items = it
        .iterate(&args.pos[1])
        .map_err(|_| type_error("can only join an iterable"))?;
    let mut parts = Vec::with_capacity(items.len());
    for (i, v) in items.iter().enumerate() {
        match v {
            Value::Str(s) => parts.push(s.to_string()),
            _ => {
                return Err(type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    v.type_name()
                )))
            }
        }
    }
    let s = parts.join(&sep);
    it.charge(s.len())?;
    Ok(Value::str(&s))
}

fn split_args(
    it: &mut Interpreter,
    mut args: Args,
    name: &str,
) -> PyResult<(String, Option<String>, i64)> {
    let sep_kw = args.take_kw("sep");
    let max_kw = args.take_kw("maxsplit");
    super::no_kwargs(name, &args)?;
    let s = this(&args)?.to_string();
    let sep = match args.pos.get(1).or(sep_kw.as_ref()) {
        None | Some(Value::None) => None,
        Some(v) => {
            let sep = match v {
                Value::Str(s) => s.to_string(),
                _ => {
                    return Err(type_error(format!(
                        "must be str or None, not {}",
                        v.type_name()
                    )))
                }
            };
            if sep.is_empty() {
                return Err(value_error("empty separator"));
            }
            Some(sep)
        }
    };
    let max = match args.pos.get(2).or(max_kw.as_ref()) {
        Some(v) => int_arg(v)?,
        None => -1,
    };
    let _ = it;
    Ok((s, sep, max))
}

fn to_list(parts: Vec<&str>) -> Value {
    Value::list(parts.into_iter().map(Value::str).collect())
}

fn split(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    let (s, sep, max) = split_args(it, args, "split")?;
    it.charge(s.len())?;
    Ok(match sep {
        Some(sep) if max < 0 => to_list(s.split(sep.as_str()).collect()),
        Some(sep) => to_list(s.splitn(max as usize + 1, sep.as_str()).collect()),
        None => {
            let mut parts = Vec::new();
            let mut rest = s.trim_start();
            while !rest.is_empty() {
                if max >= 0 && parts.len() as i64 == max {
                    parts.push(rest);
                    break;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                parts.push(&rest[..end]);
                rest = rest[end..].trim_start();
            }
            to_list(parts)
        }
    })
}

fn rsplit(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    let (s, sep, max) = split_args(it, args, "rsplit")?;
    let mut parts: Vec<&str> = match &sep {
        Some(sep) if max < 0 => s.rsplit(sep.as_str()).collect(),
        Some(sep) => s.rsplitn(max as usize + 1, sep.as_str()).collect(),
        None => {
            let mut parts = Vec::new();
            let mut rest = s.trim_end();
            while !rest.is_empty() {
                if max >= 0 && parts.len() as i64 == max {
                    parts.push(rest);
                    break;
                }
                let start = rest
                    .rfind(char::is_whitespace)
                    .map(|i| i + rest[i..].chars().next().map_or(1, |c| c.len_utf8()))
                    .unwrap_or(0);
                parts.push(&rest[start..]);
                rest = rest[..start].trim_end();
            }
            parts
        }
    };
    parts.reverse();
    Ok(to_list(parts))
}

fn splitlines(_: &mut Interpreter, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    Ok(to_list(s.lines().collect()))
}

fn strip_impl(args: &Args, left: bool, right: bool) -> PyResult<Value> {
    let s = this(args)?;
    let chars: Option<Vec<char>> = match args.pos.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(str_arg(v, "strip arg")?.chars().collect()),
    };
    let test = |c: char| match &chars {
        Some(cs) => cs.contains(&c),
        None => c.is_whitespace(),
    };
    let mut r = s;
    if left {
        r = r.trim_start_matches(test);
    }
    if right {
        r = r.trim_end_matches(test);
    }
    Ok(Value::str(r))
}

fn strip(_: &mut Interpreter, a: Args) -> PyResult<Value> {
    strip_impl(&a, true, true)
}
fn lstrip(_: &mut Interpreter, a: Args) -> PyResult<Value> {
    strip_impl(&a, true, false)
}
fn rstrip(_: &mut Interpreter, a: Args) -> PyResult<Value> {
    strip_impl(&a, false, true)
}

fn replace(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    method_arity("str.replace", &args, 2, 3)?;
    let s = this(&args)?;
    let old = str_arg(&args.pos[1], "replace() argument 1")?;
    let new = str_arg(&args.pos[2], "replace() argument 2")?;
    let count = match args.pos.get(3) {
        Some(v) => int_arg(v)?,
        None => -1,
    };
    let r = if count < 0 {
        s.replace(old, new)
    } else {
        s.replacen(old, new, count as usize)
    };
    it.charge(r.len())?;
    Ok(Value::str(&r))
}

/// Char-index bounds `[start, end)` from optional slice-like arguments.
fn bounds(args: &Args, from: usize, len: usize) -> PyResult<(usize, usize)> {
    let norm = |v: Option<&Value>, default: usize| -> PyResult<usize> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(v) => {
                let i = int_arg(v)?;
                let i = if i < 0 { i + len as i64 } else { i };
                Ok(i.clamp(0, len as i64) as usize)
            }
        }
    };
    Ok((
        norm(args.pos.get(from), 0)?,
        norm(args.pos.get(from + 1), len)?,
    ))
}

fn char_slice(s: &str, start: usize, end: usize) -> &str {
    let b = |i: usize| s.char_indices().nth(i).map(|(b, _)| b).unwrap_or(s.len());
    if start >= end {
        return "";
    }
    &s[b(start)..b(end)]
}

fn affix(_: &mut Interpreter, args: Args, prefix: bool) -> PyResult<Value> {
    method_arity(
        if prefix {
            "str.startswith"
        } else {
            "str.endswith"
        },
        &args,
        1,
        3,
    )?;
    let s = this(&args)?;
    let (start, end) = bounds(&args, 2, s.chars().count())?;
    let s = char_slice(s, start, end);
    let cands: Vec<Value> = match &args.pos[1] {
        Value::Tuple(t) => t.to_vec(),
        v => vec![v.clone()],
    };
    for c in cands {
        let Value::Str(c) = c else {
            let which = if prefix { "startswith" } else { "endswith" };
            return Err(type_error(format!(
                "{which} first arg must be str or a tuple of str, not {}",
                args.pos[1].type_name()
            )));
        };
        if (prefix && s.starts_with(&*c)) || (!prefix && s.ends_with(&*c)) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn zfill(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    method_arity("str.zfill", &args, 1, 1)?;
    let s = this(&args)?;
    let width = int_arg(&args.pos[1])?.max(0) as usize;
    it.charge(width)?;
    let n = s.chars().count();
    if n >= width {
        return Ok(Value::str(s));
    }
    let (sign, rest) = match s.chars().next() {
        Some(c @ ('+' | '-')) => (c.to_string(), &s[1..]),
        _ => (String::new(), s),
    };
    Ok(Value::str(&format!(
        "{sign}{}{rest}",
        "0".repeat(width - n)
    )))
}

fn count(_: &mut Interpreter, args: Args) -> PyResult<Value> {
    method_arity("str.count", &args, 1, 3)?;
    let s = this(&args)?;
    let sub = str_arg(&args.pos[1], "must be str")?;
    let (start, end) = bounds(&args, 2, s.chars().count())?;
    let s = char_slice(s, start, end);
    Ok(Value::Int(if sub.is_empty() {
        s.chars().count() as i64 + 1
    } else {
        s.matches(sub).count() as i64
    }))
}

fn find(args: Args, reverse: bool, raise: bool) -> PyResult<Value> {
    method_arity("str.find", &args, 1, 3)?;
    let s = this(&args)?;
    let sub = str_arg(&args.pos[1], "must be str")?;
    let (start, end) = bounds(&args, 2, s.chars().count())?;
    let hay = char_slice(s, start, end);
    let found = if reverse {
        hay.rfind(sub)
    } else {
        hay.find(sub)
    };
    match found {
        Some(b) => Ok(Value::Int((start + hay[..b].chars().count()) as i64)),
        None if raise => Err(value_error("substring not found")),
        None => Ok(Value::Int(-1)),
    }
}

fn justify(it: &mut Interpreter, args: Args, how: char) -> PyResult<Value> {
    method_arity(
        match how {
            'c' => "str.center",
            'l' => "str.ljust",
            _ => "str.rjust",
        },
        &args,
        1,
        2,
    )?;
    let s = this(&args)?;
    let width = int_arg(&args.pos[1])?.max(0) as usize;
    it.charge(width)?;
    let fill = match args.pos.get(2) {
        Some(v) => {
            let f = str_arg(v, "fill character")?;
            let mut cs = f.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(type_error(
                        "The fill character must be exactly one character long",
                    ))
                }
            }
        }
        None => ' ',
    };
    let n = s.chars().count();
    if n >= width {
        return Ok(Value::str(s));
    }
    let pad = width - n;
    let (left, right) = match how {
        'l' => (0, pad),
        'r' => (pad, 0),
        _ => {
            let left = pad / 2 + (pad & width & 1);
            (left, pad - left)
        }
    };
    let f = |k: usize| std::iter::repeat_n(fill, k).collect::<String>();
    Ok(Value::str(&format!("{}{s}{}", f(left), f(right))))
}

fn partition(args: Args, reverse: bool) -> PyResult<Value> {
    method_arity("str.partition", &args, 1, 1)?;
    let s = this(&args)?;
    let sep = str_arg(&args.pos[1], "must be str")?;
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    let found = if reverse { s.rfind(sep) } else { s.find(sep) };
    let parts = match found {
        Some(i) => [&s[..i], sep, &s[i + sep.len()..]],
        None if reverse => ["", "", s],
        None => [s, "", ""],
    };
    Ok(Value::tuple(parts.iter().map(|p| Value::str(p)).collect()))
}

fn format(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    let s = this(&args)?.to_string();
    let rest = Args {
        pos: args.pos[1..].to_vec(),
        kw: args.kw,
    };
    Ok(Value::str(&str_format(it, &s, &rest)?))
}
