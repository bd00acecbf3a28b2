//! `list` and `tuple` methods (and the few `int`/`float` methods).

use super::{int_arg, method_arity};
use crate::eval::error::{index_error, type_error, value_error, PyResult};
use crate::eval::interp::Interpreter;
use crate::eval::value::{Args, BuiltinFn, Value};

pub fn method(name: &str) -> Option<(&'static str, BuiltinFn)> {
    Some(match name {
        "append" => ("append", append),
        "extend" => ("extend", extend),
        "insert" => ("insert", insert),
        "pop" => ("pop", pop),
        "remove" => ("remove", remove),
        "index" => ("index", index),
        "count" => ("count", count),
        "sort" => ("sort", sort),
        "reverse" => ("reverse", reverse),
        "copy" => ("copy", |_, a| Ok(Value::list(items(&a)?))),
        "clear" => ("clear", |_, a| {
            if let Some(Value::List(l)) = a.pos.first() {
                l.borrow_mut().clear();
            }
            Ok(Value::None)
        }),
        _ => return None,
    })
}

pub fn tuple_method(name: &str) -> Option<(&'static str, BuiltinFn)> {
    Some(match name {
        "index" => ("index", index),
        "count" => ("count", count),
        _ => return None,
    })
}

fn list_of(args: &Args) -> PyResult<&std::rc::Rc<std::cell::RefCell<Vec<Value>>>> {
    match args.pos.first() {
        Some(Value::List(l)) => Ok(l),
        Some(v) => Err(type_error(format!(
            "descriptor requires a 'list' object but received a '{}'",
            v.type_name()
        ))),
        None => Err(type_error("unbound method needs an argument")),
    }
}

fn items(args: &Args) -> PyResult<Vec<Value>> {
    match args.pos.first() {
        Some(Value::List(l)) => Ok(l.borrow().clone()),
        Some(Value::Tuple(t)) => Ok(t.to_vec()),
        Some(Value::Range(r)) => Ok((0..r.len()).map(|i| Value::Int(r.get(i))).collect()),
        _ => Err(type_error("unbound method needs an argument")),
    }
}

fn append(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    method_arity("list.append", &args, 1, 1)?;
    it.charge(1)?;
    list_of(&args)?.borrow_mut().push(args.pos[1].clone());
    Ok(Value::None)
}

fn extend(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    method_arity("list.extend", &args, 1, 1)?;
    let new = it.iterate(&args.pos[1])?;
    it.charge(new.len())?;
    list_of(&args)?.borrow_mut().extend(new);
    Ok(Value::None)
}

fn insert(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    method_arity("list.insert", &args, 2, 2)?;
    let l = list_of(&args)?;
    let len = l.borrow().len() as i64;
    let i = int_arg(&args.pos[1])?;
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
    it.charge(1)?;
    l.borrow_mut().insert(i as usize, args.pos[2].clone());
    Ok(Value::None)
}

fn pop(_: &mut Interpreter, args: Args) -> PyResult<Value> {
    method_arity("list.pop", &args, 0, 1)?;
    let l = list_of(&args)?;
    let len = l.borrow().len() as i64;
    if len == 0 {
        return Err(index_error("pop from empty list"));
    }
    let i = match args.pos.get(1) {
        Some(v) => int_arg(v)?,
        None => -1,
    };
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(index_error("pop index out of range"));
    }
    Ok(l.borrow_mut().remove(j as usize))
}

fn remove(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    method_arity("list.remove", &args, 1, 1)?;
    let l = list_of(&args)?.clone();
    let snapshot = l.borrow().clone();
    for (i, v) in snapshot.iter().enumerate() {
        if v.is(&args.pos[1]) || it.eq(v, &args.pos[1])? {
            l.borrow_mut().remove(i);
            return Ok(Value::None);
        }
    }
    Err(value_error("list.remove(x): x not in list"))
}

fn index(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    method_arity("list.index", &args, 1, 3)?;
    let xs = items(&args)?;
    let len = xs.len() as i64;
    let norm = |v: Option<&Value>, d: i64| -> PyResult<usize> {
        let i = match v {
            Some(v) => int_arg(v)?,
            None => d,
        };
        Ok((if i < 0 { i + len } else { i }).clamp(0, len) as usize)
    };
    let (start, end) = (norm(args.pos.get(2), 0)?, norm(args.pos.get(3), len)?);
    for (i, v) in xs.iter().enumerate().take(end).skip(start) {
        if v.is(&args.pos[1]) || it.eq(v, &args.pos[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    let what = match args.pos[0] {
        Value::Tuple(_) => "tuple.index(x): x not in tuple".to_string(),
        _ => format!("{} is not in list", it.repr(&args.pos[1])?),
    };
    Err(value_error(what))
}

fn count(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    method_arity("list.count", &args, 1, 1)?;
    let mut n = 0;
    for v in items(&args)? {
        if v.is(&args.pos[1]) || it.eq(&v, &args.pos[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn sort(it: &mut Interpreter, mut args: Args) -> PyResult<Value> {
    let key = args.take_kw("key");
    let reverse = args
        .take_kw("reverse")
        .map(|v| it.truthy(&v))
        .transpose()?
        .unwrap_or(false);
    super::no_kwargs("sort", &args)?;
    method_arity("list.sort", &args, 0, 0)?;
    let l = list_of(&args)?.clone();
    let snapshot = l.borrow().clone();
    let sorted = super::iteration::sort_values(it, snapshot, key.as_ref(), reverse)?;
    *l.borrow_mut() = sorted;
    Ok(Value::None)
}

fn reverse(_: &mut Interpreter, args: Args) -> PyResult<Value> {
    list_of(&args)?.borrow_mut().reverse();
    Ok(Value::None)
}

pub fn int_bit_length(_: &mut Interpreter, args: Args) -> PyResult<Value> {
    let i = int_arg(&args.pos[0])?;
    Ok(Value::Int(64 - i.unsigned_abs().leading_zeros() as i64))
}

pub fn float_is_integer(_: &mut Interpreter, args: Args) -> PyResult<Value> {
    match args.pos[0] {
        Value::Float(f) => Ok(Value::Bool(f.is_finite() && f.fract() == 0.0)),
        _ => Ok(Value::Bool(true)),
    }
}
