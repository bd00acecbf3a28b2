//! Durations (`days`, `weeks`, `months`, `years`) and `DateDifference` (`date - date`),
//! with date arithmetic on literals computed at once and on series built as nodes.

use std::any::Any;
use std::rc::Rc;

use crate::eval::error::{type_error, value_error, PyResult};
use crate::eval::{Args, Interpreter, NativeObject, Value};
use crate::qm::{self, scalar, BinaryFn, NodeId, Type, UnaryFn};
use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};

use super::convert::{as_date, as_series, make_date, parse_date_str};
use super::series::{build, build_series, operand};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Unit {
    Days,
    Weeks,
    Months,
    Years,
}

impl Unit {
    fn name(self) -> &'static str {
        match self {
            Unit::Days => "days",
            Unit::Weeks => "weeks",
            Unit::Months => "months",
            Unit::Years => "years",
        }
    }
}

/// The class object `days` (and friends): calling it makes a duration.
pub struct DurationType(pub Unit);

impl NativeObject for DurationType {
    fn type_name(&self) -> &str {
        "type"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn call(
        &self,
        _this: &Value,
        mut args: Args,
        _it: &mut Interpreter,
    ) -> Option<PyResult<Value>> {
        let value = args.pos.first().cloned().or_else(|| args.take_kw("value"));
        Some(match value {
            Some(v) => Ok(Value::Native(Rc::new(Duration {
                unit: self.0,
                value: v,
            }))),
            None => Err(type_error(format!(
                "{}() missing 1 required positional argument: 'value'",
                self.0.name()
            ))),
        })
    }
    fn get_attr(
        &self,
        _this: &Value,
        name: &str,
        _it: &mut Interpreter,
    ) -> Option<PyResult<Value>> {
        (name == "__name__").then(|| Ok(Value::str(self.0.name())))
    }
    fn is_instance(&self, value: &Value) -> Option<bool> {
        Some(as_duration(value).is_some_and(|d| d.unit == self.0))
    }
    fn repr(&self, _it: &mut Interpreter) -> PyResult<String> {
        Ok(format!("<class 'ehrql.query_language.{}'>", self.0.name()))
    }
}

/// `days(n)`: `value` is an int or an int series (checked when used).
pub struct Duration {
    pub unit: Unit,
    pub value: Value,
}

pub fn as_duration(v: &Value) -> Option<&Duration> {
    match v {
        Value::Native(n) => n.as_any().downcast_ref::<Duration>(),
        _ => None,
    }
}

pub fn as_date_difference(v: &Value) -> Option<&DateDifference> {
    match v {
        Value::Native(n) => n.as_any().downcast_ref::<DateDifference>(),
        _ => None,
    }
}

fn new_duration(unit: Unit, value: Value) -> Value {
    Value::Native(Rc::new(Duration { unit, value }))
}

impl Duration {
    fn int_value(&self) -> Option<i64> {
        match self.value {
            Value::Int(i) => Some(i),
            _ => None,
        }
    }

    fn value_node(&self, it: &mut Interpreter) -> PyResult<NodeId> {
        match &self.value {
            Value::Bool(_) | Value::Float(_) | Value::Str(_) => Err(type_error(format!(
                "Expected type 'Series[int]' but got '{}' as the value of `{}()`",
                self.value.type_name(),
                self.unit.name()
            ))),
            v => operand(it, v, Some(&Type::Int)),
        }
    }

    fn add_literal(&self, d: qm::Date, n: i64) -> PyResult<qm::Date> {
        let r = match self.unit {
            Unit::Days => scalar::add_days(d, n),
            Unit::Weeks => scalar::add_days(d, n.saturating_mul(7)),
            Unit::Months => scalar::add_months(d, n),
            Unit::Years => scalar::add_years(d, n),
        };
        r.map_err(|e| value_error(e.0))
    }

    /// `date + self` (or `date - self` when `negate`).
    pub fn add_to_date(&self, it: &mut Interpreter, date: NodeId, negate: bool) -> PyResult<Value> {
        // `date - dur` is `(-dur) + date`: a literal value is negated in place, a series
        // value through `Negate`.
        let v = match (&self.value, negate) {
            (Value::Int(n), true) => {
                let n = n
                    .checked_neg()
                    .ok_or_else(crate::eval::error::int_overflow)?;
                build(it, |a| a.value(qm::Value::Int(n)))?
            }
            (_, true) => {
                let v = self.value_node(it)?;
                build(it, |a| a.unary(UnaryFn::Negate, v))?
            }
            _ => self.value_node(it)?,
        };
        let unit = self.unit;
        build_series(it, |a| match unit {
            Unit::Days => a.binary(BinaryFn::DateAddDays, date, v),
            Unit::Weeks => {
                let seven = a.value(qm::Value::Int(7))?;
                let w = a.binary(BinaryFn::Multiply, v, seven)?;
                a.binary(BinaryFn::DateAddDays, date, w)
            }
            Unit::Months => a.binary(BinaryFn::DateAddMonths, date, v),
            Unit::Years => a.binary(BinaryFn::DateAddYears, date, v),
        })
    }

    fn with_other_date(
        &self,
        it: &mut Interpreter,
        other: &Value,
        negate: bool,
    ) -> Option<PyResult<Value>> {
        let literal_date = match other {
            Value::Str(s) => match parse_date_str(s) {
                Ok(d) => Some(d),
                Err(e) => return Some(Err(e)),
            },
            _ => as_date(other),
        };
        if let Some(d) = literal_date {
            if let Some(n) = self.int_value() {
                let n = if negate { -n } else { n };
                return Some(self.add_literal(d, n).and_then(make_date));
            }
            let node = match build(it, |a| a.value(qm::Value::Date(d))) {
                Ok(n) => n,
                Err(e) => return Some(Err(e)),
            };
            return Some(self.add_to_date(it, node, negate));
        }
        if let Some(s) = as_series(other) {
            if s.ty == Type::Date {
                return Some(self.add_to_date(it, s.node, negate));
            }
        }
        None
    }

    fn combine(&self, it: &mut Interpreter, other: &Duration, subtract: bool) -> PyResult<Value> {
        if other.unit != self.unit {
            return Err(type_error(format!(
                "unsupported operand type(s) for {}: '{}' and '{}'",
                if subtract { "-" } else { "+" },
                self.unit.name(),
                other.unit.name()
            )));
        }
        let op = if subtract { BinOp::Sub } else { BinOp::Add };
        let v = it.binary_op(op, &self.value, &other.value)?;
        Ok(new_duration(self.unit, v))
    }

    /// `starting_on(date)` / `ending_on(date)`: a list of `(start, end)` date pairs.
    fn intervals(&self, it: &mut Interpreter, date: &Value, starting: bool) -> PyResult<Value> {
        let d = match date {
            Value::Str(s) => parse_date_str(s)?,
            _ => as_date(date)
                .ok_or_else(|| type_error("Date must be supplied as a string or a date"))?,
        };
        let Some(n) = self.int_value() else {
            return Err(type_error(
                "Value must be a single, fixed number (not a series)",
            ));
        };
        if n < 0 {
            return Err(value_error("Value must be a positive integer"));
        }
        let one_day = |x: qm::Date, k: i64| scalar::add_days(x, k).map_err(|e| value_error(e.0));
        let mut out = Vec::new();
        let ks: Vec<i64> = if starting {
            (0..n).collect()
        } else {
            (1 - n..=0).collect()
        };
        for k in ks {
            let (s, e) = if starting {
                (
                    self.add_literal(d, k)?,
                    one_day(self.add_literal(d, k + 1)?, -1)?,
                )
            } else {
                (
                    one_day(self.add_literal(d, k - 1)?, 1)?,
                    self.add_literal(d, k)?,
                )
            };
            out.push(Value::tuple(vec![make_date(s)?, make_date(e)?]));
        }
        let _ = it;
        Ok(Value::list(out))
    }
}

impl NativeObject for Duration {
    fn type_name(&self) -> &str {
        self.unit.name()
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
        (name == "value").then(|| Ok(self.value.clone()))
    }
    fn has_method(&self, name: &str) -> bool {
        matches!(name, "starting_on" | "ending_on")
    }
    fn call_method(
        &self,
        _this: &Value,
        name: &str,
        mut args: Args,
        it: &mut Interpreter,
    ) -> PyResult<Value> {
        let date = args
            .pos
            .first()
            .cloned()
            .or_else(|| args.take_kw("date"))
            .ok_or_else(|| {
                type_error(format!(
                    "{name}() missing 1 required positional argument: 'date'"
                ))
            })?;
        self.intervals(it, &date, name == "starting_on")
    }
    fn binary_op(
        &self,
        _this: &Value,
        op: BinOp,
        other: &Value,
        reflected: bool,
        it: &mut Interpreter,
    ) -> Option<PyResult<Value>> {
        match op {
            BinOp::Add => {
                if let Some(o) = as_duration(other) {
                    return Some(self.combine(it, o, false));
                }
                self.with_other_date(it, other, false)
            }
            BinOp::Sub if reflected => self.with_other_date(it, other, true),
            BinOp::Sub => as_duration(other).map(|o| self.combine(it, o, true)),
            _ => None,
        }
    }
    fn unary_op(
        &self,
        _this: &Value,
        op: UnaryOp,
        it: &mut Interpreter,
    ) -> Option<PyResult<Value>> {
        (op == UnaryOp::USub).then(|| {
            let v = it.unary_op(UnaryOp::USub, &self.value)?;
            Ok(new_duration(self.unit, v))
        })
    }
    fn compare(
        &self,
        _this: &Value,
        op: CmpOp,
        other: &Value,
        it: &mut Interpreter,
    ) -> Option<PyResult<Value>> {
        let negate = match op {
            CmpOp::Eq => false,
            CmpOp::NotEq => true,
            _ => return None,
        };
        let r = match as_duration(other) {
            Some(o) if o.unit == self.unit => it.compare(op, &self.value, &o.value),
            _ => Ok(Value::Bool(negate)),
        };
        Some(r)
    }
    fn repr(&self, it: &mut Interpreter) -> PyResult<String> {
        let v = super::native::py_repr(it, &self.value);
        Ok(format!("{}(value={v})", self.unit.name()))
    }
}

/// `a - b` for dates: not a series until one of its properties is read.
pub struct DateDifference {
    pub lhs: NodeId,
    pub rhs: NodeId,
}

impl DateDifference {
    pub fn value(lhs: NodeId, rhs: NodeId) -> Value {
        Value::Native(Rc::new(DateDifference { lhs, rhs }))
    }
}

impl NativeObject for DateDifference {
    fn type_name(&self) -> &str {
        "DateDifference"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn get_attr(&self, _this: &Value, name: &str, it: &mut Interpreter) -> Option<PyResult<Value>> {
        let (l, r) = (self.lhs, self.rhs);
        let f = match name {
            "days" | "weeks" => BinaryFn::DateDifferenceInDays,
            "months" => BinaryFn::DateDifferenceInMonths,
            "years" => BinaryFn::DateDifferenceInYears,
            _ => return None,
        };
        let weeks = name == "weeks";
        Some(build_series(it, |a| {
            let d = a.binary(f, l, r)?;
            if weeks {
                let seven = a.value(qm::Value::Int(7))?;
                a.binary(BinaryFn::FloorDivide, d, seven)
            } else {
                Ok(d)
            }
        }))
    }
    fn attribute_names(&self) -> Vec<String> {
        ["days", "weeks", "months", "years"]
            .map(String::from)
            .to_vec()
    }
    fn truthy(&self, _it: &mut Interpreter) -> PyResult<bool> {
        Err(type_error(
            "a date difference has no truth value: use `.days`, `.weeks`, `.months` or `.years`",
        ))
    }
}

/// The gap of `count_episodes_for_patient`: `days(n)` or `weeks(n)` with a literal int.
pub fn episode_gap_days(_it: &mut Interpreter, gap: &Value) -> PyResult<i64> {
    let Some(d) = as_duration(gap) else {
        return Err(type_error(
            "`maximum_gap` must be supplied as `days()` or `weeks()`",
        ));
    };
    if !matches!(d.unit, Unit::Days | Unit::Weeks) {
        return Err(type_error(
            "`maximum_gap` must be supplied as `days()` or `weeks()`",
        ));
    }
    let n = match d.value {
        Value::Int(n) => n,
        Value::Bool(_) => return Err(type_error("`maximum_gap` must be a whole number of days")),
        _ => {
            return Err(value_error(
                "`maximum_gap` must be a single, fixed number of days",
            ))
        }
    };
    Ok(if d.unit == Unit::Weeks { n * 7 } else { n })
}
