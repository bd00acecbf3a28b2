//! Built-in functions over iterables: `zip`, `enumerate`, `sorted`, `sum`, `min`, `max`, ...

use std::cmp::Ordering;

use super::{arity, int_arg, no_kwargs};
use crate::eval::error::{type_error, value_error, PyErr, PyResult};
use crate::eval::interp::Interpreter;
use crate::eval::value::{Args, IterState, Value};
use crate::syntax::ast::{BinOp, CmpOp};

pub fn zip(it: &mut Interpreter, mut args: Args) -> PyResult<Value> {
    let strict = args
        .take_kw("strict")
        .map(|v| it.truthy(&v))
        .transpose()?
        .unwrap_or(false);
    no_kwargs("zip", &args)?;
    let mut seqs = Vec::new();
    for a in &args.pos {
        seqs.push(it.iterate(a)?);
    }
    let n = seqs.iter().map(|s| s.len()).min().unwrap_or(0);
    if strict && seqs.iter().any(|s| s.len() != n) {
        return Err(value_error("zip() argument 2 is shorter than argument 1"));
    }
    let out = (0..n)
        .map(|i| Value::tuple(seqs.iter().map(|s| s[i].clone()).collect()))
        .collect();
    Ok(Value::iter(IterState::Items(out, 0)))
}

pub fn enumerate(it: &mut Interpreter, mut args: Args) -> PyResult<Value> {
    let start_kw = args.take_kw("start");
    arity("enumerate", &args, 1, 2)?;
    let start = match args.pos.get(1).or(start_kw.as_ref()) {
        Some(v) => int_arg(v)?,
        None => 0,
    };
    let items = it.iterate(&args.pos[0])?;
    let out = items
        .into_iter()
        .enumerate()
        .map(|(i, v)| Value::tuple(vec![Value::Int(start + i as i64), v]))
        .collect();
    Ok(Value::iter(IterState::Items(out, 0)))
}

/// Sorts values with Python's `<`, stably; `keys` are sorted alongside when given.
pub fn sort_values(
    it: &mut Interpreter,
    items: Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> PyResult<Vec<Value>> {
    let keys = match key {
        Some(k) if !k.is_none() => {
            let mut ks = Vec::with_capacity(items.len());
            for v in &items {
                ks.push(it.call(k, Args::positional(vec![v.clone()]))?);
            }
            ks
        }
        _ => items.clone(),
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    let mut err: Option<PyErr> = None;
    idx.sort_by(|&a, &b| {
        if err.is_some() {
            return Ordering::Equal;
        }
        let (x, y) = if reverse {
            (&keys[b], &keys[a])
        } else {
            (&keys[a], &keys[b])
        };
        match it.order_any(x, y, CmpOp::Lt) {
            Ok(o) => o.unwrap_or(Ordering::Equal),
            Err(e) => {
                err = Some(e);
                Ordering::Equal
            }
        }
    });
    if let Some(e) = err {
        return Err(e);
    }
    Ok(idx.into_iter().map(|i| items[i].clone()).collect())
}

pub fn sorted(it: &mut Interpreter, mut args: Args) -> PyResult<Value> {
    let key = args.take_kw("key");
    let reverse = args
        .take_kw("reverse")
        .map(|v| it.truthy(&v))
        .transpose()?
        .unwrap_or(false);
    no_kwargs("sort", &args)?;
    arity("sorted", &args, 1, 1)?;
    let items = it.iterate(&args.pos[0])?;
    Ok(Value::list(sort_values(it, items, key.as_ref(), reverse)?))
}

pub fn reversed(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    arity("reversed", &args, 1, 1)?;
    if matches!(args.pos[0], Value::Set(_) | Value::Iter(_)) {
        return Err(type_error(format!(
            "'{}' object is not reversible",
            args.pos[0].type_name()
        )));
    }
    let mut items = it.iterate(&args.pos[0])?;
    items.reverse();
    Ok(Value::iter(IterState::Items(items, 0)))
}

pub fn sum(it: &mut Interpreter, mut args: Args) -> PyResult<Value> {
    let start_kw = args.take_kw("start");
    arity("sum", &args, 1, 2)?;
    let mut acc = args
        .pos
        .get(1)
        .cloned()
        .or(start_kw)
        .unwrap_or(Value::Int(0));
    if let Value::Str(_) = acc {
        return Err(type_error(
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    // Floats are summed with Neumaier compensation, as CPython 3.12+ does.
    let mut comp = 0.0f64;
    let mut float_mode = false;
    for v in it.iterate(&args.pos[0])? {
        match (&acc, &v) {
            (Value::Float(a), Value::Float(_) | Value::Int(_)) => {
                let (a, x) = (*a, v.as_number().expect("number").to_f64());
                let t = a + x;
                comp += if a.abs() >= x.abs() {
                    (a - t) + x
                } else {
                    (x - t) + a
                };
                acc = Value::Float(t);
                float_mode = true;
            }
            _ => {
                if float_mode {
                    if let Value::Float(a) = acc {
                        acc = Value::Float(a + comp);
                    }
                    comp = 0.0;
                    float_mode = false;
                }
                acc = it.binary_op(BinOp::Add, &acc, &v)?;
            }
        }
    }
    if float_mode && comp.is_finite() {
        if let Value::Float(a) = acc {
            acc = Value::Float(a + comp);
        }
    }
    Ok(acc)
}

fn min_max(it: &mut Interpreter, mut args: Args, name: &str, want: Ordering) -> PyResult<Value> {
    let key = args.take_kw("key").filter(|k| !k.is_none());
    let default = args.take_kw("default");
    no_kwargs(name, &args)?;
    let items = match args.pos.len() {
        0 => {
            return Err(type_error(format!(
                "{name} expected at least 1 argument, got 0"
            )))
        }
        1 => it.iterate(&args.pos[0])?,
        _ => args.pos.clone(),
    };
    let mut best: Option<(Value, Value)> = None;
    for v in items {
        let k = match &key {
            Some(f) => it.call(f, Args::positional(vec![v.clone()]))?,
            None => v.clone(),
        };
        let better = match &best {
            None => true,
            Some((bk, _)) => {
                let op = if want == Ordering::Greater {
                    CmpOp::Gt
                } else {
                    CmpOp::Lt
                };
                let r = it.compare(op, &k, bk)?;
                it.truthy(&r)?
            }
        };
        if better {
            best = Some((k, v));
        }
    }
    match (best, default) {
        (Some((_, v)), _) => Ok(v),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(value_error(format!("{name}() iterable argument is empty"))),
    }
}

pub fn min(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    min_max(it, args, "min", Ordering::Less)
}

pub fn max(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    min_max(it, args, "max", Ordering::Greater)
}

pub fn any(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    arity("any", &args, 1, 1)?;
    for v in it.iterate(&args.pos[0])? {
        if it.truthy(&v)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

pub fn all(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    arity("all", &args, 1, 1)?;
    for v in it.iterate(&args.pos[0])? {
        if !it.truthy(&v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

pub fn map(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    if args.pos.len() < 2 {
        return Err(type_error("map() must have at least two arguments."));
    }
    let f = args.pos[0].clone();
    let mut seqs = Vec::new();
    for a in &args.pos[1..] {
        seqs.push(it.iterate(a)?);
    }
    let n = seqs.iter().map(|s| s.len()).min().unwrap_or(0);
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        out.push(it.call(
            &f,
            Args::positional(seqs.iter().map(|s| s[i].clone()).collect()),
        )?);
    }
    Ok(Value::iter(IterState::Items(out, 0)))
}

pub fn filter(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    arity("filter", &args, 2, 2)?;
    let mut out = Vec::new();
    for v in it.iterate(&args.pos[1])? {
        let keep = if args.pos[0].is_none() {
            v.clone()
        } else {
            it.call(&args.pos[0], Args::positional(vec![v.clone()]))?
        };
        if it.truthy(&keep)? {
            out.push(v);
        }
    }
    Ok(Value::iter(IterState::Items(out, 0)))
}

pub fn iter(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    arity("iter", &args, 1, 1)?;
    it.get_iter(&args.pos[0])
}

pub fn next(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    arity("next", &args, 1, 2)?;
    match it.next(&args.pos[0])? {
        Some(v) => Ok(v),
        None => match args.pos.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(crate::eval::error::stop_iteration()),
        },
    }
}
