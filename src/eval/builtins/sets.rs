//! `set` methods and set iteration order.

use std::cell::RefCell;
use std::rc::Rc;

use super::method_arity;
use crate::eval::error::{key_error, type_error, PyResult};
use crate::eval::interp::Interpreter;
use crate::eval::value::{Args, BuiltinFn, Key, Set, Value};

/// Iteration order of a set. For sets of ints (the case programs print), this replays the
/// insertions into a model of CPython's open-addressing table, so the order matches CPython;
/// other sets keep insertion order (CPython's string order is randomised per process anyway).
pub fn ordered(s: &Set) -> Vec<Value> {
    let items: Vec<Value> = s.iter().map(|k| k.0.clone()).collect();
    let hashes: Option<Vec<u64>> = items
        .iter()
        .map(|v| match v {
            Value::Int(i) => Some(cpython_int_hash(*i) as u64),
            Value::Bool(b) => Some(*b as u64),
            _ => None,
        })
        .collect();
    match hashes {
        Some(h) => cpython_set_order(&h)
            .into_iter()
            .map(|i| items[i].clone())
            .collect(),
        None => items,
    }
}

/// `hash(int)` in CPython: the value modulo the Mersenne prime 2**61 - 1, with -1 mapped to -2.
pub fn cpython_int_hash(v: i64) -> i64 {
    const P: i128 = (1 << 61) - 1;
    let h = if v >= 0 {
        (v as i128 % P) as i64
    } else {
        -((-(v as i128)) % P) as i64
    };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// The slot order CPython's set table ends up with after inserting `hashes` in order
/// (table of 8, linear probes of 9, perturbed probing, growth to 4x `used` at 60% fill).
fn cpython_set_order(hashes: &[u64]) -> Vec<usize> {
    fn insert(table: &mut [Option<usize>], hash: u64, item: usize) {
        let mask = table.len() - 1;
        let mut perturb = hash;
        let mut i = (hash as usize) & mask;
        loop {
            if table[i].is_none() {
                table[i] = Some(item);
                return;
            }
            if i + 9 <= mask {
                for j in 1..=9 {
                    if table[i + j].is_none() {
                        table[i + j] = Some(item);
                        return;
                    }
                }
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }
    let mut table: Vec<Option<usize>> = vec![None; 8];
    for (n, h) in hashes.iter().enumerate() {
        insert(&mut table, *h, n);
        let used = n + 1;
        let mask = table.len() - 1;
        if used * 5 >= mask * 3 {
            let minused = if used > 50_000 { used * 2 } else { used * 4 };
            let mut size = 8;
            while size <= minused {
                size <<= 1;
            }
            let old = std::mem::replace(&mut table, vec![None; size]);
            for item in old.into_iter().flatten() {
                insert(&mut table, hashes[item], item);
            }
        }
    }
    table.into_iter().flatten().collect()
}

pub fn method(name: &str) -> Option<(&'static str, BuiltinFn)> {
    Some(match name {
        "add" => ("add", add),
        "update" => ("update", update),
        "union" => ("union", |it, a| {
            combine(it, a, |s, o| s.extend(o.iter().cloned()))
        }),
        "intersection" => ("intersection", |it, a| {
            combine(it, a, |s, o| s.retain(|k| o.contains(k)))
        }),
        "difference" => ("difference", |it, a| {
            combine(it, a, |s, o| s.retain(|k| !o.contains(k)))
        }),
        "symmetric_difference" => ("symmetric_difference", |it, a| {
            combine(it, a, |s, o| {
                let both: Vec<Key> = s.iter().filter(|k| o.contains(*k)).cloned().collect();
                s.extend(o.iter().cloned());
                s.retain(|k| !both.contains(k));
            })
        }),
        "discard" => ("discard", |it, a| {
            method_arity("set.discard", &a, 1, 1)?;
            it.check_hashable(&a.pos[1])?;
            set_of(&a)?
                .borrow_mut()
                .shift_remove(&Key(a.pos[1].clone()));
            Ok(Value::None)
        }),
        "remove" => ("remove", |it, a| {
            method_arity("set.remove", &a, 1, 1)?;
            it.check_hashable(&a.pos[1])?;
            if set_of(&a)?
                .borrow_mut()
                .shift_remove(&Key(a.pos[1].clone()))
            {
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
        "issubset" => ("issubset", |it, a| {
            relation(it, a, |s, o| s.iter().all(|k| o.contains(k)))
        }),
        "issuperset" => ("issuperset", |it, a| {
            relation(it, a, |s, o| o.iter().all(|k| s.contains(k)))
        }),
        "isdisjoint" => ("isdisjoint", |it, a| {
            relation(it, a, |s, o| !s.iter().any(|k| o.contains(k)))
        }),
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
    method_arity("set.add", &args, 1, 1)?;
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
    method_arity("set.issubset", &args, 1, 1)?;
    let s = set_of(&args)?.borrow().clone();
    let o = to_set(it, &args.pos[1])?;
    Ok(Value::Bool(f(&s, &o)))
}
