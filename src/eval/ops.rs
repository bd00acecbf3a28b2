//! Operators with Python's semantics: arithmetic, unary operators and truthiness
//! (comparisons are in `compare`).
//!
//! Built-in operand types are handled directly; otherwise the left operand's special method
//! (or native `binary_op`) is tried, then the right operand's reflected one, so `0 + series`
//! works through the series' reflected add (needed by `sum(series_list)`).

use crate::syntax::ast::{BinOp, UnaryOp};

use super::error::{int_overflow, type_error, value_error, zero_division, PyResult};
use super::interp::Interpreter;
use super::value::{Args, Num, Value};

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
            a.checked_div(b).map(|q| {
                if a % b != 0 && ((a < 0) != (b < 0)) {
                    q - 1
                } else {
                    q
                }
            })
        }
        BinOp::Mod => {
            if b == 0 {
                return Err(zero_division("integer modulo by zero"));
            }
            a.checked_rem(b).map(|r| {
                if r != 0 && ((r < 0) != (b < 0)) {
                    r + b
                } else {
                    r
                }
            })
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
                a.checked_mul(1i64.checked_shl(b as u32).unwrap_or(0))
                    .filter(|_| b < 63)
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
                return Err(super::error::overflow_error(
                    "(34, 'Numerical result out of range')",
                ));
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
            (Bool(x), Bool(y)) if matches!(op, BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor) => {
                Ok(Bool(match op {
                    BinOp::BitAnd => x & y,
                    BinOp::BitOr => x | y,
                    _ => x ^ y,
                }))
            }
            (Int(_) | Bool(_), Int(_) | Bool(_)) => {
                let (Some(Num::Int(x)), Some(Num::Int(y))) = (a.as_number(), b.as_number()) else {
                    return Option::None;
                };
                int_op(op, x, y)
            }
            (Int(_) | Bool(_) | Float(_), Int(_) | Bool(_) | Float(_)) => {
                float_op(op, a.as_number()?.to_f64(), b.as_number()?.to_f64())
            }
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
            (Str(x), _) if op == BinOp::Mod => {
                super::builtins::str_format::percent_format(self, x, b)
            }
            (Str(_), _) if op == BinOp::Add && !matches!(b, Native(_) | Instance(_)) => {
                Err(type_error(format!(
                    "can only concatenate str (not \"{}\") to str",
                    b.type_name()
                )))
            }
            (List(x), List(y)) if op == BinOp::Add => {
                let mut v = x.borrow().clone();
                v.extend(y.borrow().iter().cloned());
                self.charge(v.len()).map(|_| Value::list(v))
            }
            (List(_), _) if op == BinOp::Add && !matches!(b, Native(_) | Instance(_)) => {
                Err(type_error(format!(
                    "can only concatenate list (not \"{}\") to list",
                    b.type_name()
                )))
            }
            (Tuple(x), Tuple(y)) if op == BinOp::Add => {
                let v: Vec<Value> = x.iter().chain(y.iter()).cloned().collect();
                self.charge(v.len()).map(|_| Value::tuple(v))
            }
            (Tuple(_), _) if op == BinOp::Add && !matches!(b, Native(_) | Instance(_)) => {
                Err(type_error(format!(
                    "can only concatenate tuple (not \"{}\") to tuple",
                    b.type_name()
                )))
            }
            (List(x), Int(n)) | (Int(n), List(x)) if op == BinOp::Mult => {
                let items = x.borrow().clone();
                repeat(self, &items, *n).map(Value::list)
            }
            (Tuple(x), Int(n)) | (Int(n), Tuple(x)) if op == BinOp::Mult => {
                repeat(self, x, *n).map(Value::tuple)
            }
            (Str(_) | List(_) | Tuple(_), _)
                if op == BinOp::Mult && !matches!(b, Native(_) | Instance(_)) =>
            {
                Err(type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    b.type_name()
                )))
            }
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
            Value::Instance(i) if i.class.lookup(name).is_some() => {
                return self.call_method(a, name, Args::positional(vec![b.clone()]))
            }
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
            (UnaryOp::USub, Value::Int(i)) => {
                return i.checked_neg().map(Value::Int).ok_or_else(int_overflow)
            }
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
}
