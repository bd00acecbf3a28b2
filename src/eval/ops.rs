//! Operators with Python's semantics: arithmetic, comparison, equality and truthiness.
//!
//! Built-in operand types are handled directly; otherwise the left operand's special method
//! (or native `binary_op`) is tried, then the right operand's reflected one, so `0 + series`
//! works through the series' reflected add (needed by `sum(series_list)`).

use std::cmp::Ordering;

use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};

use super::error::{int_overflow, type_error, value_error, zero_division, PyResult};
use super::interp::Interpreter;
use super::value::{Args, Key, Num, Value};

pub fn dunder_name(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "__add__",
        BinOp::Sub => "__sub__",
        BinOp::Mult => "__mul__",
        BinOp::MatMult => "__matmul__",
        BinOp::Div => "__truediv__",
        BinOp::FloorDiv => "__floordiv__",
        BinOp::Mod => "__mod__",
        BinOp::Pow => "__pow__",
        BinOp::LShift => "__lshift__",
        BinOp::RShift => "__rshift__",
        BinOp::BitOr => "__or__",
        BinOp::BitXor => "__xor__",
        BinOp::BitAnd => "__and__",
    }
}

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

fn int_op(op: BinOp, a: i64, b: i64) -> PyResult<Value> {
    let r = match op {
        BinOp::Add => a.checked_add(b),
        BinOp::Sub => a.checked_sub(b),
        BinOp::Mult => a.checked_mul(b),
        BinOp::Div => {
            if b == 0 {
                return Err(zero_division("division by zero"));
            }
            return Ok(Value::Float(a as f64 / b as f64));
        }
        BinOp::FloorDiv => {
            if b == 0 {
                return Err(zero_division("integer division or modulo by zero"));
            }
            a.checked_div(b).map(|q| if a % b != 0 && ((a < 0) != (b < 0)) { q - 1 } else { q })
        }
        BinOp::Mod => {
            if b == 0 {
                return Err(zero_division("integer modulo by zero"));
            }
            a.checked_rem(b).map(|r| if r != 0 && ((r < 0) != (b < 0)) { r + b } else { r })
        }
        BinOp::Pow => {
            if b < 0 {
                if a == 0 {
                    return Err(zero_division("0.0 cannot be raised to a negative power"));
                }
                return Ok(Value::Float((a as f64).powf(b as f64)));
            }
            u32::try_from(b).ok().and_then(|e| a.checked_pow(e))
        }
        BinOp::LShift => {
            if b < 0 {
                return Err(value_error("negative shift count"));
            }
            if b >= 64 {
                if a == 0 {
                    Some(0)
                } else {
                    None
                }
            } else {
                a.checked_mul(1i64.checked_shl(b as u32).unwrap_or(0)).filter(|_| b < 63)
            }
        }
        BinOp::RShift => {
            if b < 0 {
                return Err(value_error("negative shift count"));
            }
            Some(if b >= 64 {
                if a < 0 {
                    -1
                } else {
                    0
                }
            } else {
                a >> b
            })
        }
        BinOp::BitOr => Some(a | b),
        BinOp::BitXor => Some(a ^ b),
        BinOp::BitAnd => Some(a & b),
        BinOp::MatMult => return Err(unsupported(op, &Value::Int(a), &Value::Int(b))),
    };
    r.map(Value::Int).ok_or_else(int_overflow)
}

fn float_op(op: BinOp, a: f64, b: f64) -> PyResult<Value> {
    Ok(Value::Float(match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mult => a * b,
        BinOp::Div => {
            if b == 0.0 {
                return Err(zero_division("float division by zero"));
            }
            a / b
        }
        BinOp::FloorDiv => {
            if b == 0.0 {
                return Err(zero_division("float floor division by zero"));
            }
            (a / b).floor()
        }
        BinOp::Mod => {
            if b == 0.0 {
                return Err(zero_division("float modulo by zero"));
            }
            let r = a % b;
            if r != 0.0 && ((r < 0.0) != (b < 0.0)) {
                r + b
            } else {
                r
            }
        }
        BinOp::Pow => {
            if a == 0.0 && b < 0.0 {
                return Err(zero_division("0.0 cannot be raised to a negative power"));
            }
            if a < 0.0 && b.fract() != 0.0 {
                return Err(value_error("complex results are not supported"));
            }
            let r = a.powf(b);
            if r.is_infinite() && a.is_finite() && b.is_finite() {
                return Err(super::error::overflow_error("(34, 'Numerical result out of range')"));
            }
            r
        }
        _ => return Err(unsupported(op, &Value::Float(a), &Value::Float(b))),
    }))
}

pub fn unsupported(op: BinOp, a: &Value, b: &Value) -> super::error::PyErr {
    type_error(format!(
        "unsupported operand type(s) for {}: '{}' and '{}'",
        op.symbol(),
        a.type_name(),
        b.type_name()
    ))
}

fn repeat(it: &mut Interpreter, items: &[Value], n: i64) -> PyResult<Vec<Value>> {
    let n = n.max(0) as usize;
    it.charge(items.len().saturating_mul(n))?;
    let mut out = Vec::with_capacity(items.len() * n);
    for _ in 0..n {
        out.extend_from_slice(items);
    }
    Ok(out)
}

impl Interpreter {
    fn builtin_binop(&mut self, op: BinOp, a: &Value, b: &Value) -> Option<PyResult<Value>> {
        use Value::*;
        Some(match (a, b) {
            (Bool(x), Bool(y)) if matches!(op, BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor) => Ok(Bool(match op {
                BinOp::BitAnd => x & y,
                BinOp::BitOr => x | y,
                _ => x ^ y,
            })),
            (Int(_) | Bool(_), Int(_) | Bool(_)) => {
                let (Some(Num::Int(x)), Some(Num::Int(y))) = (a.as_number(), b.as_number()) else {
                    return Option::None;
                };
                int_op(op, x, y)
            }
            (Int(_) | Bool(_) | Float(_), Int(_) | Bool(_) | Float(_)) => float_op(op, a.as_number()?.to_f64(), b.as_number()?.to_f64()),
            (Str(x), Str(y)) if op == BinOp::Add => {
                if let Err(e) = self.charge(x.len() + y.len()) {
                    return Some(Err(e));
                }
                let mut s = String::with_capacity(x.len() + y.len());
                s.push_str(x);
                s.push_str(y);
                Ok(Value::str(&s))
            }
            (Str(x), Int(n)) | (Int(n), Str(x)) if op == BinOp::Mult => {
                let n = (*n).max(0) as usize;
                match self.charge(x.len().saturating_mul(n)) {
                    Ok(()) => Ok(Value::str(&x.repeat(n))),
                    Err(e) => Err(e),
                }
            }
            (Str(x), _) if op == BinOp::Mod => super::builtins::str_format::percent_format(self, x, b),
            (Str(_), _) if op == BinOp::Add && !matches!(b, Native(_) | Instance(_)) => {
                Err(type_error(format!("can only concatenate str (not \"{}\") to str", b.type_name())))
            }
            (List(x), List(y)) if op == BinOp::Add => {
                let mut v = x.borrow().clone();
                v.extend(y.borrow().iter().cloned());
                self.charge(v.len()).map(|_| Value::list(v))
            }
            (List(_), _) if op == BinOp::Add && !matches!(b, Native(_) | Instance(_)) => {
                Err(type_error(format!("can only concatenate list (not \"{}\") to list", b.type_name())))
            }
            (Tuple(x), Tuple(y)) if op == BinOp::Add => {
                let v: Vec<Value> = x.iter().chain(y.iter()).cloned().collect();
                self.charge(v.len()).map(|_| Value::tuple(v))
            }
            (Tuple(_), _) if op == BinOp::Add && !matches!(b, Native(_) | Instance(_)) => Err(type_error(format!(
                "can only concatenate tuple (not \"{}\") to tuple",
                b.type_name()
            ))),
            (List(x), Int(n)) | (Int(n), List(x)) if op == BinOp::Mult => {
                let items = x.borrow().clone();
                repeat(self, &items, *n).map(Value::list)
            }
            (Tuple(x), Int(n)) | (Int(n), Tuple(x)) if op == BinOp::Mult => repeat(self, x, *n).map(Value::tuple),
            (Str(_) | List(_) | Tuple(_), _) if op == BinOp::Mult && !matches!(b, Native(_) | Instance(_)) => Err(type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                b.type_name()
            ))),
            (Dict(x), Dict(y)) if op == BinOp::BitOr => {
                let mut d = x.borrow().clone();
                for (k, v) in y.borrow().iter() {
                    d.insert(k.clone(), v.clone());
                }
                Ok(Value::dict(d))
            }
            (Set(x), Set(y)) => {
                let (x, y) = (x.borrow(), y.borrow());
                let s: super::value::Set = match op {
                    BinOp::BitOr => x.iter().chain(y.iter()).cloned().collect(),
                    BinOp::BitAnd => x.iter().filter(|k| y.contains(*k)).cloned().collect(),
                    BinOp::Sub => x.iter().filter(|k| !y.contains(*k)).cloned().collect(),
                    BinOp::BitXor => x
                        .iter()
                        .filter(|k| !y.contains(*k))
                        .chain(y.iter().filter(|k| !x.contains(*k)))
                        .cloned()
                        .collect(),
                    _ => return Option::None,
                };
                Ok(Value::set(s))
            }
            _ => return Option::None,
        })
    }

    pub fn binary_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        if let Some(r) = self.builtin_binop(op, a, b) {
            return r;
        }
        let name = dunder_name(op);
        match a {
            Value::Instance(i) if i.class.lookup(name).is_some() => return self.call_method(a, name, Args::positional(vec![b.clone()])),
            Value::Native(n) => {
                if let Some(r) = n.clone().binary_op(a, op, b, false, self) {
                    return r;
                }
            }
            _ => {}
        }
        let rname = format!("__r{}", &name[2..]);
        match b {
            Value::Instance(i) if i.class.lookup(&rname).is_some() => {
                return self.call_method(b, &rname, Args::positional(vec![a.clone()]))
            }
            Value::Native(n) => {
                if let Some(r) = n.clone().binary_op(b, op, a, true, self) {
                    return r;
                }
            }
            _ => {}
        }
        Err(unsupported(op, a, b))
    }

    pub fn unary_op(&mut self, op: UnaryOp, v: &Value) -> PyResult<Value> {
        match (op, v) {
            (UnaryOp::Not, _) => return Ok(Value::Bool(!self.truthy(v)?)),
            (UnaryOp::USub, Value::Int(i)) => return i.checked_neg().map(Value::Int).ok_or_else(int_overflow),
            (UnaryOp::USub, Value::Bool(b)) => return Ok(Value::Int(-(*b as i64))),
            (UnaryOp::USub, Value::Float(f)) => return Ok(Value::Float(-f)),
            (UnaryOp::UAdd, Value::Int(_) | Value::Float(_)) => return Ok(v.clone()),
            (UnaryOp::UAdd, Value::Bool(b)) => return Ok(Value::Int(*b as i64)),
            (UnaryOp::Invert, Value::Int(i)) => return Ok(Value::Int(!i)),
            (UnaryOp::Invert, Value::Bool(b)) => return Ok(Value::Int(!(*b as i64))),
            (_, Value::Native(n)) => {
                if let Some(r) = n.clone().unary_op(v, op, self) {
                    return r;
                }
            }
            (_, Value::Instance(_)) => {
                let name = match op {
                    UnaryOp::USub => "__neg__",
                    UnaryOp::UAdd => "__pos__",
                    _ => "__invert__",
                };
                if self.has_dunder(v, name) {
                    return self.call_method(v, name, Args::default());
                }
            }
            _ => {}
        }
        Err(type_error(format!(
            "bad operand type for unary {}: '{}'",
            op.symbol(),
            v.type_name()
        )))
    }

    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Dict(d) => !d.borrow().is_empty(),
            Value::Set(s) => !s.borrow().is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::Native(n) => return n.clone().truthy(self),
            Value::Instance(i) => {
                if i.class.lookup("__bool__").is_some() {
                    let r = self.call_method(v, "__bool__", Args::default())?;
                    return self.truthy(&r);
                }
                if i.class.lookup("__len__").is_some() {
                    let r = self.call_method(v, "__len__", Args::default())?;
                    return self.truthy(&r);
                }
                true
            }
            _ => true,
        })
    }

    /// `a == b` as a Rust bool (user `__eq__` and native comparisons consulted).
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if self.check_stack().is_err() {
            return Err(super::error::exception("RecursionError", "maximum recursion depth exceeded in comparison").fatal());
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
            (Value::Range(x), Value::Range(y)) => {
                Ok(x.len() == y.len() && (x.is_empty() || (x.start == y.start && (x.len() == 1 || x.step == y.step))))
            }
            (Value::Instance(_), _) | (_, Value::Instance(_)) | (Value::Native(_), _) | (_, Value::Native(_)) => {
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
            Value::Instance(i) if i.class.lookup(name).is_some() => return self.call_method(a, name, Args::positional(vec![b.clone()])),
            _ => {}
        }
        match b {
            Value::Native(n) => {
                if let Some(r) = n.clone().compare(b, swapped, a, self) {
                    return r;
                }
            }
            Value::Instance(i) if i.class.lookup(rname).is_some() => return self.call_method(b, rname, Args::positional(vec![a.clone()])),
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
            (Value::Instance(_), _) | (_, Value::Instance(_)) | (Value::Native(_), _) | (_, Value::Native(_)) => Ok(a.is(b)),
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
            (Value::Instance(_) | Value::Native(_), _) | (_, Value::Instance(_) | Value::Native(_)) => {
                let lt = self.compare(CmpOp::Lt, a, b)?;
                if self.truthy(&lt)? {
                    return Ok(Some(Ordering::Less));
                }
                let gt = self.compare(CmpOp::Lt, b, a)?;
                Ok(Some(if self.truthy(&gt)? { Ordering::Greater } else { Ordering::Equal }))
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
            Value::Float(f) if f.fract() == 0.0 && f.abs() < 9.2e18 => Ok(crate::eval::builtins::sets::cpython_int_hash(*f as i64)),
            _ => {
                let mut h = std::collections::hash_map::DefaultHasher::new();
                Key(v.clone()).hash(&mut h);
                Ok(h.finish() as i64 >> 1)
            }
        }
    }
}
