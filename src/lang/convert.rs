//! Python values to query-model types and literals: column types, the literal-casting
//! rules of each series type, and the hints for values that are not ehrQL values.

use std::collections::BTreeSet;

use crate::eval::error::{type_error, value_error, PyResult};
use crate::eval::{Interpreter, Value};
use crate::qm::{self, CodeSystem, Date, MultiCodeSystem, Type};

use super::codes::valid_code;
use super::series::SeriesObj;

pub fn code_system(name: &str) -> Option<CodeSystem> {
    CodeSystem::ALL.into_iter().find(|c| c.name() == name)
}

pub fn multi_code_system(name: &str) -> Option<MultiCodeSystem> {
    [
        MultiCodeSystem::ICD10MultiCodeString,
        MultiCodeSystem::OPCS4MultiCodeString,
    ]
    .into_iter()
    .find(|c| c.name() == name)
}

fn class_attr_str(v: &Value, attr: &str) -> Option<String> {
    match v {
        Value::Class(c) => match c.lookup(attr) {
            Some(Value::Str(s)) => Some(s.to_string()),
            _ => None,
        },
        _ => None,
    }
}

/// Whether `v` is the `datetime.date` class.
pub fn is_date_class(it: &mut Interpreter, v: &Value) -> bool {
    match v {
        Value::Native(n) if n.type_name() == "type" => {
            matches!(it.getattr(v, "__name__"), Ok(Value::Str(s)) if &*s == "date")
        }
        _ => false,
    }
}

/// The query-model type a column type (`int`, `datetime.date`, `SNOMEDCTCode`, ...) stands for.
pub fn column_type(it: &mut Interpreter, v: &Value) -> Option<Type> {
    if let Value::Class(c) = v {
        if c.builtin.is_some() {
            return match &*c.name {
                "bool" => Some(Type::Bool),
                "int" => Some(Type::Int),
                "float" => Some(Type::Float),
                "str" => Some(Type::Str),
                _ => None,
            };
        }
        if let Some(s) = class_attr_str(v, "_ehrql_multi_code_system") {
            return multi_code_system(&s).map(Type::MultiCodeString);
        }
        if let Some(s) = class_attr_str(v, "_ehrql_code_system") {
            return code_system(&s).map(Type::Code);
        }
        return None;
    }
    if is_date_class(it, v) {
        return Some(Type::Date);
    }
    None
}

/// A `date` value of the evaluator as a query-model date.
pub fn as_date(v: &Value) -> Option<Date> {
    let (y, m, d) = crate::eval::stdlib::datetime::as_date(v)?;
    Date::from_ymd(y as i32, m as u32, d as u32)
}

pub fn make_date(d: Date) -> PyResult<Value> {
    let (y, m, dd) = d.ymd();
    crate::eval::stdlib::datetime::make_date(y as i64, m as i64, dd as i64)
}

/// Parses an ISO date string for a date series, with the reference's messages.
pub fn parse_date_str(s: &str) -> PyResult<Date> {
    let b = s.as_bytes();
    let shape_ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape_ok {
        return Err(value_error(format!(
            "Dates must be in YYYY-MM-DD format: {s:?}"
        )));
    }
    let (y, m) = (
        s[0..4].parse::<i32>().unwrap_or(0),
        s[5..7].parse::<u32>().unwrap_or(0),
    );
    if !(1..=12).contains(&m) {
        return Err(value_error(format!("month must be in 1..12 in {s:?}")));
    }
    Date::parse_iso(s).ok_or_else(|| {
        if y < 1 {
            value_error(format!("year 0 is out of range in {s:?}"))
        } else {
            value_error(format!("day is out of range for month in {s:?}"))
        }
    })
}

/// A code object (`SNOMEDCTCode("123")`) as a literal.
fn code_object(it: &mut Interpreter, v: &Value) -> Option<qm::Value> {
    if let Value::Instance(inst) = v {
        if let Some(Value::Str(sys)) = inst.class.lookup("_ehrql_code_system") {
            let system = code_system(&sys)?;
            let value = inst.attrs.borrow().get("value").cloned();
            if let Some(Value::Str(s)) = value {
                return Some(qm::Value::Code(system, s.to_string()));
            }
        }
    }
    let _ = it;
    None
}

/// Hints for values that are not ehrQL values (the reference's `_convert` checks).
fn not_an_ehrql_value(it: &mut Interpreter, v: &Value) -> crate::eval::PyErr {
    if super::native::is_frame(it, v) {
        return type_error(
            "Expecting an ehrQL series, got a frame: are you missing a column name?",
        )
        .with_help("select a column of the frame, e.g. `frame.date`");
    }
    match v {
        Value::Function(_) | Value::BoundMethod(_) | Value::NativeMethod(_) | Value::Builtin(_) => {
            return type_error(format!(
                "Function referenced but not called: are you missing parentheses on `{}()`?",
                function_name(it, v)
            ));
        }
        Value::Instance(inst) if &*inst.class.name == "when" => {
            return type_error(
                "Missing `.then(...).otherwise(...)` conditions on a `when(...)` expression",
            );
        }
        Value::Instance(inst) if &*inst.class.name == "WhenThen" => {
            return type_error("Missing `.otherwise(...)` on a `when(...).then(...)` expression");
        }
        _ => {}
    }
    type_error(format!(
        "Not a valid ehrQL type: {}",
        super::native::py_repr(it, v)
    ))
}

fn function_name(it: &mut Interpreter, v: &Value) -> String {
    match it.getattr(v, "__name__") {
        Ok(Value::Str(s)) => s.to_string(),
        _ => match v {
            Value::NativeMethod(m) => m.1.to_string(),
            _ => "function".into(),
        },
    }
}

/// Converts a Python literal to a query-model value, casting it for a series of type
/// `cast` (ints to floats for float series, ISO strings to dates, strings to codes).
pub fn literal(it: &mut Interpreter, v: &Value, cast: Option<&Type>) -> PyResult<qm::Value> {
    Ok(match (v, cast) {
        (Value::Bool(b), Some(Type::Float)) => qm::Value::float(if *b { 1.0 } else { 0.0 }),
        (Value::Bool(b), _) => qm::Value::Bool(*b),
        (Value::Int(i), Some(Type::Float)) => qm::Value::float(*i as f64),
        (Value::Int(i), _) => qm::Value::Int(*i),
        (Value::Float(f), _) => qm::Value::float(*f),
        (Value::Str(s), Some(Type::Date)) => qm::Value::Date(parse_date_str(s)?),
        (Value::Str(s), Some(Type::Code(system))) => {
            if !valid_code(*system, s) {
                return Err(value_error(format!("Invalid {}: {}", system.name(), s)));
            }
            qm::Value::Code(*system, s.to_string())
        }
        (Value::Str(s), _) => qm::Value::Str(s.to_string()),
        (Value::Set(_), _) => {
            let items = it.iterate(v)?;
            let mut set = BTreeSet::new();
            for item in items {
                set.insert(literal(it, &item, cast)?);
            }
            qm::Value::Set(set)
        }
        (Value::None, _) => {
            let expected = match cast {
                Some(t) => format!("Series[{t}]"),
                None => "an ehrQL value".into(),
            };
            return Err(type_error(format!(
                "Expected type '{expected}' but got '<class 'NoneType'>'"
            )));
        }
        _ => {
            if let Some(d) = as_date(v) {
                return Ok(qm::Value::Date(d));
            }
            if let Some(c) = code_object(it, v) {
                return Ok(c);
            }
            return Err(not_an_ehrql_value(it, v));
        }
    })
}

/// The series object behind `v`, if it is one.
pub fn as_series(v: &Value) -> Option<&SeriesObj> {
    match v {
        Value::Native(n) => n.as_any().downcast_ref::<SeriesObj>(),
        _ => None,
    }
}
