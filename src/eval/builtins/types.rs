//! Calling the built-in classes: `int(x)`, `str(x)`, `list(it)`, `dict(...)`, `type(x)`, ...

use std::rc::Rc;

use super::{arity, int_arg, no_kwargs};
use crate::eval::classes::class_of;
use crate::eval::error::{type_error, value_error, PyResult};
use crate::eval::interp::Interpreter;
use crate::eval::value::{Args, BuiltinType, Dict, Set, Value};

pub fn construct(it: &mut Interpreter, bt: BuiltinType, mut args: Args) -> PyResult<Value> {
    match bt {
        BuiltinType::Int => {
            let base_kw = args.take_kw("base");
            no_kwargs("int", &args)?;
            arity("int", &args, 0, 2)?;
            let base = args.pos.get(1).cloned().or(base_kw);
            match (args.pos.first(), base) {
                (None, _) => Ok(Value::Int(0)),
                (Some(Value::Str(s)), base) => {
                    let base = match base {
                        Some(b) => int_arg(&b)?,
                        None => 10,
                    };
                    parse_int(s, base).map(Value::Int)
                }
                (Some(_), Some(_)) => Err(type_error(
                    "int() can't convert non-string with explicit base",
                )),
                (Some(v), None) => to_int(it, v),
            }
        }
        BuiltinType::Float => {
            no_kwargs("float", &args)?;
            arity("float", &args, 0, 1)?;
            match args.pos.first() {
                None => Ok(Value::Float(0.0)),
                Some(Value::Float(f)) => Ok(Value::Float(*f)),
                Some(Value::Int(i)) => Ok(Value::Float(*i as f64)),
                Some(Value::Bool(b)) => Ok(Value::Float(*b as i64 as f64)),
                Some(Value::Str(s)) => parse_float(s).map(Value::Float),
                Some(v @ Value::Instance(_)) if it.has_dunder(v, "__float__") => {
                    it.call_method(v, "__float__", Args::default())
                }
                Some(v) => Err(type_error(format!(
                    "float() argument must be a string or a real number, not '{}'",
                    v.type_name()
                ))),
            }
        }
        BuiltinType::Str => {
            no_kwargs("str", &args)?;
            arity("str", &args, 0, 1)?;
            match args.pos.first() {
                None => Ok(Value::str("")),
                Some(v) => Ok(Value::str(&it.to_str(v)?)),
            }
        }
        BuiltinType::Bool => {
            arity("bool", &args, 0, 1)?;
            match args.pos.first() {
                None => Ok(Value::Bool(false)),
                Some(v) => Ok(Value::Bool(it.truthy(v)?)),
            }
        }
        BuiltinType::List => {
            no_kwargs("list", &args)?;
            arity("list", &args, 0, 1)?;
            let items = match args.pos.first() {
                None => Vec::new(),
                Some(v) => it.iterate(v)?,
            };
            it.charge(items.len())?;
            Ok(Value::list(items))
        }
        BuiltinType::Tuple => {
            arity("tuple", &args, 0, 1)?;
            Ok(Value::tuple(match args.pos.first() {
                None => Vec::new(),
                Some(v) => it.iterate(v)?,
            }))
        }
        BuiltinType::Set | BuiltinType::FrozenSet => {
            arity("set", &args, 0, 1)?;
            let mut s = Set::new();
            if let Some(v) = args.pos.first() {
                for x in it.iterate(v)? {
                    s.insert(it.hashable(x)?);
                }
            }
            Ok(Value::set(s))
        }
        BuiltinType::Dict => {
            arity("dict", &args, 0, 1)?;
            let mut d = Dict::new();
            if let Some(v) = args.pos.first() {
                update_dict(it, &mut d, v)?;
            }
            for (k, v) in args.kw {
                d.insert(crate::eval::value::Key(Value::Str(k)), v);
            }
            it.charge(d.len())?;
            Ok(Value::dict(d))
        }
        BuiltinType::Range => (super::functions::FUNCTIONS
            .iter()
            .find(|(n, _)| *n == "range")
            .expect("range")
            .1)(it, args),
        BuiltinType::Type => match args.pos.len() {
            1 => Ok(Value::Class(class_of(&args.pos[0]))),
            3 => {
                let Value::Str(name) = &args.pos[0] else {
                    return Err(type_error("type.__new__() argument 1 must be str"));
                };
                let bases = it.iterate(&args.pos[1])?.into_iter().map(|b| match b {
                    Value::Class(c) => Ok(c),
                    _ => Err(type_error("bases must be types")),
                });
                let bases = bases.collect::<PyResult<Vec<_>>>()?;
                let ns = crate::eval::value::new_namespace();
                for (k, v) in it.mapping_items(&args.pos[2])? {
                    if let Value::Str(k) = k {
                        ns.borrow_mut().insert(k, v);
                    }
                }
                Ok(Value::Class(crate::eval::interp::new_class(
                    name, "__main__", bases, ns,
                )?))
            }
            _ => Err(type_error("type() takes 1 or 3 arguments")),
        },
        BuiltinType::Slice => {
            let p = |i: usize| args.pos.get(i).cloned().unwrap_or(Value::None);
            let (lower, upper, step) = if args.pos.len() == 1 {
                (Value::None, p(0), Value::None)
            } else {
                (p(0), p(1), p(2))
            };
            Ok(Value::Slice(Rc::new(crate::eval::value::SliceObj {
                lower,
                upper,
                step,
            })))
        }
        BuiltinType::NoneType => Ok(Value::None),
        other => Err(type_error(format!(
            "cannot create '{}' instances",
            format!("{other:?}").to_lowercase()
        ))),
    }
}

/// `d.update(v)` / `dict(v)`: from a mapping or an iterable of pairs.
pub fn update_dict(it: &mut Interpreter, d: &mut Dict, v: &Value) -> PyResult<()> {
    if matches!(v, Value::Dict(_)) || (matches!(v, Value::Instance(_)) && it.has_dunder(v, "keys"))
    {
        for (k, val) in it.mapping_items(v)? {
            d.insert(it.hashable(k)?, val);
        }
        return Ok(());
    }
    for (i, pair) in it.iterate(v)?.into_iter().enumerate() {
        let items = it.iterate(&pair).map_err(|_| {
            type_error(format!(
                "cannot convert dictionary update sequence element #{i} to a sequence"
            ))
        })?;
        if items.len() != 2 {
            return Err(value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                items.len()
            )));
        }
        let mut items = items.into_iter();
        let k = items.next().expect("two items");
        d.insert(it.hashable(k)?, items.next().expect("two items"));
    }
    Ok(())
}

fn to_int(it: &mut Interpreter, v: &Value) -> PyResult<Value> {
    match v {
        Value::Int(i) => Ok(Value::Int(*i)),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => {
            if f.is_nan() {
                return Err(value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(crate::eval::error::overflow_error(
                    "cannot convert float infinity to integer",
                ));
            }
            if f.abs() >= 9.223_372_036_854_776e18 {
                return Err(crate::eval::error::int_overflow());
            }
            Ok(Value::Int(f.trunc() as i64))
        }
        Value::Instance(_) if it.has_dunder(v, "__int__") => {
            it.call_method(v, "__int__", Args::default())
        }
        _ => Err(type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            v.type_name()
        ))),
    }
}

pub fn parse_int(s: &str, base: i64) -> PyResult<i64> {
    let invalid = || {
        value_error(format!(
            "invalid literal for int() with base {base}: {}",
            crate::eval::repr::str_repr(s)
        ))
    };
    if base != 0 && !(2..=36).contains(&base) {
        return Err(value_error("int() base must be >= 2 and <= 36, or 0"));
    }
    let t = s.trim();
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let lower = t.to_ascii_lowercase();
    let (base, digits) = match (base, lower.get(..2)) {
        (0 | 16, Some("0x")) => (16, &t[2..]),
        (0 | 8, Some("0o")) => (8, &t[2..]),
        (0 | 2, Some("0b")) => (2, &t[2..]),
        (0, _) => (10, t),
        (b, _) => (b, t),
    };
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return Err(invalid());
    }
    let clean: String = digits.chars().filter(|c| *c != '_').collect();
    let mag = u64::from_str_radix(&clean, base as u32).map_err(|e| match e.kind() {
        std::num::IntErrorKind::PosOverflow => crate::eval::error::int_overflow(),
        _ => invalid(),
    })?;
    if neg {
        if mag == 1 << 63 {
            return Ok(i64::MIN);
        }
        i64::try_from(mag)
            .map(|m| -m)
            .map_err(|_| crate::eval::error::int_overflow())
    } else {
        i64::try_from(mag).map_err(|_| crate::eval::error::int_overflow())
    }
}

pub fn parse_float(s: &str) -> PyResult<f64> {
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    let neg = lower.starts_with('-');
    let special = match body {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Ok(if neg { -v } else { v });
    }
    let ok_chars = !t.is_empty()
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-' | '_'));
    let clean: String = t.chars().filter(|c| *c != '_').collect();
    match clean.parse::<f64>() {
        Ok(v) if ok_chars => Ok(v),
        _ => Err(value_error(format!(
            "could not convert string to float: {}",
            crate::eval::repr::str_repr(s)
        ))),
    }
}

/// `object.__init__` reached through `super().__init__()`.
pub fn object_init(_: &mut Interpreter, _: Args) -> PyResult<Value> {
    Ok(Value::None)
}

/// `BaseException.__init__(self, *args)`: stores `args`.
pub fn exception_init(_: &mut Interpreter, args: Args) -> PyResult<Value> {
    if let Some(Value::Instance(i)) = args.pos.first() {
        i.attrs
            .borrow_mut()
            .insert(Rc::from("args"), Value::tuple(args.pos[1..].to_vec()));
    }
    Ok(Value::None)
}

/// `object.__repr__` reached through `super().__repr__()`.
pub fn object_repr(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    let v = args.pos.first().cloned().unwrap_or(Value::None);
    match &v {
        Value::Instance(i) => Ok(Value::str(&format!(
            "<{}.{} object at 0x{:012x}>",
            i.class.module_name,
            i.class.name,
            v.identity()
        ))),
        _ => Ok(Value::str(&it.repr(&v)?)),
    }
}
