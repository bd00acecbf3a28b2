//! The `builtins` namespace and the methods of built-in types.

pub mod dicts;
pub mod functions;
pub mod iteration;
pub mod lists;
pub mod methods;
pub mod sets;
pub mod str_format;
pub mod strings;
pub mod types;

use std::rc::Rc;

use super::classes::registry;
use super::error::{type_error, PyResult};
use super::value::{new_namespace, Args, Namespace, Value};

/// A fresh builtins namespace: the built-in classes and functions.
pub fn namespace() -> Namespace {
    let ns = new_namespace();
    {
        let mut m = ns.borrow_mut();
        for (name, class) in registry().by_name.iter() {
            m.insert(Rc::from(*name), Value::Class(class.clone()));
        }
        m.insert(
            Rc::from("IOError"),
            Value::Class(super::classes::builtin_class("OSError")),
        );
        for (name, f) in functions::FUNCTIONS {
            m.insert(Rc::from(*name), Value::builtin(name, *f));
        }
        m.insert(Rc::from("Ellipsis"), Value::Ellipsis);
        m.insert(Rc::from("NotImplemented"), Value::None);
        m.insert(Rc::from("__name__"), Value::str("builtins"));
    }
    ns
}

/// Checks the positional argument count of a builtin, with CPython's wording.
pub fn arity(name: &str, args: &Args, min: usize, max: usize) -> PyResult<()> {
    let n = args.pos.len();
    if n >= min && n <= max {
        return Ok(());
    }
    Err(type_error(if min == max {
        match min {
            0 => format!("{name}() takes no arguments ({n} given)"),
            1 => format!("{name}() takes exactly one argument ({n} given)"),
            _ => format!("{name} expected {min} arguments, got {n}"),
        }
    } else if n < min {
        format!(
            "{name} expected at least {min} argument{}, got {n}",
            if min == 1 { "" } else { "s" }
        )
    } else {
        format!(
            "{name} expected at most {max} argument{}, got {n}",
            if max == 1 { "" } else { "s" }
        )
    }))
}

/// Checks the argument count of a method of a built-in type; `args.pos[0]` is the receiver
/// and is not counted. `qualified` is e.g. `list.append`.
pub fn method_arity(qualified: &str, args: &Args, min: usize, max: usize) -> PyResult<()> {
    let n = args.pos.len().saturating_sub(1);
    if n >= min && n <= max {
        return Ok(());
    }
    let short = qualified.rsplit('.').next().unwrap_or(qualified);
    Err(type_error(match (min, max) {
        (0, 0) => format!("{qualified}() takes no arguments ({n} given)"),
        (1, 1) => format!("{qualified}() takes exactly one argument ({n} given)"),
        _ if n < min => format!(
            "{short} expected at least {min} argument{}, got {n}",
            if min == 1 { "" } else { "s" }
        ),
        _ => format!(
            "{short} expected at most {max} argument{}, got {n}",
            if max == 1 { "" } else { "s" }
        ),
    }))
}

/// Refuses keyword arguments a builtin does not take.
pub fn no_kwargs(name: &str, args: &Args) -> PyResult<()> {
    match args.kw.first() {
        Some((k, _)) => Err(type_error(format!(
            "{name}() got an unexpected keyword argument '{k}'"
        ))),
        None => Ok(()),
    }
}

/// An integer argument (bools count), or a TypeError naming the type.
pub fn int_arg(v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        _ => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            v.type_name()
        ))),
    }
}

pub fn str_arg<'a>(v: &'a Value, what: &str) -> PyResult<&'a str> {
    match v {
        Value::Str(s) => Ok(s),
        _ => Err(type_error(format!(
            "{what} must be str, not {}",
            v.type_name()
        ))),
    }
}
