//! Text to values the way the reference's CSV reader converts them (Python's `int()`,
//! `float()` and `date.fromisoformat()`, which are lenient), and Python reprs for messages.

use crate::eval::format::float_repr;
use crate::eval::repr::str_repr;
use crate::qm::{Date, Value};

/// The Python repr of a value, as messages quote it.
pub fn value_repr(v: &Value) -> String {
    match v {
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => float_repr(f.get()),
        Value::Str(s) | Value::Code(_, s) | Value::MultiCode(_, s) => str_repr(s),
        Value::Date(d) => {
            let (y, m, day) = d.ymd();
            format!("datetime.date({y}, {m}, {day})")
        }
        Value::Set(_) => "{...}".into(),
    }
}

/// The repr of raw cell text.
pub fn text_repr(b: &[u8]) -> String {
    str_repr(&String::from_utf8_lossy(b))
}

/// `int(text)`: plain digits take the fast path; otherwise Python's rules (surrounding
/// whitespace, a sign, single underscores between digits).
#[inline]
pub fn parse_int(b: &[u8]) -> Result<i64, String> {
    let (neg, digits) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        Some(b'+') => (false, &b[1..]),
        _ => (false, b),
    };
    if !digits.is_empty() && digits.len() <= 18 {
        let mut v: i64 = 0;
        let mut ok = true;
        for &c in digits {
            let d = c.wrapping_sub(b'0');
            if d > 9 {
                ok = false;
                break;
            }
            v = v * 10 + d as i64;
        }
        if ok {
            return Ok(if neg { -v } else { v });
        }
    }
    parse_int_lenient(b)
}

fn parse_int_lenient(b: &[u8]) -> Result<i64, String> {
    let bad = || format!("invalid literal for int() with base 10: {}", text_repr(b));
    let text = std::str::from_utf8(b).map_err(|_| bad())?.trim();
    let (neg, body) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let clean = strip_underscores(body).ok_or_else(bad)?;
    if clean.is_empty() || !clean.bytes().all(|c| c.is_ascii_digit()) {
        return Err(bad());
    }
    let magnitude: i128 = clean.parse().map_err(|_| out_of_range(b))?;
    let v = if neg { -magnitude } else { magnitude };
    i64::try_from(v).map_err(|_| out_of_range(b))
}

fn out_of_range(b: &[u8]) -> String {
    format!("integer out of the 64-bit range: {}", text_repr(b))
}

/// Removes underscores that each sit between two digits; None if any other is present.
fn strip_underscores(s: &str) -> Option<String> {
    if !s.contains('_') {
        return Some(s.to_string());
    }
    let b = s.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c == b'_' {
            let before = i > 0 && b[i - 1].is_ascii_digit();
            let after = b.get(i + 1).is_some_and(|n| n.is_ascii_digit());
            if !(before && after) {
                return None;
            }
        }
    }
    Some(s.replace('_', ""))
}

/// `float(text)`.
#[inline]
pub fn parse_float(b: &[u8]) -> Result<f64, String> {
    let bad = || format!("could not convert string to float: {}", text_repr(b));
    let text = std::str::from_utf8(b).map_err(|_| bad())?;
    if let Ok(f) = text.parse::<f64>() {
        return Ok(f);
    }
    let clean = strip_underscores(text.trim()).ok_or_else(bad)?;
    clean.parse::<f64>().map_err(|_| bad())
}

/// `T` / `F`.
#[inline]
pub fn parse_bool(b: &[u8]) -> Result<bool, String> {
    match b {
        b"T" => Ok(true),
        b"F" => Ok(false),
        _ => Err("invalid boolean, must be 'T' or 'F'".into()),
    }
}

/// `date.fromisoformat(text)` as days since 1970-01-01: `YYYY-MM-DD` fast, and Python's
/// other forms (`YYYYMMDD`, ISO week dates) with its messages.
#[inline]
pub fn parse_date(b: &[u8]) -> Result<i32, String> {
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        if let (Some(y), Some(m), Some(d)) = (digits(&b[0..4]), digits(&b[5..7]), digits(&b[8..10]))
        {
            if let Some(date) = Date::from_ymd(y as i32, m, d) {
                return Ok(date.0);
            }
            return Err(ymd_error(y, m));
        }
    }
    parse_date_other(b)
}

#[inline]
fn digits(b: &[u8]) -> Option<u32> {
    let mut v = 0u32;
    for &c in b {
        let d = c.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        v = v * 10 + d as u32;
    }
    Some(v)
}

fn ymd_error(y: u32, m: u32) -> String {
    if y == 0 {
        format!("year {y} is out of range")
    } else if !(1..=12).contains(&m) {
        "month must be in 1..12".into()
    } else {
        "day is out of range for month".into()
    }
}

fn parse_date_other(b: &[u8]) -> Result<i32, String> {
    let bad = || format!("Invalid isoformat string: {}", text_repr(b));
    let ymd = |y: u32, m: u32, d: u32| {
        Date::from_ymd(y as i32, m, d)
            .map(|d| d.0)
            .ok_or_else(|| ymd_error(y, m))
    };
    // YYYYMMDD
    if b.len() == 8 {
        if let (Some(y), Some(m), Some(d)) = (digits(&b[0..4]), digits(&b[4..6]), digits(&b[6..8]))
        {
            return ymd(y, m, d);
        }
    }
    // Week dates: YYYY-Www, YYYY-Www-D, YYYYWww, YYYYWwwD.
    let year = b.get(0..4).and_then(digits).ok_or_else(bad)?;
    let rest = &b[4..];
    let (week, day) = match rest {
        [b'-', b'W', w1, w2] | [b'W', w1, w2] => (digits(&[*w1, *w2]), Some(1)),
        [b'-', b'W', w1, w2, b'-', d] | [b'W', w1, w2, d] => (digits(&[*w1, *w2]), digits(&[*d])),
        _ => return Err(bad()),
    };
    let (week, day) = (week.ok_or_else(bad)?, day.ok_or_else(bad)?);
    if year == 0 {
        return Err(bad());
    }
    iso_week_date(year as i32, week, day).ok_or_else(bad)
}

/// The date of ISO week `week`, weekday `day` (1 = Monday) of `year`.
fn iso_week_date(year: i32, week: u32, day: u32) -> Option<i32> {
    if !(1..=7).contains(&day) || !(1..=53).contains(&week) {
        return None;
    }
    let jan4 = Date::from_ymd(year, 1, 4)?.0;
    // 1970-01-01 was a Thursday: weekday index 0 = Monday.
    let weekday = (jan4 + 3).rem_euclid(7);
    let week1_monday = jan4 - weekday;
    if week == 53 {
        let jan1 = jan4 - 3;
        let jan1_weekday = (jan1 + 3).rem_euclid(7);
        let leap = crate::qm::is_leap_year(year);
        if !(jan1_weekday == 3 || (jan1_weekday == 2 && leap)) {
            return None;
        }
    }
    let days = week1_monday + (week as i32 - 1) * 7 + (day as i32 - 1);
    Date(days).in_range().then_some(days)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Result<String, String> {
        parse_date(s.as_bytes()).map(|d| {
            let (y, m, d) = Date(d).ymd();
            format!("{y:04}-{m:02}-{d:02}")
        })
    }

    #[test]
    fn ints_like_python() {
        assert_eq!(parse_int(b"-12"), Ok(-12));
        assert_eq!(parse_int(b" 1_000 "), Ok(1000));
        assert_eq!(parse_int(b"9223372036854775807"), Ok(i64::MAX));
        assert_eq!(
            parse_int(b"1__0"),
            Err("invalid literal for int() with base 10: '1__0'".into())
        );
        assert!(parse_int(b"1e3").is_err());
    }

    #[test]
    fn floats_like_python() {
        assert_eq!(parse_float(b"1_0.5"), Ok(10.5));
        assert_eq!(parse_float(b" 1e5\t"), Ok(100000.0));
        assert_eq!(parse_float(b"-iNF"), Ok(f64::NEG_INFINITY));
        assert_eq!(
            parse_float(b"abc"),
            Err("could not convert string to float: 'abc'".into())
        );
        assert!(parse_float(b"1_e5").is_err());
    }

    #[test]
    fn dates_like_python() {
        assert_eq!(date("2020-02-29"), Ok("2020-02-29".into()));
        assert_eq!(date("20200102"), Ok("2020-01-02".into()));
        assert_eq!(date("2020W01"), Ok("2019-12-30".into()));
        assert_eq!(date("2020-W01-1"), Ok("2019-12-30".into()));
        assert_eq!(date("2020-W53-1"), Ok("2020-12-28".into()));
        assert_eq!(
            date("2020-02-30"),
            Err("day is out of range for month".into())
        );
        assert_eq!(date("2020-13-01"), Err("month must be in 1..12".into()));
        assert_eq!(date("0000-01-01"), Err("year 0 is out of range".into()));
        assert_eq!(
            date("2021-W53-1"),
            Err("Invalid isoformat string: '2021-W53-1'".into())
        );
        assert_eq!(
            date("2020-1-1"),
            Err("Invalid isoformat string: '2020-1-1'".into())
        );
    }
}
