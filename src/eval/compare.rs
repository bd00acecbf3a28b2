//! Comparisons with Python's semantics: `==`, ordering, `is`, `in`, and `hash`.
//!
//! Built-in values compare structurally; instances consult their special methods and native
//! values their `compare` hook (which may return a non-bool, as ehrQL series do).

use std::cmp::Ordering;

use crate::syntax::ast::CmpOp;

use super::error::{type_error, PyResult};
use super::interp::Interpreter;
use super::value::{Args, Key, Value};

fn cmp_dunder(op: CmpOp) -> (&'static str, &'static str) {
    match op {
        CmpOp::Eq => ("__eq__", "__eq__"),
        CmpOp::NotEq => ("__ne__", "__ne__"),
        CmpOp::Lt => ("__lt__", "__gt__"),
        CmpOp::LtE => ("__le__", "__ge__"),
        CmpOp::Gt => ("__gt__", "__lt__"),
        CmpOp::GtE => ("__ge__", "__le__"),
        _ => ("", ""),
    }
}

impl Interpreter {
    /// `a == b` as a Rust bool (user `__eq__` and native comparisons consulted).
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if self.check_stack().is_err() {
            return Err(super::error::exception(
                "RecursionError",
                "maximum recursion depth exceeded in comparison",
            )
            .fatal());
        }
        match (a, b) {
            (Value::List(x), Value::List(y)) => {
                if std::rc::Rc::ptr_eq(x, y) {
                    return Ok(true);
                }
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                self.seq_eq(&x, &y)
            }
            (Value::Tuple(x), Value::Tuple(y)) => self.seq_eq(&x.clone(), &y.clone()),
            (Value::Dict(x), Value::Dict(y)) => {
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                if x.len() != y.len() {
                    return Ok(false);
                }
                for (k, v) in x.iter() {
                    match y.get(k) {
                        Some(w) => {
                            if !self.eq(v, w)? {
                                return Ok(false);
                            }
                        }
                        None => return Ok(false),
                    }
                }
                Ok(true)
            }
            (Value::Set(x), Value::Set(y)) => {
                let (x, y) = (x.borrow(), y.borrow());
                Ok(x.len() == y.len() && x.iter().all(|k| y.contains(k)))
            }
            (Value::Range(x), Value::Range(y)) => Ok(x.len() == y.len()
                && (x.is_empty() || (x.start == y.start && (x.len() == 1 || x.step == y.step)))),
            (Value::Instance(_), _)
            | (_, Value::Instance(_))
            | (Value::Native(_), _)
            | (_, Value::Native(_)) => {
                let r = self.compare(CmpOp::Eq, a, b)?;
                self.truthy(&r)
            }
            _ => Ok(super::value::key_eq(a, b)),
        }
    }

    fn seq_eq(&mut self, x: &[Value], y: &[Value]) -> PyResult<bool> {
        if x.len() != y.len() {
            return Ok(false);
        }
        for (p, q) in x.iter().zip(y) {
            if !(p.is(q) || self.eq(p, q)?) {
                return Ok(false);
            }
        }
        Ok(true)
    }

    pub fn compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        match op {
            CmpOp::Is => return Ok(Value::Bool(a.is(b))),
            CmpOp::IsNot => return Ok(Value::Bool(!a.is(b))),
            CmpOp::In | CmpOp::NotIn => return self.compare_in(op, a, b),
            _ => {}
        }
        let (name, rname) = cmp_dunder(op);
        let swapped = match op {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::LtE => CmpOp::GtE,
            CmpOp::GtE => CmpOp::LtE,
            o => o,
        };
        match a {
            Value::Native(n) => {
                if let Some(r) = n.clone().compare(a, op, b, self) {
                    return r;
                }
            }
            Value::Instance(i) if i.class.lookup(name).is_some() => {
                return self.call_method(a, name, Args::positional(vec![b.clone()]))
            }
            _ => {}
        }
        match b {
            Value::Native(n) => {
                if let Some(r) = n.clone().compare(b, swapped, a, self) {
                    return r;
                }
            }
            Value::Instance(i) if i.class.lookup(rname).is_some() => {
                return self.call_method(b, rname, Args::positional(vec![a.clone()]))
            }
            _ => {}
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(self.eq_fallback(a, b)?)),
            CmpOp::NotEq => {
                if let Value::Instance(i) = a {
                    if i.class.lookup("__eq__").is_some() {
                        let r = self.call_method(a, "__eq__", Args::positional(vec![b.clone()]))?;
                        return Ok(Value::Bool(!self.truthy(&r)?));
                    }
                }
                Ok(Value::Bool(!self.eq_fallback(a, b)?))
            }
            _ => {
                let ord = self.order(a, b, op)?;
                Ok(Value::Bool(match (op, ord) {
                    (_, None) => false,
                    (CmpOp::Lt, Some(o)) => o == Ordering::Less,
                    (CmpOp::LtE, Some(o)) => o != Ordering::Greater,
                    (CmpOp::Gt, Some(o)) => o == Ordering::Greater,
                    (_, Some(o)) => o != Ordering::Less,
                }))
            }
        }
    }

    fn eq_fallback(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        match (a, b) {
            (Value::Instance(_), _)
            | (_, Value::Instance(_))
            | (Value::Native(_), _)
            | (_, Value::Native(_)) => Ok(a.is(b)),
            _ => self.eq(a, b),
        }
    }

    /// Ordering of built-in values; `None` for unordered floats (NaN).
    pub fn order(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Option<Ordering>> {
        if let (Some(x), Some(y)) = (a.as_number(), b.as_number()) {
            return Ok(x.partial_cmp(&y));
        }
        match (a, b) {
            (Value::Str(x), Value::Str(y)) => Ok(Some(x.cmp(y))),
            (Value::List(x), Value::List(y)) => {
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                self.seq_order(&x, &y, op)
            }
            (Value::Tuple(x), Value::Tuple(y)) => self.seq_order(&x.clone(), &y.clone(), op),
            (Value::Set(x), Value::Set(y)) => {
                let (x, y) = (x.borrow(), y.borrow());
                let sub = x.iter().all(|k| y.contains(k));
                let sup = y.iter().all(|k| x.contains(k));
                Ok(match (sub, sup) {
                    (true, true) => Some(Ordering::Equal),
                    (true, false) => Some(Ordering::Less),
                    (false, true) => Some(Ordering::Greater),
                    _ => None,
                })
            }
            _ => Err(type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                a.type_name(),
                b.type_name()
            ))),
        }
    }

    fn seq_order(&mut self, x: &[Value], y: &[Value], op: CmpOp) -> PyResult<Option<Ordering>> {
        for (p, q) in x.iter().zip(y) {
            if !self.eq(p, q)? {
                return self.order_any(p, q, op);
            }
        }
        Ok(Some(x.len().cmp(&y.len())))
    }

    /// Ordering that also consults user `__lt__` (for sorting instances).
    pub fn order_any(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Option<Ordering>> {
        match (a, b) {
            (Value::Instance(_) | Value::Native(_), _)
            | (_, Value::Instance(_) | Value::Native(_)) => {
                let lt = self.compare(CmpOp::Lt, a, b)?;
                if self.truthy(&lt)? {
                    return Ok(Some(Ordering::Less));
                }
                let gt = self.compare(CmpOp::Lt, b, a)?;
                Ok(Some(if self.truthy(&gt)? {
                    Ordering::Greater
                } else {
                    Ordering::Equal
                }))
            }
            _ => self.order(a, b, op),
        }
    }

    /// `hash(v)` for the `hash` builtin.
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        use std::hash::{Hash, Hasher};
        self.check_hashable(v)?;
        match v {
            Value::Int(i) => Ok(crate::eval::builtins::sets::cpython_int_hash(*i)),
            Value::Bool(b) => Ok(*b as i64),
            Value::Float(f) if f.fract() == 0.0 && f.abs() < 9.2e18 => {
                Ok(crate::eval::builtins::sets::cpython_int_hash(*f as i64))
            }
            _ => {
                let mut h = std::collections::hash_map::DefaultHasher::new();
                Key(v.clone()).hash(&mut h);
                Ok(h.finish() as i64 >> 1)
            }
        }
    }
}
