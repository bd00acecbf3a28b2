//! `set` methods and set iteration order.

use std::cell::RefCell;
use std::rc::Rc;

use super::arity;
use crate::eval::error::{key_error, type_error, PyResult};
use crate::eval::interp::Interpreter;
use crate::eval::value::{Args, BuiltinFn, Key, Set, Value};

/// Iteration order of a set. CPython iterates small non-negative ints in ascending order
/// (their hashes index the table directly); we match that for all-int sets and keep
/// insertion order otherwise (CPython's string order is randomised per process anyway).
pub fn ordered(s: &Set) -> Vec<Value> {
    let mut items: Vec<Value> = s.iter().map(|k| k.0.clone()).collect();
    if items
        .iter()
        .all(|v| matches!(v, Value::Int(i) if *i >= 0) || matches!(v, Value::Bool(_)))
    {
        items.sort_by_key(|v| super::int_arg(v).unwrap_or(0));
    }
    items
}

pub fn method(name: &str) -> Option<(&'static str, BuiltinFn)> {
    Some(match name {
        "add" => ("add", add),
        "update" => ("update", update),
        "union" => ("union", |it, a| combine(it, a, |s, o| s.extend(o.iter().cloned()))),
        "intersection" => ("intersection", |it, a| combine(it, a, |s, o| s.retain(|k| o.contains(k)))),
        "difference" => ("difference", |it, a| combine(it, a, |s, o| s.retain(|k| !o.contains(k)))),
        "symmetric_difference" => ("symmetric_difference", |it, a| {
            combine(it, a, |s, o| {
                let both: Vec<Key> = s.iter().filter(|k| o.contains(*k)).cloned().collect();
                s.extend(o.iter().cloned());
                s.retain(|k| !both.contains(k));
            })
        }),
        "discard" => ("discard", |it, a| {
            arity("discard", &a, 2, 2)?;
            it.check_hashable(&a.pos[1])?;
            set_of(&a)?.borrow_mut().shift_remove(&Key(a.pos[1].clone()));
            Ok(Value::None)
        }),
        "remove" => ("remove", |it, a| {
            arity("remove", &a, 2, 2)?;
            it.check_hashable(&a.pos[1])?;
            if set_of(&a)?.borrow_mut().shift_remove(&Key(a.pos[1].clone())) {
                Ok(Value::None)
            } else {
                Err(key_error(a.pos[1].clone()))
            }
        }),
        "pop" => ("pop", |_, a| {
            let s = set_of(&a)?;
            let first = ordered(&s.borrow()).into_iter().next();
            match first {
                Some(v) => {
                    s.borrow_mut().shift_remove(&Key(v.clone()));
                    Ok(v)
                }
                None => Err(key_error(Value::str("pop from an empty set"))),
            }
        }),
        "clear" => ("clear", |_, a| {
            set_of(&a)?.borrow_mut().clear();
            Ok(Value::None)
        }),
        "copy" => ("copy", |_, a| Ok(Value::set(set_of(&a)?.borrow().clone()))),
        "issubset" => ("issubset", |it, a| relation(it, a, |s, o| s.iter().all(|k| o.contains(k)))),
        "issuperset" => ("issuperset", |it, a| relation(it, a, |s, o| o.iter().all(|k| s.contains(k)))),
        "isdisjoint" => ("isdisjoint", |it, a| relation(it, a, |s, o| !s.iter().any(|k| o.contains(k)))),
        _ => return None,
    })
}

fn set_of(args: &Args) -> PyResult<&Rc<RefCell<Set>>> {
    match args.pos.first() {
        Some(Value::Set(s)) => Ok(s),
        Some(v) => Err(type_error(format!(
            "descriptor requires a 'set' object but received a '{}'",
            v.type_name()
        ))),
        None => Err(type_error("unbound method needs an argument")),
    }
}

fn to_set(it: &mut Interpreter, v: &Value) -> PyResult<Set> {
    let mut s = Set::new();
    for x in it.iterate(v)? {
        s.insert(it.hashable(x)?);
    }
    Ok(s)
}

fn add(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    arity("add", &args, 2, 2)?;
    let k = it.hashable(args.pos[1].clone())?;
    it.charge(1)?;
    set_of(&args)?.borrow_mut().insert(k);
    Ok(Value::None)
}

fn update(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    let s = set_of(&args)?.clone();
    for other in &args.pos[1..] {
        let o = to_set(it, other)?;
        it.charge(o.len())?;
        s.borrow_mut().extend(o);
    }
    Ok(Value::None)
}

fn combine(it: &mut Interpreter, args: Args, f: fn(&mut Set, &Set)) -> PyResult<Value> {
    let mut s = set_of(&args)?.borrow().clone();
    for other in &args.pos[1..] {
        let o = to_set(it, other)?;
        f(&mut s, &o);
    }
    Ok(Value::set(s))
}

fn relation(it: &mut Interpreter, args: Args, f: fn(&Set, &Set) -> bool) -> PyResult<Value> {
    arity("issubset", &args, 2, 2)?;
    let s = set_of(&args)?.borrow().clone();
    let o = to_set(it, &args.pos[1])?;
    Ok(Value::Bool(f(&s, &o)))
}
