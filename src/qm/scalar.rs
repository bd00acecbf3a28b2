//! The value-level semantics of every function, on one row: NULL-strict, Kleene or special,
//! as the reference's in-memory engine. Used by population validation, and usable for
//! constant folding and by engines that evaluate row by row.

use std::cmp::Ordering;

use super::nodes::{BinaryFn, NaryFn, UnaryFn};
use super::types::{days_in_month, Date, Value};

/// A scalar that may be NULL.
pub type Scalar = Option<Value>;

/// A runtime error (the reference raises rather than returning NULL): date or integer
/// overflow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScalarError(pub String);

type R = Result<Scalar, ScalarError>;

fn err<T>(msg: impl Into<String>) -> Result<T, ScalarError> {
    Err(ScalarError(msg.into()))
}

fn bool_of(v: &Scalar) -> Option<bool> {
    match v {
        Some(Value::Bool(b)) => Some(*b),
        _ => None,
    }
}

/// Orders two non-NULL values of one type (codes by their text, strings by code point).
pub fn compare(a: &Value, b: &Value) -> Option<Ordering> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x.cmp(y)),
        (Value::Float(x), Value::Float(y)) => x.get().partial_cmp(&y.get()),
        (Value::Str(x), Value::Str(y)) => Some(x.cmp(y)),
        (Value::Date(x), Value::Date(y)) => Some(x.cmp(y)),
        (Value::Code(_, x), Value::Code(_, y))
        | (Value::MultiCode(_, x), Value::MultiCode(_, y)) => Some(x.cmp(y)),
        (Value::Str(x), Value::MultiCode(_, y)) | (Value::MultiCode(_, x), Value::Str(y)) => {
            Some(x.cmp(y))
        }
        _ => None,
    }
}

fn text(v: &Value) -> Option<&str> {
    match v {
        Value::Str(s) | Value::MultiCode(_, s) | Value::Code(_, s) => Some(s),
        _ => None,
    }
}

pub fn unary(op: UnaryFn, v: &Scalar) -> R {
    use UnaryFn::*;
    match op {
        IsNull => return Ok(Some(Value::Bool(v.is_none()))),
        Not => return Ok(bool_of(v).map(|b| Value::Bool(!b))),
        _ => {}
    }
    let Some(v) = v else { return Ok(None) };
    Ok(Some(match (op, v) {
        (Negate, Value::Int(i)) => Value::Int(
            i.checked_neg()
                .ok_or(ScalarError("integer overflow".into()))?,
        ),
        (Negate, Value::Float(x)) => Value::float(-x.get()),
        (Absolute, Value::Int(i)) => Value::Int(
            i.checked_abs()
                .ok_or(ScalarError("integer overflow".into()))?,
        ),
        (Absolute, Value::Float(x)) => Value::float(x.get().abs()),
        (CastToInt, Value::Bool(b)) => Value::Int(i64::from(*b)),
        (CastToInt, Value::Int(i)) => Value::Int(*i),
        (CastToInt, Value::Float(x)) => Value::Int(float_to_int(x.get().trunc())?),
        (CastToFloat, Value::Int(i)) => Value::float(*i as f64),
        (CastToFloat, Value::Float(x)) => Value::Float(*x),
        (YearFromDate, Value::Date(d)) => Value::Int(i64::from(d.ymd().0)),
        (MonthFromDate, Value::Date(d)) => Value::Int(i64::from(d.ymd().1)),
        (DayFromDate, Value::Date(d)) => Value::Int(i64::from(d.ymd().2)),
        (ToFirstOfYear, Value::Date(d)) => {
            Value::Date(Date::from_ymd(d.ymd().0, 1, 1).expect("valid"))
        }
        (ToFirstOfMonth, Value::Date(d)) => {
            let (y, m, _) = d.ymd();
            Value::Date(Date::from_ymd(y, m, 1).expect("valid"))
        }
        _ => return err(format!("{} does not apply to {v}", op.name())),
    }))
}

fn float_to_int(x: f64) -> Result<i64, ScalarError> {
    if x.is_finite() && x >= i64::MIN as f64 && x < i64::MAX as f64 {
        Ok(x as i64)
    } else {
        err(format!("cannot convert {x} to int"))
    }
}

pub fn binary(op: BinaryFn, l: &Scalar, r: &Scalar) -> R {
    use BinaryFn::*;
    match op {
        And => {
            return Ok(match (bool_of(l), bool_of(r)) {
                (Some(false), _) | (_, Some(false)) => Some(Value::Bool(false)),
                (Some(true), Some(true)) => Some(Value::Bool(true)),
                _ => None,
            })
        }
        Or => {
            return Ok(match (bool_of(l), bool_of(r)) {
                (Some(true), _) | (_, Some(true)) => Some(Value::Bool(true)),
                (Some(false), Some(false)) => Some(Value::Bool(false)),
                _ => None,
            })
        }
        In => {
            // An empty set gives False even for a NULL value.
            return Ok(match (l, r) {
                (_, Some(Value::Set(s))) if s.is_empty() => Some(Value::Bool(false)),
                (None, _) | (_, None) => None,
                (Some(v), Some(Value::Set(s))) => Some(Value::Bool(s.contains(v))),
                (Some(_), Some(other)) => return err(format!("In needs a set, got {other}")),
            });
        }
        _ => {}
    }
    let (Some(a), Some(b)) = (l, r) else {
        return Ok(None);
    };
    let cmp = || compare(a, b);
    let overflow = || ScalarError("integer overflow".into());
    Ok(Some(match (op, a, b) {
        (EQ, ..) => Value::Bool(a == b || cmp() == Some(Ordering::Equal)),
        (NE, ..) => Value::Bool(!(a == b || cmp() == Some(Ordering::Equal))),
        (LT, ..) => return Ok(cmp().map(|o| Value::Bool(o == Ordering::Less))),
        (LE, ..) => return Ok(cmp().map(|o| Value::Bool(o != Ordering::Greater))),
        (GT, ..) => return Ok(cmp().map(|o| Value::Bool(o == Ordering::Greater))),
        (GE, ..) => return Ok(cmp().map(|o| Value::Bool(o != Ordering::Less))),
        (Add, Value::Int(x), Value::Int(y)) => Value::Int(x.checked_add(*y).ok_or_else(overflow)?),
        (Subtract, Value::Int(x), Value::Int(y)) => {
            Value::Int(x.checked_sub(*y).ok_or_else(overflow)?)
        }
        (Multiply, Value::Int(x), Value::Int(y)) => {
            Value::Int(x.checked_mul(*y).ok_or_else(overflow)?)
        }
        (Add | Subtract | Multiply | TrueDivide | FloorDivide | Power, _, _) => {
            let (x, y) = (as_f64(a)?, as_f64(b)?);
            match op {
                Add => Value::float(x + y),
                Subtract => Value::float(x - y),
                Multiply => Value::float(x * y),
                TrueDivide if y == 0.0 => return Ok(None),
                TrueDivide => Value::float(x / y),
                FloorDivide if y == 0.0 => return Ok(None),
                FloorDivide => Value::Int(float_to_int((x / y).floor())?),
                _ => return Ok(power(x, y).map(Value::float)),
            }
        }
        (DateAddDays, Value::Date(d), Value::Int(n)) => Value::Date(add_days(*d, *n)?),
        (DateAddMonths, Value::Date(d), Value::Int(n)) => Value::Date(add_months(*d, *n)?),
        (DateAddYears, Value::Date(d), Value::Int(n)) => Value::Date(add_years(*d, *n)?),
        (DateDifferenceInDays, Value::Date(x), Value::Date(y)) => Value::Int(i64::from(x.0 - y.0)),
        (DateDifferenceInMonths, Value::Date(x), Value::Date(y)) => {
            Value::Int(months_between(*y, *x))
        }
        (DateDifferenceInYears, Value::Date(x), Value::Date(y)) => {
            Value::Int(years_between(*y, *x))
        }
        (StringContains, _, _) => match (text(a), text(b)) {
            (Some(x), Some(y)) => Value::Bool(x.contains(y)),
            _ => return err("StringContains needs strings"),
        },
        _ => return err(format!("{} does not apply to {a} and {b}", op.name())),
    }))
}

fn as_f64(v: &Value) -> Result<f64, ScalarError> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::Float(x) => Ok(x.get()),
        _ => err(format!("{v} is not a number")),
    }
}

/// `**`: NULL for 0 to a negative power and for a negative base with a fractional exponent.
fn power(x: f64, y: f64) -> Option<f64> {
    if (x == 0.0 && y < 0.0) || (x < 0.0 && y.fract() != 0.0) {
        None
    } else {
        Some(x.powf(y))
    }
}

pub fn nary(op: NaryFn, values: &[Scalar]) -> Scalar {
    let want = match op {
        NaryFn::MinimumOf => Ordering::Less,
        NaryFn::MaximumOf => Ordering::Greater,
    };
    let mut best: Option<&Value> = None;
    for v in values.iter().flatten() {
        if best.is_none_or(|b| compare(v, b) == Some(want)) {
            best = Some(v);
        }
    }
    best.cloned()
}

/// Adds days; an error if |n| > 999,999,999 or the result leaves years 1..=9999.
pub fn add_days(d: Date, n: i64) -> Result<Date, ScalarError> {
    if n.abs() > 999_999_999 {
        return err("date out of range");
    }
    let out = i64::from(d.0) + n;
    let out = i32::try_from(out)
        .map(Date)
        .map_err(|_| ScalarError("date out of range".into()))?;
    if out.in_range() {
        Ok(out)
    } else {
        err("date out of range")
    }
}

/// Adds months; a day missing from the new month rolls forward to the 1st of the next.
pub fn add_months(d: Date, n: i64) -> Result<Date, ScalarError> {
    let (y, m, day) = d.ymd();
    let zero_based = i64::from(m) - 1 + n;
    let year = i64::from(y) + zero_based.div_euclid(12);
    let month = zero_based.rem_euclid(12) as u32 + 1;
    let year = i32::try_from(year)
        .ok()
        .filter(|y| (Date::MIN_YEAR..=Date::MAX_YEAR).contains(y));
    let Some(year) = year else {
        return err("year out of range");
    };
    from_ymd_rolling(year, month, day)
}

/// Adds years; 29 February in a non-leap year becomes 1 March.
pub fn add_years(d: Date, n: i64) -> Result<Date, ScalarError> {
    let (y, m, day) = d.ymd();
    let year = i32::try_from(i64::from(y) + n)
        .ok()
        .filter(|y| (Date::MIN_YEAR..=Date::MAX_YEAR).contains(y));
    let Some(year) = year else {
        return err("year out of range");
    };
    from_ymd_rolling(year, m, day)
}

fn from_ymd_rolling(year: i32, month: u32, day: u32) -> Result<Date, ScalarError> {
    if day <= days_in_month(year, month) {
        return Ok(Date::from_ymd(year, month, day).expect("day checked"));
    }
    let (year, month) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    Date::from_ymd(year, month, 1).ok_or_else(|| ScalarError("date out of range".into()))
}

/// Whole months from `start` to `end` (negative when `end` is earlier), floored.
pub fn months_between(start: Date, end: Date) -> i64 {
    let (y0, m0, d0) = start.ymd();
    let (y1, m1, d1) = end.ymd();
    12 * i64::from(y1 - y0) + i64::from(m1) - i64::from(m0) - i64::from(d1 < d0)
}

/// Whole years from `start` to `end`, floored (a 29 February birthday falls on 1 March).
pub fn years_between(start: Date, end: Date) -> i64 {
    let (y0, m0, d0) = start.ymd();
    let (y1, m1, d1) = end.ymd();
    i64::from(y1 - y0) - i64::from((m1, d1) < (m0, d0))
}
