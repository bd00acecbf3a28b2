//! String formatting: `str.format` replacement fields and printf-style `%` formatting.

use crate::eval::error::{index_error, key_error, type_error, value_error, PyResult};
use crate::eval::interp::Interpreter;
use crate::eval::value::{Args, Value};

/// `str.format`: replacement fields `{[name|index][.attr|[key]]*[!conv][:spec]}`.
pub fn str_format(it: &mut Interpreter, fmt: &str, args: &Args) -> PyResult<String> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut auto = 0usize;
    let mut manual = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(value_error("Single '}' encountered in format string"));
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        if chars.get(i + 1) == Some(&'{') {
            out.push('{');
            i += 2;
            continue;
        }
        // Find the matching close brace, allowing one level of nesting in the spec.
        let mut depth = 1;
        let mut j = i + 1;
        while j < chars.len() {
            match chars[j] {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        if j >= chars.len() {
            return Err(value_error("Single '{' encountered in format string"));
        }
        let field: String = chars[i + 1..j].iter().collect();
        i = j + 1;
        let (head, spec) = match field.find(':') {
            Some(k) => (field[..k].to_string(), field[k + 1..].to_string()),
            None => (field.clone(), String::new()),
        };
        let (head, conv) = match head.find('!') {
            Some(k) => (head[..k].to_string(), head[k + 1..].chars().next()),
            None => (head, None),
        };
        let name_end = head.find(['.', '[']).unwrap_or(head.len());
        let name = &head[..name_end];
        let mut v = if name.is_empty() {
            if manual {
                return Err(value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            let v = args.pos.get(auto).cloned().ok_or_else(|| {
                index_error(format!(
                    "Replacement index {auto} out of range for positional args tuple"
                ))
            })?;
            auto += 1;
            v
        } else if let Ok(n) = name.parse::<usize>() {
            if auto > 0 {
                return Err(value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            manual = true;
            args.pos.get(n).cloned().ok_or_else(|| {
                index_error(format!(
                    "Replacement index {n} out of range for positional args tuple"
                ))
            })?
        } else {
            args.kw
                .iter()
                .find(|(k, _)| &**k == name)
                .map(|(_, v)| v.clone())
                .ok_or_else(|| key_error(Value::str(name)))?
        };
        let mut rest = &head[name_end..];
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix('.') {
                let end = r.find(['.', '[']).unwrap_or(r.len());
                v = it.getattr(&v, &r[..end])?;
                rest = &r[end..];
            } else if let Some(r) = rest.strip_prefix('[') {
                let end = r
                    .find(']')
                    .ok_or_else(|| value_error("Missing ']' in format string"))?;
                let key = &r[..end];
                let k = match key.parse::<i64>() {
                    Ok(n) => Value::Int(n),
                    Err(_) => Value::str(key),
                };
                v = it.getitem(&v, &k)?;
                rest = &r[end + 1..];
            } else {
                break;
            }
        }
        let v = match conv {
            Some('r') => Value::str(&it.repr(&v)?),
            Some('s') => Value::str(&it.to_str(&v)?),
            Some('a') => Value::str(&crate::eval::interp::ascii(&it.repr(&v)?)),
            Some(c) => return Err(value_error(format!("Unknown conversion specifier {c}"))),
            None => v,
        };
        let spec = if spec.contains('{') {
            str_format_nested(it, &spec, args, &mut auto)?
        } else {
            spec
        };
        out.push_str(&it.format_value(&v, &spec)?);
    }
    Ok(out)
}

fn str_format_nested(
    it: &mut Interpreter,
    spec: &str,
    args: &Args,
    auto: &mut usize,
) -> PyResult<String> {
    let mut pos = Vec::new();
    for _ in 0..spec.matches("{}").count() {
        pos.push(args.pos.get(*auto).cloned().unwrap_or(Value::None));
        *auto += 1;
    }
    let inner = Args {
        pos: if pos.is_empty() {
            args.pos.clone()
        } else {
            pos
        },
        kw: args.kw.clone(),
    };
    str_format(it, spec, &inner)
}

/// `fmt % values` (printf-style), for the conversions studies use.
pub fn percent_format(it: &mut Interpreter, fmt: &str, values: &Value) -> PyResult<Value> {
    let items: Vec<Value> = match values {
        Value::Tuple(t) => t.to_vec(),
        v => vec![v.clone()],
    };
    let mut next = 0usize;
    let mut out = String::new();
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '%' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        i += 1;
        let mut key = None;
        if chars.get(i) == Some(&'(') {
            let end = chars[i..]
                .iter()
                .position(|c| *c == ')')
                .ok_or_else(|| value_error("incomplete format key"))?
                + i;
            key = Some(chars[i + 1..end].iter().collect::<String>());
            i = end + 1;
        }
        let mut flags = String::new();
        while let Some(c @ ('-' | '+' | ' ' | '#' | '0')) = chars.get(i) {
            flags.push(*c);
            i += 1;
        }
        let mut width = String::new();
        while let Some(c) = chars.get(i).filter(|c| c.is_ascii_digit()) {
            width.push(*c);
            i += 1;
        }
        let mut prec = String::new();
        if chars.get(i) == Some(&'.') {
            prec.push('.');
            i += 1;
            while let Some(c) = chars.get(i).filter(|c| c.is_ascii_digit()) {
                prec.push(*c);
                i += 1;
            }
        }
        let Some(&conv) = chars.get(i) else {
            return Err(value_error("incomplete format"));
        };
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let v = match &key {
            Some(k) => it.getitem(values, &Value::str(k))?,
            None => {
                let v = items
                    .get(next)
                    .cloned()
                    .ok_or_else(|| type_error("not enough arguments for format string"))?;
                next += 1;
                v
            }
        };
        let align = if flags.contains('-') { "<" } else { ">" };
        let sign = if flags.contains('+') {
            "+"
        } else if flags.contains(' ') {
            " "
        } else {
            ""
        };
        let zero = if flags.contains('0') && !flags.contains('-') {
            "0"
        } else {
            ""
        };
        let piece = match conv {
            's' | 'r' | 'a' => {
                let s = if conv == 's' {
                    it.to_str(&v)?
                } else {
                    it.repr(&v)?
                };
                it.format_value(&Value::str(&s), &format!("{align}{width}{prec}"))?
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'c' => {
                let num = match (&v, conv) {
                    (Value::Float(f), 'd' | 'i' | 'u' | 'x' | 'X' | 'o') => {
                        Value::Int(f.trunc() as i64)
                    }
                    (Value::Int(_) | Value::Bool(_) | Value::Float(_), _) => v.clone(),
                    _ => {
                        return Err(type_error(format!(
                            "%{conv} format: a real number is required, not {}",
                            v.type_name()
                        )))
                    }
                };
                let conv = if matches!(conv, 'i' | 'u') { 'd' } else { conv };
                let num = match (&num, conv) {
                    (Value::Int(i), 'e' | 'E' | 'f' | 'F' | 'g' | 'G') => Value::Float(*i as f64),
                    _ => num,
                };
                let align = if zero.is_empty() { align } else { "" };
                it.format_value(&num, &format!("{align}{sign}{zero}{width}{prec}{conv}"))?
            }
            c => {
                return Err(value_error(format!(
                    "unsupported format character '{c}' (0x{:x})",
                    c as u32
                )))
            }
        };
        out.push_str(&piece);
    }
    if key_less(values) && next < items.len() {
        return Err(type_error(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(Value::str(&out))
}

fn key_less(values: &Value) -> bool {
    !matches!(values, Value::Dict(_))
}
