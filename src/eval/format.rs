//! Python's float repr and the format-spec mini-language (`format`, f-strings, `str.format`).

use super::error::{value_error, PyResult};

/// `repr(float)`: the shortest string that round-trips, in Python's layout.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    // Rust's `{:e}` gives the shortest round-trip digit count. When two strings of that
    // length round-trip, Python prints the one nearest the exact value, which is the
    // correctly rounded one.
    let shortest = format!("{:e}", f);
    let digits = shortest
        .split('e')
        .next()
        .map_or(1, |m| m.chars().filter(char::is_ascii_digit).count());
    let rounded = format!("{:.*e}", digits.saturating_sub(1), f);
    let s = if rounded.parse::<f64>() == Ok(f) {
        rounded
    } else {
        shortest
    };
    let (mantissa, exp) = s.split_once('e').expect("exponent");
    let exp: i32 = exp.parse().expect("exponent digits");
    let (neg, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => (true, m),
        None => (false, mantissa),
    };
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let sign = if neg { "-" } else { "" };
    if (-4..16).contains(&exp) {
        let body = if exp >= 0 {
            let e = exp as usize;
            let (int_part, frac) = if digits.len() > e + 1 {
                (digits[..e + 1].to_string(), digits[e + 1..].to_string())
            } else {
                (
                    format!("{}{}", digits, "0".repeat(e + 1 - digits.len())),
                    "0".to_string(),
                )
            };
            format!("{int_part}.{frac}")
        } else {
            format!("0.{}{}", "0".repeat((-exp - 1) as usize), digits)
        };
        format!("{sign}{body}")
    } else {
        let rest = &digits[1..];
        let m = if rest.is_empty() {
            digits[..1].to_string()
        } else {
            format!("{}.{}", &digits[..1], rest)
        };
        format!(
            "{sign}{m}e{}{:02}",
            if exp < 0 { '-' } else { '+' },
            exp.abs()
        )
    }
}

/// A parsed format spec: `[[fill]align][sign][#][0][width][grouping][.precision][type]`.
#[derive(Debug, Default, Clone)]
pub struct Spec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub alternate: bool,
    pub zero: bool,
    pub width: usize,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub kind: Option<char>,
}

pub fn parse_spec(spec: &str) -> PyResult<Spec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let mut s = Spec::default();
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = Some(chars[0]);
        s.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        s.align = Some(chars[0]);
        i = 1;
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        s.sign = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == 'z' {
        i += 1;
    }
    if i < chars.len() && chars[i] == '#' {
        s.alternate = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let start = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        s.width = chars[start..i]
            .iter()
            .collect::<String>()
            .parse()
            .map_err(|_| value_error("Too many decimal digits in format string"))?;
    }
    // Padding and digits are allocated: refuse sizes no definition needs rather than
    // exhaust memory.
    if s.width > 10_000_000 {
        return Err(value_error(
            "format width too large (at most 10000000 in definitions)",
        ));
    }
    if i < chars.len() && matches!(chars[i], ',' | '_') {
        s.grouping = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return Err(value_error("Format specifier missing precision"));
        }
        s.precision = Some(
            chars[start..i]
                .iter()
                .collect::<String>()
                .parse()
                .map_err(|_| value_error("Too many decimal digits in format string"))?,
        );
    }
    if s.precision.is_some_and(|p| p > 10_000) {
        return Err(value_error(
            "format precision too large (at most 10000 in definitions)",
        ));
    }
    if i < chars.len() {
        s.kind = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() {
        return Err(value_error("Invalid format specifier"));
    }
    Ok(s)
}

fn group(digits: &str, sep: char, every: usize) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / every);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Pads `body` (with its sign/prefix split off for `=`) to the spec's width.
fn pad(spec: &Spec, sign: &str, body: &str, default_align: char) -> String {
    let (fill, align) = if spec.zero && spec.align.is_none() {
        ('0', '=')
    } else {
        (
            spec.fill.unwrap_or(if spec.zero { '0' } else { ' ' }),
            spec.align.unwrap_or(default_align),
        )
    };
    let len = sign.chars().count() + body.chars().count();
    if len >= spec.width {
        return format!("{sign}{body}");
    }
    let n = spec.width - len;
    let fills = |k: usize| std::iter::repeat_n(fill, k).collect::<String>();
    match align {
        '<' => format!("{sign}{body}{}", fills(n)),
        '^' => format!("{}{sign}{body}{}", fills(n / 2), fills(n - n / 2)),
        '=' => format!("{sign}{}{body}", fills(n)),
        _ => format!("{}{sign}{body}", fills(n)),
    }
}

fn sign_of(spec: &Spec, negative: bool) -> &'static str {
    match (negative, spec.sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    }
}

pub fn format_str(s: &str, spec: &str) -> PyResult<String> {
    let sp = parse_spec(spec)?;
    match sp.kind {
        None | Some('s') => {}
        Some(k) => {
            return Err(value_error(format!(
                "Unknown format code '{k}' for object of type 'str'"
            )))
        }
    }
    if sp.sign.is_some() {
        return Err(value_error("Sign not allowed in string format specifier"));
    }
    if let Some(g) = sp.grouping {
        return Err(value_error(format!("Cannot specify '{g}' with 's'.")));
    }
    if sp.align == Some('=') {
        return Err(value_error(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let body: String = match sp.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    Ok(pad(&sp, "", &body, '<'))
}

pub fn format_int(i: i64, spec: &str) -> PyResult<String> {
    let sp = parse_spec(spec)?;
    if let Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') = sp.kind {
        return format_float_spec(i as f64, &sp);
    }
    if sp.precision.is_some() {
        return Err(value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    let mag = i.unsigned_abs();
    let (digits, prefix, every) = match sp.kind {
        None | Some('d') | Some('n') => (mag.to_string(), "", 3),
        Some('x') => (format!("{mag:x}"), "0x", 4),
        Some('X') => (format!("{mag:X}"), "0X", 4),
        Some('o') => (format!("{mag:o}"), "0o", 4),
        Some('b') => (format!("{mag:b}"), "0b", 4),
        Some('c') => {
            let c = char::from_u32(i as u32)
                .ok_or_else(|| super::error::overflow_error("%c arg not in range(0x110000)"))?;
            return Ok(pad(&sp, "", &c.to_string(), '<'));
        }
        Some(k) => {
            return Err(value_error(format!(
                "Unknown format code '{k}' for object of type 'int'"
            )))
        }
    };
    let digits = match sp.grouping {
        Some(sep) => group(&digits, sep, every),
        None => digits,
    };
    let sign = format!(
        "{}{}",
        sign_of(&sp, i < 0),
        if sp.alternate { prefix } else { "" }
    );
    Ok(pad(&sp, &sign, &digits, '>'))
}

/// `format(f, 'e')`-style text with Python's two-digit signed exponent.
fn exp_form(f: f64, precision: usize, upper: bool) -> String {
    let s = format!("{:.*e}", precision, f);
    let (m, e) = s.split_once('e').expect("exponent");
    let e: i32 = e.parse().expect("exponent digits");
    let out = format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs());
    if upper {
        out.to_uppercase()
    } else {
        out
    }
}

fn strip_zeros(s: &str) -> String {
    if !s.contains('.') {
        return s.to_string();
    }
    let (m, e) = match s.find('e') {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, ""),
    };
    let m = m.trim_end_matches('0').trim_end_matches('.');
    format!("{m}{e}")
}

/// The `g` presentation (and the no-type presentation when `repr_like`).
fn general(f: f64, precision: usize, alternate: bool, repr_like: bool) -> String {
    let p = precision.max(1);
    let sci = exp_form(f, p - 1, false);
    let exp: i32 = sci
        .split_once('e')
        .expect("exponent")
        .1
        .parse()
        .expect("digits");
    if exp >= -4 && exp < p as i32 {
        let s = format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, f);
        let mut s = if alternate { s } else { strip_zeros(&s) };
        if repr_like && !s.contains('.') {
            s.push_str(".0");
        }
        s
    } else if alternate {
        sci
    } else {
        strip_zeros(&sci)
    }
}

fn format_float_spec(f: f64, sp: &Spec) -> PyResult<String> {
    let negative = f.is_sign_negative() && !(f.is_nan());
    let a = f.abs();
    let upper = matches!(sp.kind, Some('E' | 'F' | 'G'));
    let mut body = if a.is_nan() || a.is_infinite() {
        let s = if a.is_nan() { "nan" } else { "inf" };
        let s = if upper {
            s.to_uppercase()
        } else {
            s.to_string()
        };
        if sp.kind == Some('%') {
            format!("{s}%")
        } else {
            s
        }
    } else {
        match sp.kind {
            Some('f' | 'F') => format!("{:.*}", sp.precision.unwrap_or(6), a),
            Some('e' | 'E') => exp_form(a, sp.precision.unwrap_or(6), upper),
            Some('g' | 'G') => {
                let s = general(a, sp.precision.unwrap_or(6), sp.alternate, false);
                if upper {
                    s.to_uppercase()
                } else {
                    s
                }
            }
            Some('%') => format!("{:.*}%", sp.precision.unwrap_or(6), a * 100.0),
            None => match sp.precision {
                Some(p) => general(a, p, sp.alternate, true),
                None => float_repr(a),
            },
            Some(k) => {
                return Err(value_error(format!(
                    "Unknown format code '{k}' for object of type 'float'"
                )))
            }
        }
    };
    if let Some(sep) = sp.grouping {
        let end = body
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(body.len());
        body = format!("{}{}", group(&body[..end], sep, 3), &body[end..]);
    }
    if sp.alternate && !body.contains('.') && matches!(sp.kind, Some('f' | 'F' | 'e' | 'E')) {
        body = match body.find('e') {
            Some(i) => format!("{}.{}", &body[..i], &body[i..]),
            None => format!("{body}."),
        };
    }
    Ok(pad(sp, sign_of(sp, negative), &body, '>'))
}

pub fn format_float(f: f64, spec: &str) -> PyResult<String> {
    let sp = parse_spec(spec)?;
    if matches!(sp.kind, Some('d' | 'x' | 'X' | 'o' | 'b' | 'c' | 's')) {
        return Err(value_error(format!(
            "Unknown format code '{}' for object of type 'float'",
            sp.kind.unwrap()
        )));
    }
    format_float_spec(f, &sp)
}

/// `round(f, ndigits)` with correct decimal rounding of the binary value, as Python does.
pub fn round_float(f: f64, ndigits: i64) -> f64 {
    if !f.is_finite() {
        return f;
    }
    if ndigits >= 0 {
        if ndigits > 300 {
            return f;
        }
        format!("{:.*}", ndigits as usize, f).parse().unwrap_or(f)
    } else {
        let scale = 10f64.powi((-ndigits).min(308) as i32);
        let r = (f / scale).round_ties_even() * scale;
        if r.is_finite() {
            r
        } else {
            0.0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_reprs() {
        for (f, s) in [
            (0.1, "0.1"),
            (1e-7, "1e-07"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (-0.0, "-0.0"),
            (1.5, "1.5"),
            (123456789.125, "123456789.125"),
            (1e15 + 0.25, "1000000000000000.2"),
            (0.0001, "0.0001"),
            (2.5e-5, "2.5e-05"),
            (1.0 / 3.0, "0.3333333333333333"),
            (f64::INFINITY, "inf"),
        ] {
            assert_eq!(float_repr(f), s);
        }
    }

    #[test]
    fn specs() {
        assert_eq!(format_int(1234567, ",").unwrap(), "1,234,567");
        assert_eq!(format_int(42, "05d").unwrap(), "00042");
        assert_eq!(format_int(-42, "05d").unwrap(), "-0042");
        assert_eq!(format_int(255, "#x").unwrap(), "0xff");
        assert_eq!(format_int(5, "*^7").unwrap(), "***5***");
        assert_eq!(format_int(5, "+").unwrap(), "+5");
        assert_eq!(format_float(1.23456, ".2f").unwrap(), "1.23");
        assert_eq!(format_float(0.256, ".1%").unwrap(), "25.6%");
        assert_eq!(format_float(1234.5, "e").unwrap(), "1.234500e+03");
        assert_eq!(format_float(1234.5, ".3g").unwrap(), "1.23e+03");
        assert_eq!(format_float(0.0001234, "g").unwrap(), "0.0001234");
        assert_eq!(format_float(1.0, ".3").unwrap(), "1.0");
        assert_eq!(format_float(1234567.891, ",.2f").unwrap(), "1,234,567.89");
        assert_eq!(format_float(2.5, "10.1f").unwrap(), "       2.5");
        assert_eq!(format_str("ab", ">5").unwrap(), "   ab");
        assert_eq!(format_str("abc", ".2").unwrap(), "ab");
        assert_eq!(format_str("x", "d").unwrap_err().0.help, None);
    }

    #[test]
    fn rounding() {
        assert_eq!(round_float(2.675, 2), 2.67);
        assert_eq!(round_float(1234.5, -1), 1230.0);
        assert_eq!(round_float(0.125, 2), 0.12);
    }
}
