//! `datetime`: `date`, `datetime` and `timedelta` as native values (hashable, comparable,
//! with Python's arithmetic, reprs and errors). ehrQL reads dates through [`as_date`].
//!
//! `date.today()` / `datetime.now()` are deterministic: they return `Config::today` and raise
//! a clear error when it is not set, since a definition's output must not depend on the day.

use std::any::Any;
use std::rc::Rc;

use super::calendar::{
    check_date, ord_to_ymd, strftime, strptime, weekday, ymd_to_ord, Parts, DAY_US,
};
use super::set;
use crate::eval::builtins::int_arg;
use crate::eval::error::{
    exception, overflow_error, type_error, value_error, zero_division, PyResult,
};
use crate::eval::interp::Interpreter;
use crate::eval::value::{Args, Namespace, NativeObject, Value};
use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};

/// The kind of a datetime value; all three share one struct.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Date,
    DateTime,
    TimeDelta,
}

/// A date (`us` is a whole number of days), a datetime, or a timedelta, in microseconds
/// (since 0001-01-01 minus one day for dates and datetimes).
pub struct Moment {
    pub kind: Kind,
    pub us: i64,
}

/// A constructor/class object: `date`, `datetime`, `timedelta`.
struct TypeObject(Kind);

pub fn init(_: &mut Interpreter, ns: &Namespace) -> PyResult<()> {
    set(ns, "date", Value::Native(Rc::new(TypeObject(Kind::Date))));
    set(
        ns,
        "datetime",
        Value::Native(Rc::new(TypeObject(Kind::DateTime))),
    );
    set(
        ns,
        "timedelta",
        Value::Native(Rc::new(TypeObject(Kind::TimeDelta))),
    );
    set(ns, "MINYEAR", Value::Int(1));
    set(ns, "MAXYEAR", Value::Int(9999));
    Ok(())
}

fn moment(kind: Kind, us: i64) -> Value {
    Value::Native(Rc::new(Moment { kind, us }))
}

/// A `date` value.
pub fn make_date(y: i64, m: i64, d: i64) -> PyResult<Value> {
    check_date(y, m, d).map_err(value_error)?;
    Ok(moment(Kind::Date, ymd_to_ord(y, m, d) * DAY_US))
}

/// The (year, month, day) of a `date` or `datetime` value.
pub fn as_date(v: &Value) -> Option<(i64, i64, i64)> {
    let m = as_moment(v)?;
    if m.kind == Kind::TimeDelta {
        return None;
    }
    Some(ord_to_ymd(m.us.div_euclid(DAY_US)))
}

/// Which datetime class a value is, if it is `date`, `datetime` or `timedelta` itself
/// (e.g. `Series(date)` in a table schema).
pub fn type_kind(v: &Value) -> Option<Kind> {
    match v {
        Value::Native(n) => n.as_any().downcast_ref::<TypeObject>().map(|t| t.0),
        _ => None,
    }
}

/// A `timedelta`'s whole days (rounded down), if `v` is one.
pub fn as_timedelta_days(v: &Value) -> Option<i64> {
    as_moment(v)
        .filter(|m| m.kind == Kind::TimeDelta)
        .map(|m| m.us.div_euclid(DAY_US))
}

fn as_moment(v: &Value) -> Option<&Moment> {
    match v {
        Value::Native(n) => n.as_any().downcast_ref::<Moment>(),
        _ => None,
    }
}

fn kw_or_pos(args: &mut Args, i: usize, name: &str) -> Option<Value> {
    args.take_kw(name).or_else(|| args.pos.get(i).cloned())
}

fn construct(it: &mut Interpreter, kind: Kind, mut args: Args) -> PyResult<Value> {
    match kind {
        Kind::Date | Kind::DateTime => {
            let names = [
                "year",
                "month",
                "day",
                "hour",
                "minute",
                "second",
                "microsecond",
            ];
            let max = if kind == Kind::Date { 3 } else { 7 };
            if args.pos.len() > max {
                return Err(type_error(format!(
                    "function takes at most {max} arguments ({} given)",
                    args.pos.len()
                )));
            }
            let mut f = [0i64; 7];
            for (i, name) in names.iter().enumerate().take(max) {
                match kw_or_pos(&mut args, i, name) {
                    Some(v) => f[i] = int_arg(&v)?,
                    None if i < 3 => {
                        return Err(type_error(format!(
                            "function missing required argument '{name}' (pos {})",
                            i + 1
                        )))
                    }
                    None => {}
                }
            }
            if let Some((k, _)) = args.kw.first() {
                return Err(type_error(format!(
                    "'{k}' is an invalid keyword argument for this function"
                )));
            }
            check_date(f[0], f[1], f[2]).map_err(value_error)?;
            let checks = [
                (f[3], 23, "hour must be in 0..23"),
                (f[4], 59, "minute must be in 0..59"),
                (f[5], 59, "second must be in 0..59"),
                (f[6], 999_999, "microsecond must be in 0..999999"),
            ];
            for (v, hi, msg) in checks {
                if !(0..=hi).contains(&v) {
                    return Err(value_error(msg));
                }
            }
            let us = ymd_to_ord(f[0], f[1], f[2]) * DAY_US
                + ((f[3] * 60 + f[4]) * 60 + f[5]) * 1_000_000
                + f[6];
            Ok(moment(kind, us))
        }
        Kind::TimeDelta => {
            let names = [
                "days",
                "seconds",
                "microseconds",
                "milliseconds",
                "minutes",
                "hours",
                "weeks",
            ];
            let scale = [
                DAY_US as f64,
                1e6,
                1.0,
                1e3,
                60e6,
                3600e6,
                7.0 * DAY_US as f64,
            ];
            let mut total_int: i128 = 0;
            let mut total_float = 0.0f64;
            for (i, name) in names.iter().enumerate() {
                match kw_or_pos(&mut args, i, name) {
                    Some(Value::Float(x)) => total_float += x * scale[i],
                    Some(v) => {
                        total_int += int_arg(&v).map_err(|_| {
                            type_error(format!(
                                "unsupported type for timedelta {name} component: {}",
                                v.type_name()
                            ))
                        })? as i128
                            * scale[i] as i128
                    }
                    None => {}
                }
            }
            if let Some((k, _)) = args.kw.first() {
                return Err(type_error(format!(
                    "'{k}' is an invalid keyword argument for __new__()"
                )));
            }
            let us = total_int + total_float.round_ties_even() as i128;
            let us = i64::try_from(us)
                .map_err(|_| overflow_error("days=1000000000; must have magnitude <= 999999999"))?;
            let _ = it;
            Ok(moment(Kind::TimeDelta, us))
        }
    }
}

fn today(it: &mut Interpreter, kind: Kind) -> PyResult<Value> {
    match it.config.today {
        Some((y, m, d)) => Ok(moment(kind, ymd_to_ord(y, m, d) * DAY_US)),
        None => Err(exception(
            "RuntimeError",
            "date.today() and datetime.now() are not available: a definition must give the same result every day; use a fixed date",
        )),
    }
}

fn from_iso(kind: Kind, s: &str) -> PyResult<Value> {
    let bad = || {
        value_error(format!(
            "Invalid isoformat string: {}",
            crate::eval::repr::str_repr(s)
        ))
    };
    let digits = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
    let (date_part, time_part) = if s.len() > 10 && kind == Kind::DateTime {
        (&s[..10], Some(&s[11..]))
    } else {
        (s, None)
    };
    let (y, m, d) = if date_part.len() == 10
        && date_part.as_bytes()[4] == b'-'
        && date_part.as_bytes()[7] == b'-'
    {
        (&date_part[0..4], &date_part[5..7], &date_part[8..10])
    } else if date_part.len() == 8 && digits(date_part) {
        (&date_part[0..4], &date_part[4..6], &date_part[6..8])
    } else {
        return Err(bad());
    };
    if !(digits(y) && digits(m) && digits(d)) {
        return Err(bad());
    }
    let (y, m, d): (i64, i64, i64) = (
        y.parse().map_err(|_| bad())?,
        m.parse().map_err(|_| bad())?,
        d.parse().map_err(|_| bad())?,
    );
    check_date(y, m, d).map_err(value_error)?;
    let mut us = ymd_to_ord(y, m, d) * DAY_US;
    if let Some(t) = time_part {
        if !matches!(s.as_bytes()[10], b'T' | b' ') {
            return Err(bad());
        }
        let (hms, frac) = match t.split_once('.') {
            Some((a, b)) => (a, Some(b)),
            None => (t, None),
        };
        let fields: Vec<&str> = hms.split(':').collect();
        if fields.is_empty()
            || fields.len() > 3
            || !fields.iter().all(|f| f.len() == 2 && digits(f))
        {
            return Err(bad());
        }
        let nums: Vec<i64> = fields.iter().map(|f| f.parse().unwrap_or(0)).collect();
        let (h, mi, se) = (
            nums[0],
            *nums.get(1).unwrap_or(&0),
            *nums.get(2).unwrap_or(&0),
        );
        if h > 23 || mi > 59 || se > 59 {
            return Err(bad());
        }
        us += ((h * 60 + mi) * 60 + se) * 1_000_000;
        if let Some(f) = frac {
            if !digits(f) || f.len() > 6 {
                return Err(bad());
            }
            us += f.parse::<i64>().map_err(|_| bad())? * 10i64.pow(6 - f.len() as u32);
        }
    }
    Ok(moment(kind, us))
}

impl NativeObject for TypeObject {
    fn type_name(&self) -> &str {
        "type"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn call(&self, _this: &Value, args: Args, it: &mut Interpreter) -> Option<PyResult<Value>> {
        Some(construct(it, self.0, args))
    }
    fn get_attr(
        &self,
        _this: &Value,
        name: &str,
        _it: &mut Interpreter,
    ) -> Option<PyResult<Value>> {
        let kind = self.0;
        let v = match (kind, name) {
            (_, "__name__") => Value::str(match kind {
                Kind::Date => "date",
                Kind::DateTime => "datetime",
                Kind::TimeDelta => "timedelta",
            }),
            (Kind::Date, "min") => moment(kind, DAY_US),
            (Kind::Date, "max") => moment(kind, ymd_to_ord(9999, 12, 31) * DAY_US),
            (Kind::DateTime, "min") => moment(kind, DAY_US),
            (Kind::DateTime, "max") => moment(kind, ymd_to_ord(9999, 12, 31) * DAY_US + DAY_US - 1),
            // Microseconds in an i64 span about 106,000 days each way (Python allows 999,999,999).
            (Kind::TimeDelta, "min") => moment(kind, -(i64::MAX / DAY_US) * DAY_US),
            (Kind::TimeDelta, "max") => moment(kind, (i64::MAX / DAY_US) * DAY_US - 1),
            (Kind::TimeDelta, "resolution") => moment(kind, 1),
            (Kind::Date, "today") => Value::builtin("today", |it, _| today(it, Kind::Date)),
            (Kind::DateTime, "today" | "now") => {
                Value::builtin("now", |it, _| today(it, Kind::DateTime))
            }
            (Kind::Date, "fromisoformat") => Value::builtin("fromisoformat", |_, a| {
                iso_arg(&a).and_then(|s| from_iso(Kind::Date, &s))
            }),
            (Kind::DateTime, "fromisoformat") => Value::builtin("fromisoformat", |_, a| {
                iso_arg(&a).and_then(|s| from_iso(Kind::DateTime, &s))
            }),
            (Kind::Date, "fromordinal") => Value::builtin("fromordinal", |_, a| {
                let n = int_arg(a.pos.first().unwrap_or(&Value::None))?;
                Ok(moment(Kind::Date, n * DAY_US))
            }),
            (Kind::DateTime, "strptime") => Value::builtin("strptime", |_, a| {
                crate::eval::builtins::arity("strptime", &a, 2, 2)?;
                let s = crate::eval::builtins::str_arg(&a.pos[0], "strptime() argument 1")?;
                let f = crate::eval::builtins::str_arg(&a.pos[1], "strptime() argument 2")?;
                let p = strptime(s, f).map_err(value_error)?;
                Ok(moment(
                    Kind::DateTime,
                    p.ord() * DAY_US
                        + ((p.hour * 60 + p.minute) * 60 + p.second) * 1_000_000
                        + p.micro,
                ))
            }),
            (Kind::DateTime, "combine") => Value::builtin("combine", |_, a| {
                let d = a
                    .pos
                    .first()
                    .and_then(as_moment)
                    .ok_or_else(|| type_error("combine() argument 1 must be datetime.date"))?;
                Ok(moment(Kind::DateTime, d.us.div_euclid(DAY_US) * DAY_US))
            }),
            _ => return None,
        };
        Some(Ok(v))
    }
    fn repr(&self, _it: &mut Interpreter) -> PyResult<String> {
        Ok(format!(
            "<class 'datetime.{}'>",
            match self.0 {
                Kind::Date => "date",
                Kind::DateTime => "datetime",
                Kind::TimeDelta => "timedelta",
            }
        ))
    }
    fn is_instance(&self, value: &Value) -> Option<bool> {
        Some(as_moment(value).is_some_and(|m| {
            m.kind == self.0 || (self.0 == Kind::Date && m.kind == Kind::DateTime)
        }))
    }
}

fn iso_arg(a: &Args) -> PyResult<String> {
    match a.pos.first() {
        Some(Value::Str(s)) => Ok(s.to_string()),
        Some(v) => Err(type_error(format!(
            "fromisoformat: argument must be str, not {}",
            v.type_name()
        ))),
        None => Err(type_error(
            "fromisoformat() takes exactly one argument (0 given)",
        )),
    }
}

fn timedelta_str(us: i64) -> String {
    let days = us.div_euclid(DAY_US);
    let rest = us.rem_euclid(DAY_US);
    let (s, micro) = (rest / 1_000_000, rest % 1_000_000);
    let mut out = String::new();
    if days != 0 {
        out.push_str(&format!(
            "{days} day{}, ",
            if days.abs() == 1 { "" } else { "s" }
        ));
    }
    out.push_str(&format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60));
    if micro != 0 {
        out.push_str(&format!(".{micro:06}"));
    }
    out
}

impl Moment {
    fn parts(&self) -> Parts {
        Parts::from_us(self.us)
    }

    fn same<'a>(&self, other: &'a Value) -> Option<&'a Moment> {
        as_moment(other).filter(|o| o.kind == self.kind)
    }
}

impl NativeObject for Moment {
    fn type_name(&self) -> &str {
        match self.kind {
            Kind::Date => "datetime.date",
            Kind::DateTime => "datetime.datetime",
            Kind::TimeDelta => "datetime.timedelta",
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn get_attr(
        &self,
        _this: &Value,
        name: &str,
        _it: &mut Interpreter,
    ) -> Option<PyResult<Value>> {
        if self.kind == Kind::TimeDelta {
            let v = match name {
                "days" => self.us.div_euclid(DAY_US),
                "seconds" => self.us.rem_euclid(DAY_US) / 1_000_000,
                "microseconds" => self.us.rem_euclid(1_000_000),
                _ => return None,
            };
            return Some(Ok(Value::Int(v)));
        }
        let p = self.parts();
        let v = match name {
            "year" => p.year,
            "month" => p.month,
            "day" => p.day,
            "hour" if self.kind == Kind::DateTime => p.hour,
            "minute" if self.kind == Kind::DateTime => p.minute,
            "second" if self.kind == Kind::DateTime => p.second,
            "microsecond" if self.kind == Kind::DateTime => p.micro,
            _ => return None,
        };
        Some(Ok(Value::Int(v)))
    }
    fn has_method(&self, name: &str) -> bool {
        match self.kind {
            Kind::TimeDelta => name == "total_seconds",
            _ => matches!(
                name,
                "isoformat"
                    | "strftime"
                    | "replace"
                    | "weekday"
                    | "isoweekday"
                    | "toordinal"
                    | "date"
                    | "isocalendar"
                    | "__format__"
                    | "ctime"
            ),
        }
    }
    fn call_method(
        &self,
        _this: &Value,
        name: &str,
        mut args: Args,
        it: &mut Interpreter,
    ) -> PyResult<Value> {
        let p = self.parts();
        match name {
            "total_seconds" => Ok(Value::Float(self.us as f64 / 1e6)),
            "isoformat" => {
                let sep = match args.pos.first().cloned().or_else(|| args.take_kw("sep")) {
                    Some(v) => it.to_str(&v)?,
                    None => "T".into(),
                };
                Ok(Value::str(&iso(self.kind, &p, &sep)))
            }
            "strftime" | "__format__" => {
                let fmt = match args.pos.first() {
                    Some(Value::Str(s)) => s.to_string(),
                    _ => return Err(type_error("strftime() argument 1 must be str")),
                };
                Ok(Value::str(&strftime(&p, &fmt)))
            }
            "replace" => {
                let names = [
                    "year",
                    "month",
                    "day",
                    "hour",
                    "minute",
                    "second",
                    "microsecond",
                ];
                let mut f = [p.year, p.month, p.day, p.hour, p.minute, p.second, p.micro];
                let max = if self.kind == Kind::Date { 3 } else { 7 };
                for (i, n) in names.iter().enumerate().take(max) {
                    if let Some(v) = kw_or_pos(&mut args, i, n) {
                        f[i] = int_arg(&v)?;
                    }
                }
                if let Some((k, _)) = args.kw.first() {
                    return Err(type_error(format!(
                        "'{k}' is an invalid keyword argument for replace()"
                    )));
                }
                check_date(f[0], f[1], f[2]).map_err(value_error)?;
                Ok(moment(
                    self.kind,
                    ymd_to_ord(f[0], f[1], f[2]) * DAY_US
                        + ((f[3] * 60 + f[4]) * 60 + f[5]) * 1_000_000
                        + f[6],
                ))
            }
            "weekday" => Ok(Value::Int(weekday(p.ord()))),
            "isoweekday" => Ok(Value::Int(weekday(p.ord()) + 1)),
            "toordinal" => Ok(Value::Int(p.ord())),
            "date" => Ok(moment(Kind::Date, p.ord() * DAY_US)),
            "ctime" => Ok(Value::str(&strftime(&p, "%a %b %e %H:%M:%S %Y"))),
            "isocalendar" => {
                let ord = p.ord();
                let wd = weekday(ord);
                let thursday = ord - wd + 3;
                let (iso_year, _, _) = ord_to_ymd(thursday);
                let week = (thursday - ymd_to_ord(iso_year, 1, 1)) / 7 + 1;
                Ok(Value::tuple(vec![
                    Value::Int(iso_year),
                    Value::Int(week),
                    Value::Int(wd + 1),
                ]))
            }
            _ => Err(crate::eval::error::attribute_error(format!(
                "'{}' object has no attribute '{name}'",
                self.type_name()
            ))),
        }
    }
    fn binary_op(
        &self,
        _this: &Value,
        op: BinOp,
        other: &Value,
        reflected: bool,
        _it: &mut Interpreter,
    ) -> Option<PyResult<Value>> {
        let o = as_moment(other);
        let r = match (self.kind, op, o.map(|o| o.kind), reflected) {
            (Kind::Date, BinOp::Add, Some(Kind::TimeDelta), _) => Ok(moment(
                Kind::Date,
                (self.us + o?.us.div_euclid(DAY_US) * DAY_US).div_euclid(DAY_US) * DAY_US,
            )),
            (Kind::DateTime, BinOp::Add, Some(Kind::TimeDelta), _) => {
                Ok(moment(Kind::DateTime, self.us + o?.us))
            }
            (Kind::Date, BinOp::Sub, Some(Kind::TimeDelta), false) => Ok(moment(
                Kind::Date,
                self.us - o?.us.div_euclid(DAY_US) * DAY_US,
            )),
            (Kind::DateTime, BinOp::Sub, Some(Kind::TimeDelta), false) => {
                Ok(moment(Kind::DateTime, self.us - o?.us))
            }
            (Kind::Date | Kind::DateTime, BinOp::Sub, Some(k), _) if k == self.kind => {
                let d = if reflected {
                    o?.us - self.us
                } else {
                    self.us - o?.us
                };
                Ok(moment(Kind::TimeDelta, d))
            }
            (Kind::TimeDelta, BinOp::Add, Some(Kind::TimeDelta), _) => {
                Ok(moment(Kind::TimeDelta, self.us + o?.us))
            }
            (Kind::TimeDelta, BinOp::Sub, Some(Kind::TimeDelta), _) => Ok(moment(
                Kind::TimeDelta,
                if reflected {
                    o?.us - self.us
                } else {
                    self.us - o?.us
                },
            )),
            (Kind::TimeDelta, BinOp::Mult, None, _) => match other {
                Value::Int(_) | Value::Bool(_) => self
                    .us
                    .checked_mul(int_arg(other).ok()?)
                    .map(|us| moment(Kind::TimeDelta, us))
                    .ok_or_else(crate::eval::error::int_overflow),
                Value::Float(f) => Ok(moment(
                    Kind::TimeDelta,
                    (self.us as f64 * f).round_ties_even() as i64,
                )),
                _ => return None,
            },
            (Kind::TimeDelta, BinOp::Div, Some(Kind::TimeDelta), false) => {
                if o?.us == 0 {
                    Err(zero_division("division by zero"))
                } else {
                    Ok(Value::Float(self.us as f64 / o?.us as f64))
                }
            }
            (Kind::TimeDelta, BinOp::FloorDiv, Some(Kind::TimeDelta), false) => {
                if o?.us == 0 {
                    Err(zero_division("integer division or modulo by zero"))
                } else {
                    Ok(Value::Int(self.us.div_euclid(o?.us)))
                }
            }
            (Kind::TimeDelta, BinOp::Mod, Some(Kind::TimeDelta), false) => {
                if o?.us == 0 {
                    Err(zero_division("integer modulo by zero"))
                } else {
                    Ok(moment(Kind::TimeDelta, self.us.rem_euclid(o?.us)))
                }
            }
            (Kind::TimeDelta, BinOp::Div | BinOp::FloorDiv, None, false) => match other {
                Value::Int(0) => Err(zero_division(if op == BinOp::Div {
                    "division by zero"
                } else {
                    "integer division or modulo by zero"
                })),
                Value::Int(n) if op == BinOp::FloorDiv => {
                    Ok(moment(Kind::TimeDelta, self.us.div_euclid(*n)))
                }
                Value::Int(n) => Ok(moment(
                    Kind::TimeDelta,
                    (self.us as f64 / *n as f64).round_ties_even() as i64,
                )),
                Value::Float(f) if op == BinOp::Div => {
                    if *f == 0.0 {
                        Err(zero_division("division by zero"))
                    } else {
                        Ok(moment(
                            Kind::TimeDelta,
                            (self.us as f64 / f).round_ties_even() as i64,
                        ))
                    }
                }
                _ => return None,
            },
            _ => return None,
        };
        Some(r)
    }
    fn unary_op(
        &self,
        _this: &Value,
        op: UnaryOp,
        _it: &mut Interpreter,
    ) -> Option<PyResult<Value>> {
        if self.kind != Kind::TimeDelta {
            return None;
        }
        match op {
            UnaryOp::USub => Some(Ok(moment(Kind::TimeDelta, -self.us))),
            UnaryOp::UAdd => Some(Ok(moment(Kind::TimeDelta, self.us))),
            _ => None,
        }
    }
    fn compare(
        &self,
        _this: &Value,
        op: CmpOp,
        other: &Value,
        _it: &mut Interpreter,
    ) -> Option<PyResult<Value>> {
        let Some(o) = self.same(other) else {
            // Unknown operands get the reflected comparison (ehrQL series compare with dates).
            if matches!(other, Value::Native(n) if n.as_any().downcast_ref::<Moment>().is_none()) {
                return None;
            }
            return match op {
                CmpOp::Eq => Some(Ok(Value::Bool(false))),
                CmpOp::NotEq => Some(Ok(Value::Bool(true))),
                _ => None,
            };
        };
        let (a, b) = (self.us, o.us);
        let r = match op {
            CmpOp::Eq => a == b,
            CmpOp::NotEq => a != b,
            CmpOp::Lt => a < b,
            CmpOp::LtE => a <= b,
            CmpOp::Gt => a > b,
            CmpOp::GtE => a >= b,
            _ => return None,
        };
        Some(Ok(Value::Bool(r)))
    }
    fn truthy(&self, _it: &mut Interpreter) -> PyResult<bool> {
        Ok(self.kind != Kind::TimeDelta || self.us != 0)
    }
    fn repr(&self, _it: &mut Interpreter) -> PyResult<String> {
        let p = self.parts();
        Ok(match self.kind {
            Kind::Date => format!("datetime.date({}, {}, {})", p.year, p.month, p.day),
            Kind::DateTime => {
                let mut fields = vec![p.year, p.month, p.day, p.hour, p.minute];
                if p.second != 0 || p.micro != 0 {
                    fields.push(p.second);
                }
                if p.micro != 0 {
                    fields.push(p.micro);
                }
                format!(
                    "datetime.datetime({})",
                    fields
                        .iter()
                        .map(|f| f.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
            Kind::TimeDelta => {
                let (d, s, u) = (
                    self.us.div_euclid(DAY_US),
                    self.us.rem_euclid(DAY_US) / 1_000_000,
                    self.us.rem_euclid(1_000_000),
                );
                let mut parts = Vec::new();
                for (n, v) in [("days", d), ("seconds", s), ("microseconds", u)] {
                    if v != 0 {
                        parts.push(format!("{n}={v}"));
                    }
                }
                if parts.is_empty() {
                    "datetime.timedelta(0)".into()
                } else {
                    format!("datetime.timedelta({})", parts.join(", "))
                }
            }
        })
    }
    fn str(&self, _it: &mut Interpreter) -> PyResult<String> {
        let p = self.parts();
        Ok(match self.kind {
            Kind::TimeDelta => timedelta_str(self.us),
            k => iso(k, &p, if k == Kind::DateTime { " " } else { "T" }),
        })
    }
    fn format(&self, spec: &str) -> Option<PyResult<String>> {
        if self.kind == Kind::TimeDelta {
            return None;
        }
        Some(Ok(strftime(&self.parts(), spec)))
    }
    fn hash_key(&self) -> Option<u64> {
        Some(self.us as u64 ^ (self.kind as u64) << 62)
    }
    fn eq_key(&self, other: &Value) -> Option<bool> {
        Some(self.same(other).is_some_and(|o| o.us == self.us))
    }
    fn attribute_names(&self) -> Vec<String> {
        let names: &[&str] = match self.kind {
            Kind::TimeDelta => &["days", "seconds", "microseconds", "total_seconds"],
            _ => &[
                "year",
                "month",
                "day",
                "hour",
                "minute",
                "second",
                "microsecond",
                "isoformat",
                "strftime",
                "replace",
                "weekday",
                "isoweekday",
                "date",
            ],
        };
        names.iter().map(|s| s.to_string()).collect()
    }
}

fn iso(kind: Kind, p: &Parts, sep: &str) -> String {
    let date = format!("{:04}-{:02}-{:02}", p.year, p.month, p.day);
    if kind == Kind::Date {
        return date;
    }
    let mut s = format!("{date}{sep}{:02}:{:02}:{:02}", p.hour, p.minute, p.second);
    if p.micro != 0 {
        s.push_str(&format!(".{:06}", p.micro));
    }
    s
}
