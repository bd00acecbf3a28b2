//! Item access, slicing, iteration and `len` for every value kind.

use std::rc::Rc;

use super::error::{index_error, key_error, stop_iteration, type_error, value_error, PyResult};
use super::interp::Interpreter;
use super::value::{Args, IterState, Key, RangeObj, SliceObj, Value};

/// Resolves a slice against a length: the indices it selects, in order.
pub fn slice_indices(it: &mut Interpreter, s: &SliceObj, len: usize) -> PyResult<Vec<usize>> {
    let get = |v: &Value| -> PyResult<Option<i64>> {
        match v {
            Value::None => Ok(None),
            Value::Int(i) => Ok(Some(*i)),
            Value::Bool(b) => Ok(Some(*b as i64)),
            _ => Err(type_error(
                "slice indices must be integers or None or have an __index__ method",
            )),
        }
    };
    let step = get(&s.step)?.unwrap_or(1);
    if step == 0 {
        return Err(value_error("slice step cannot be zero"));
    }
    let n = len as i64;
    let clamp = |i: i64, lo: i64, hi: i64| -> i64 {
        let i = if i < 0 { i + n } else { i };
        i.clamp(lo, hi)
    };
    let mut out = Vec::new();
    if step > 0 {
        let start = get(&s.lower)?.map(|i| clamp(i, 0, n)).unwrap_or(0);
        let stop = get(&s.upper)?.map(|i| clamp(i, 0, n)).unwrap_or(n);
        let mut i = start;
        while i < stop {
            out.push(i as usize);
            i += step;
        }
    } else {
        let start = get(&s.lower)?.map(|i| clamp(i, -1, n - 1)).unwrap_or(n - 1);
        let stop = get(&s.upper)?.map(|i| clamp(i, -1, n - 1)).unwrap_or(-1);
        let mut i = start;
        while i > stop {
            out.push(i as usize);
            i += step;
        }
    }
    it.charge(out.len())?;
    Ok(out)
}

fn index_of(key: &Value, len: usize, what: &str) -> PyResult<Option<usize>> {
    let i = match key {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        _ => return Ok(None),
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(index_error(format!("{what} index out of range")));
    }
    Ok(Some(j as usize))
}

impl Interpreter {
    pub fn getitem(&mut self, obj: &Value, key: &Value) -> PyResult<Value> {
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = key {
                    let len = l.borrow().len();
                    let idx = slice_indices(self, s, len)?;
                    let l = l.borrow();
                    return Ok(Value::list(idx.into_iter().map(|i| l[i].clone()).collect()));
                }
                let len = l.borrow().len();
                match index_of(key, len, "list")? {
                    Some(i) => Ok(l.borrow()[i].clone()),
                    None => Err(type_error(format!(
                        "list indices must be integers or slices, not {}",
                        key.type_name()
                    ))),
                }
            }
            Value::Tuple(t) => {
                if let Value::Slice(s) = key {
                    let idx = slice_indices(self, s, t.len())?;
                    return Ok(Value::tuple(
                        idx.into_iter().map(|i| t[i].clone()).collect(),
                    ));
                }
                match index_of(key, t.len(), "tuple")? {
                    Some(i) => Ok(t[i].clone()),
                    None => Err(type_error(format!(
                        "tuple indices must be integers or slices, not {}",
                        key.type_name()
                    ))),
                }
            }
            Value::Str(s) => {
                let chars: Vec<char> = s.chars().collect();
                if let Value::Slice(sl) = key {
                    let idx = slice_indices(self, sl, chars.len())?;
                    return Ok(Value::str(
                        &idx.into_iter().map(|i| chars[i]).collect::<String>(),
                    ));
                }
                match index_of(key, chars.len(), "string")? {
                    Some(i) => Ok(Value::str(&chars[i].to_string())),
                    None => Err(type_error(format!(
                        "string indices must be integers, not '{}'",
                        key.type_name()
                    ))),
                }
            }
            Value::Dict(d) => {
                self.check_hashable(key)?;
                let found = d.borrow().get(&Key(key.clone())).cloned();
                found.ok_or_else(|| key_error(key.clone()))
            }
            Value::Range(r) => {
                if let Value::Slice(s) = key {
                    let idx = slice_indices(self, s, r.len())?;
                    let step = r.step * s.step.as_number().map(|n| n.to_f64() as i64).unwrap_or(1);
                    let start = idx.first().map(|i| r.get(*i)).unwrap_or(r.start);
                    let stop = start + step * idx.len() as i64;
                    return Ok(Value::Range(Rc::new(RangeObj { start, stop, step })));
                }
                match index_of(key, r.len(), "range object")? {
                    Some(i) => Ok(Value::Int(r.get(i))),
                    None => Err(type_error(format!(
                        "range indices must be integers or slices, not {}",
                        key.type_name()
                    ))),
                }
            }
            Value::Instance(_) if self.has_dunder(obj, "__getitem__") => {
                self.call_method(obj, "__getitem__", Args::positional(vec![key.clone()]))
            }
            Value::Native(n) => match n.clone().getitem(obj, key, self) {
                Some(r) => r,
                None => Err(type_error(format!(
                    "'{}' object is not subscriptable",
                    n.type_name()
                ))),
            },
            // `list[int]` and friends in annotations and aliases: the class itself stands in.
            Value::Class(c) if c.builtin.is_some() => Ok(obj.clone()),
            Value::Class(c) if c.lookup("__class_getitem__").is_some() => self.call_method(
                obj,
                "__class_getitem__",
                Args::positional(vec![key.clone()]),
            ),
            Value::Class(c) => Err(type_error(format!(
                "type '{}' is not subscriptable",
                c.name
            ))),
            _ => Err(type_error(format!(
                "'{}' object is not subscriptable",
                obj.type_name()
            ))),
        }
    }

    pub fn setitem(&mut self, obj: &Value, key: Value, value: Value) -> PyResult<()> {
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = &key {
                    let items = self.iterate(&value)?;
                    let len = l.borrow().len();
                    let idx = slice_indices(self, s, len)?;
                    let step_one = matches!(s.step, Value::None | Value::Int(1));
                    if step_one {
                        let start = match &s.lower {
                            Value::None => 0,
                            _ => idx.first().copied().unwrap_or_else(|| {
                                let lo =
                                    s.lower.as_number().map(|n| n.to_f64() as i64).unwrap_or(0);
                                (if lo < 0 { lo + len as i64 } else { lo }).clamp(0, len as i64)
                                    as usize
                            }),
                        };
                        let end = start + idx.len();
                        l.borrow_mut().splice(start..end, items);
                        return Ok(());
                    }
                    if items.len() != idx.len() {
                        return Err(value_error(format!(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            items.len(),
                            idx.len()
                        )));
                    }
                    let mut l = l.borrow_mut();
                    for (i, v) in idx.into_iter().zip(items) {
                        l[i] = v;
                    }
                    return Ok(());
                }
                let len = l.borrow().len();
                match index_of(&key, len, "list assignment") {
                    Ok(Some(i)) => {
                        l.borrow_mut()[i] = value;
                        Ok(())
                    }
                    Ok(None) => Err(type_error(format!(
                        "list indices must be integers or slices, not {}",
                        key.type_name()
                    ))),
                    Err(e) => Err(e),
                }
            }
            Value::Dict(d) => {
                let k = self.hashable(key)?;
                self.charge(1)?;
                d.borrow_mut().insert(k, value);
                Ok(())
            }
            Value::Instance(_) if self.has_dunder(obj, "__setitem__") => {
                self.call_method(obj, "__setitem__", Args::positional(vec![key, value]))?;
                Ok(())
            }
            _ => Err(type_error(format!(
                "'{}' object does not support item assignment",
                obj.type_name()
            ))),
        }
    }

    pub fn delitem(&mut self, obj: &Value, key: &Value) -> PyResult<()> {
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = key {
                    let len = l.borrow().len();
                    let mut idx = slice_indices(self, s, len)?;
                    idx.sort_unstable();
                    let mut l = l.borrow_mut();
                    for i in idx.into_iter().rev() {
                        l.remove(i);
                    }
                    return Ok(());
                }
                let len = l.borrow().len();
                match index_of(key, len, "list assignment")? {
                    Some(i) => {
                        l.borrow_mut().remove(i);
                        Ok(())
                    }
                    None => Err(type_error(format!(
                        "list indices must be integers or slices, not {}",
                        key.type_name()
                    ))),
                }
            }
            Value::Dict(d) => {
                self.check_hashable(key)?;
                let removed = d.borrow_mut().shift_remove(&Key(key.clone()));
                removed.map(|_| ()).ok_or_else(|| key_error(key.clone()))
            }
            Value::Instance(_) if self.has_dunder(obj, "__delitem__") => {
                self.call_method(obj, "__delitem__", Args::positional(vec![key.clone()]))?;
                Ok(())
            }
            _ => Err(type_error(format!(
                "'{}' object doesn't support item deletion",
                obj.type_name()
            ))),
        }
    }

    /// `iter(v)`: an iterator value.
    pub fn get_iter(&mut self, v: &Value) -> PyResult<Value> {
        let state = match v {
            Value::List(l) => IterState::List(l.clone(), 0),
            Value::Range(r) => IterState::Range {
                next: r.start,
                stop: r.stop,
                step: r.step,
            },
            Value::Iter(_) => return Ok(v.clone()),
            Value::Instance(i) if i.class.lookup("__iter__").is_some() => {
                return self.call_method(v, "__iter__", Args::default())
            }
            Value::Instance(i) if i.class.lookup("__next__").is_some() => return Ok(v.clone()),
            _ => IterState::Items(self.iterate(v)?, 0),
        };
        Ok(Value::iter(state))
    }

    /// `next(it)`: `None` when exhausted.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        match it {
            Value::Iter(state) => Ok(state.borrow_mut().next_value()),
            Value::Instance(_) => match self.call_method(it, "__next__", Args::default()) {
                Ok(v) => Ok(Some(v)),
                Err(e) if e.is("StopIteration") => Ok(None),
                Err(e) => Err(e),
            },
            _ => Err(type_error(format!(
                "'{}' object is not an iterator",
                it.type_name()
            ))),
        }
    }

    /// All items of an iterable, materialised.
    pub fn iterate(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        let items = match v {
            Value::List(l) => l.borrow().clone(),
            Value::Tuple(t) => t.to_vec(),
            Value::Str(s) => s
                .chars()
                .map(|c| Value::str(c.encode_utf8(&mut [0; 4])))
                .collect(),
            Value::Dict(d) => d.borrow().keys().map(|k| k.0.clone()).collect(),
            Value::Set(s) => super::builtins::sets::ordered(&s.borrow()),
            Value::Range(r) => {
                self.charge(r.len())?;
                (0..r.len()).map(|i| Value::Int(r.get(i))).collect()
            }
            Value::Iter(state) => {
                let mut out = Vec::new();
                loop {
                    let next = state.borrow_mut().next_value();
                    match next {
                        Some(x) => {
                            out.push(x);
                            self.charge(1)?;
                        }
                        None => break,
                    }
                }
                out
            }
            Value::Native(n) => match n.clone().iter(v, self) {
                Some(r) => r?,
                None => {
                    return Err(type_error(format!(
                        "'{}' object is not iterable",
                        n.type_name()
                    )))
                }
            },
            Value::Instance(i)
                if i.class.lookup("__iter__").is_some() || i.class.lookup("__next__").is_some() =>
            {
                let it = self.get_iter(v)?;
                if let Value::Iter(_) = it {
                    return self.iterate(&it);
                }
                let mut out = Vec::new();
                while let Some(x) = self.next(&it)? {
                    self.step()?;
                    self.charge(1)?;
                    out.push(x);
                }
                out
            }
            _ => {
                return Err(type_error(format!(
                    "'{}' object is not iterable",
                    v.type_name()
                )))
            }
        };
        Ok(items)
    }

    /// `len(v)`.
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        Ok(match v {
            Value::List(l) => l.borrow().len(),
            Value::Tuple(t) => t.len(),
            Value::Str(s) => s.chars().count(),
            Value::Dict(d) => d.borrow().len(),
            Value::Set(s) => s.borrow().len(),
            Value::Range(r) => r.len(),
            Value::Native(n) => match n.len() {
                Some(l) => l,
                None => {
                    return Err(type_error(format!(
                        "object of type '{}' has no len()",
                        n.type_name()
                    )))
                }
            },
            Value::Instance(i) if i.class.lookup("__len__").is_some() => {
                match self.call_method(v, "__len__", Args::default())? {
                    Value::Int(n) if n >= 0 => n as usize,
                    _ => return Err(type_error("'__len__' should return a non-negative integer")),
                }
            }
            _ => {
                return Err(type_error(format!(
                    "object of type '{}' has no len()",
                    v.type_name()
                )))
            }
        })
    }

    /// `next()` that raises `StopIteration`, for the builtin.
    pub fn next_or_stop(&mut self, it: &Value) -> PyResult<Value> {
        self.next(it)?.ok_or_else(stop_iteration)
    }
}
