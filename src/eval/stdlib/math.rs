//! `math`: the functions and constants studies use.

use super::{add_functions, set};
use crate::eval::builtins::{arity, int_arg};
use crate::eval::error::{type_error, value_error, PyResult};
use crate::eval::interp::Interpreter;
use crate::eval::value::{Args, Value};

fn num(v: &Value) -> PyResult<f64> {
    v.as_number()
        .map(|n| n.to_f64())
        .ok_or_else(|| type_error(format!("must be real number, not {}", v.type_name())))
}

fn float1(args: &Args, name: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    arity(name, args, 1, 1)?;
    Ok(Value::Float(f(num(&args.pos[0])?)))
}

fn to_int(x: f64) -> PyResult<Value> {
    if !x.is_finite() {
        return Err(if x.is_nan() {
            value_error("cannot convert float NaN to integer")
        } else {
            crate::eval::error::overflow_error("cannot convert float infinity to integer")
        });
    }
    Ok(Value::Int(x as i64))
}

pub fn init(_: &mut Interpreter, ns: &Namespace) -> PyResult<()> {
    set(ns, "pi", Value::Float(std::f64::consts::PI));
    set(ns, "e", Value::Float(std::f64::consts::E));
    set(ns, "tau", Value::Float(std::f64::consts::TAU));
    set(ns, "inf", Value::Float(f64::INFINITY));
    set(ns, "nan", Value::Float(f64::NAN));
    add_functions(
        ns,
        &[
            ("floor", |_, a| {
                arity("floor", &a, 1, 1)?;
                match &a.pos[0] {
                    v @ (Value::Int(_) | Value::Bool(_)) => Ok(Value::Int(int_arg(v)?)),
                    v => to_int(num(v)?.floor()),
                }
            }),
            ("ceil", |_, a| {
                arity("ceil", &a, 1, 1)?;
                match &a.pos[0] {
                    v @ (Value::Int(_) | Value::Bool(_)) => Ok(Value::Int(int_arg(v)?)),
                    v => to_int(num(v)?.ceil()),
                }
            }),
            ("trunc", |_, a| {
                arity("trunc", &a, 1, 1)?;
                to_int(num(&a.pos[0])?.trunc())
            }),
            ("sqrt", |_, a| {
                arity("sqrt", &a, 1, 1)?;
                let x = num(&a.pos[0])?;
                if x < 0.0 {
                    return Err(value_error("math domain error"));
                }
                Ok(Value::Float(x.sqrt()))
            }),
            ("log", |_, a| {
                arity("log", &a, 1, 2)?;
                let x = num(&a.pos[0])?;
                if x <= 0.0 {
                    return Err(value_error("math domain error"));
                }
                Ok(Value::Float(match a.pos.get(1) {
                    Some(b) => x.ln() / num(b)?.ln(),
                    None => x.ln(),
                }))
            }),
            ("log10", |_, a| float1(&a, "log10", f64::log10)),
            ("log2", |_, a| float1(&a, "log2", f64::log2)),
            ("exp", |_, a| float1(&a, "exp", f64::exp)),
            ("fabs", |_, a| float1(&a, "fabs", f64::abs)),
            ("sin", |_, a| float1(&a, "sin", f64::sin)),
            ("cos", |_, a| float1(&a, "cos", f64::cos)),
            ("tan", |_, a| float1(&a, "tan", f64::tan)),
            ("pow", |_, a| {
                arity("pow", &a, 2, 2)?;
                Ok(Value::Float(num(&a.pos[0])?.powf(num(&a.pos[1])?)))
            }),
            ("isnan", |_, a| {
                arity("isnan", &a, 1, 1)?;
                Ok(Value::Bool(num(&a.pos[0])?.is_nan()))
            }),
            ("isinf", |_, a| {
                arity("isinf", &a, 1, 1)?;
                Ok(Value::Bool(num(&a.pos[0])?.is_infinite()))
            }),
            ("isfinite", |_, a| {
                arity("isfinite", &a, 1, 1)?;
                Ok(Value::Bool(num(&a.pos[0])?.is_finite()))
            }),
            ("isclose", |_, mut a| {
                let rel = a
                    .take_kw("rel_tol")
                    .map(|v| num(&v))
                    .transpose()?
                    .unwrap_or(1e-9);
                let abs = a
                    .take_kw("abs_tol")
                    .map(|v| num(&v))
                    .transpose()?
                    .unwrap_or(0.0);
                arity("isclose", &a, 2, 2)?;
                let (x, y) = (num(&a.pos[0])?, num(&a.pos[1])?);
                Ok(Value::Bool(
                    x == y || (x - y).abs() <= (rel * x.abs().max(y.abs())).max(abs),
                ))
            }),
            ("gcd", |_, a| {
                let mut g: i64 = 0;
                for v in &a.pos {
                    let mut x = int_arg(v)?.abs();
                    let mut y = g;
                    while y != 0 {
                        (x, y) = (y, x % y);
                    }
                    g = x;
                }
                Ok(Value::Int(g))
            }),
            ("prod", |it, a| {
                arity("prod", &a, 1, 1)?;
                let mut acc = Value::Int(1);
                for v in it.iterate(&a.pos[0])? {
                    acc = it.binary_op(crate::syntax::ast::BinOp::Mult, &acc, &v)?;
                }
                Ok(acc)
            }),
            ("fsum", |it, a| {
                arity("fsum", &a, 1, 1)?;
                let mut total = 0.0;
                for v in it.iterate(&a.pos[0])? {
                    total += num(&v)?;
                }
                Ok(Value::Float(total))
            }),
            ("factorial", |_, a| {
                arity("factorial", &a, 1, 1)?;
                let n = int_arg(&a.pos[0])?;
                if n < 0 {
                    return Err(value_error("factorial() not defined for negative values"));
                }
                let mut acc: i64 = 1;
                for k in 2..=n {
                    acc = acc
                        .checked_mul(k)
                        .ok_or_else(crate::eval::error::int_overflow)?;
                }
                Ok(Value::Int(acc))
            }),
        ],
    );
    Ok(())
}

use crate::eval::value::Namespace;
