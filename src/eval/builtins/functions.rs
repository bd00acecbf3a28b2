//! Built-in functions: `len`, `range`, `sorted`, `print`, `getattr`, ...

use std::rc::Rc;

use super::iteration;
use super::{arity, int_arg, no_kwargs, str_arg};
use crate::eval::classes::{class_of, isinstance};
use crate::eval::error::{attribute_error, type_error, value_error, PyResult};
use crate::eval::interp::Interpreter;
use crate::eval::value::{Args, BuiltinFn, Property, RangeObj, Value};
use crate::syntax::ast::{BinOp, CmpOp};

pub const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("len", len),
    ("range", range),
    ("zip", iteration::zip),
    ("enumerate", iteration::enumerate),
    ("sorted", iteration::sorted),
    ("reversed", iteration::reversed),
    ("sum", iteration::sum),
    ("min", iteration::min),
    ("max", iteration::max),
    ("any", iteration::any),
    ("all", iteration::all),
    ("abs", abs),
    ("round", round),
    ("isinstance", isinstance_fn),
    ("issubclass", issubclass),
    ("getattr", getattr),
    ("setattr", setattr),
    ("hasattr", hasattr),
    ("delattr", delattr),
    ("print", print),
    ("repr", repr),
    ("ascii", ascii),
    ("map", iteration::map),
    ("filter", iteration::filter),
    ("iter", iteration::iter),
    ("next", iteration::next),
    ("divmod", divmod),
    ("vars", vars),
    ("hash", hash),
    ("id", id),
    ("callable", callable),
    ("chr", chr),
    ("ord", ord),
    ("format", format),
    ("pow", pow),
    ("bin", bin),
    ("hex", hex),
    ("oct", oct),
    ("open", open),
    ("super", super_fn),
    ("property", property),
    ("staticmethod", staticmethod),
    ("classmethod", classmethod),
    ("locals", no_frame),
    ("globals", no_frame),
    ("dir", dir),
];

fn len(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    arity("len", &args, 1, 1)?;
    Ok(Value::Int(it.len(&args.pos[0])? as i64))
}

fn range(_: &mut Interpreter, args: Args) -> PyResult<Value> {
    no_kwargs("range", &args)?;
    let n: Vec<i64> = args.pos.iter().map(int_arg).collect::<PyResult<_>>()?;
    let (start, stop, step) = match n.len() {
        1 => (0, n[0], 1),
        2 => (n[0], n[1], 1),
        3 => (n[0], n[1], n[2]),
        0 => return Err(type_error("range expected at least 1 argument, got 0")),
        k => {
            return Err(type_error(format!(
                "range expected at most 3 arguments, got {k}"
            )))
        }
    };
    if step == 0 {
        return Err(value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Range(Rc::new(RangeObj { start, stop, step })))
}

fn abs(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    arity("abs", &args, 1, 1)?;
    match &args.pos[0] {
        Value::Int(i) => i
            .checked_abs()
            .map(Value::Int)
            .ok_or_else(crate::eval::error::int_overflow),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        v @ Value::Instance(_) if it.has_dunder(v, "__abs__") => {
            it.call_method(v, "__abs__", Args::default())
        }
        // A native value may define `abs` itself (ehrQL series refuse it with a hint).
        v @ Value::Native(n) if n.has_method("__abs__") => {
            it.call_method(v, "__abs__", Args::default())
        }
        // Native values (timedeltas) negate themselves when below their negation.
        v @ Value::Native(_) => {
            let neg = it
                .unary_op(crate::syntax::ast::UnaryOp::USub, v)
                .map_err(|_| {
                    type_error(format!("bad operand type for abs(): '{}'", v.type_name()))
                })?;
            let below = it.compare(CmpOp::Lt, v, &neg)?;
            Ok(if it.truthy(&below)? { neg } else { v.clone() })
        }
        v => Err(type_error(format!(
            "bad operand type for abs(): '{}'",
            v.type_name()
        ))),
    }
}

fn round(it: &mut Interpreter, mut args: Args) -> PyResult<Value> {
    let nd_kw = args.take_kw("ndigits");
    arity("round", &args, 1, 2)?;
    let nd = args.pos.get(1).cloned().or(nd_kw).filter(|v| !v.is_none());
    match (&args.pos[0], nd) {
        (Value::Float(f), None) => {
            if !f.is_finite() {
                return Err(if f.is_nan() {
                    value_error("cannot convert float NaN to integer")
                } else {
                    crate::eval::error::overflow_error("cannot convert float infinity to integer")
                });
            }
            Ok(Value::Int(f.round_ties_even() as i64))
        }
        (Value::Float(f), Some(n)) => Ok(Value::Float(crate::eval::format::round_float(
            *f,
            int_arg(&n)?,
        ))),
        (Value::Int(_) | Value::Bool(_), None) => Ok(Value::Int(int_arg(&args.pos[0])?)),
        (Value::Int(_) | Value::Bool(_), Some(n)) => {
            let i = int_arg(&args.pos[0])?;
            let n = int_arg(&n)?;
            if n >= 0 {
                return Ok(Value::Int(i));
            }
            let Some(p) = 10i128
                .checked_pow(n.unsigned_abs().min(40) as u32)
                .filter(|p| *p <= i64::MAX as i128)
            else {
                return Ok(Value::Int(0));
            };
            let i = i as i128;
            let (q, r) = (i.div_euclid(p), i.rem_euclid(p));
            let q = if r * 2 > p || (r * 2 == p && q % 2 != 0) {
                q + 1
            } else {
                q
            };
            i64::try_from(q * p)
                .map(Value::Int)
                .map_err(|_| crate::eval::error::int_overflow())
        }
        (v @ Value::Instance(_), _) if it.has_dunder(v, "__round__") => {
            it.call_method(v, "__round__", Args::default())
        }
        (v, _) => Err(type_error(format!(
            "type {} doesn't define __round__ method",
            v.type_name()
        ))),
    }
}

fn class_matches(v: &Value, cls: &Value, name: &str) -> PyResult<bool> {
    match cls {
        Value::Class(c) => Ok(isinstance(v, c)),
        Value::Native(n) if n.is_instance(v).is_some() => Ok(n.is_instance(v).unwrap_or(false)),
        Value::Tuple(items) => {
            for c in items.iter() {
                if class_matches(v, c, name)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(type_error(format!(
            "{name}() arg 2 must be a type, a tuple of types, or a union"
        ))),
    }
}

fn isinstance_fn(_: &mut Interpreter, args: Args) -> PyResult<Value> {
    arity("isinstance", &args, 2, 2)?;
    Ok(Value::Bool(class_matches(
        &args.pos[0],
        &args.pos[1],
        "isinstance",
    )?))
}

fn issubclass(_: &mut Interpreter, args: Args) -> PyResult<Value> {
    arity("issubclass", &args, 2, 2)?;
    let Value::Class(c) = &args.pos[0] else {
        return Err(type_error("issubclass() arg 1 must be a class"));
    };
    fn check(c: &Rc<crate::eval::value::Class>, cls: &Value) -> PyResult<bool> {
        match cls {
            Value::Class(k) => {
                Ok(c.is_subclass(k) || k.builtin == Some(crate::eval::value::BuiltinType::Object))
            }
            Value::Tuple(items) => Ok(items
                .iter()
                .map(|i| check(c, i))
                .collect::<PyResult<Vec<_>>>()?
                .into_iter()
                .any(|b| b)),
            _ => Err(type_error(
                "issubclass() arg 2 must be a class, a tuple of classes, or a union",
            )),
        }
    }
    Ok(Value::Bool(check(c, &args.pos[1])?))
}

fn getattr(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    arity("getattr", &args, 2, 3)?;
    let name = match &args.pos[1] {
        Value::Str(s) => s.clone(),
        v => {
            return Err(type_error(format!(
                "attribute name must be string, not '{}'",
                v.type_name()
            )))
        }
    };
    match it.getattr(&args.pos[0], &name) {
        Err(e) if e.is("AttributeError") && args.pos.len() == 3 => Ok(args.pos[2].clone()),
        r => r,
    }
}

fn setattr(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    arity("setattr", &args, 3, 3)?;
    let name = match &args.pos[1] {
        Value::Str(s) => s.clone(),
        v => {
            return Err(type_error(format!(
                "attribute name must be string, not '{}'",
                v.type_name()
            )))
        }
    };
    it.setattr(&args.pos[0], &name, args.pos[2].clone())?;
    Ok(Value::None)
}

fn hasattr(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    arity("hasattr", &args, 2, 2)?;
    let name = str_arg(&args.pos[1], "attribute name")?.to_string();
    match it.getattr(&args.pos[0], &name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if e.is("AttributeError") => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn delattr(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    arity("delattr", &args, 2, 2)?;
    let name = str_arg(&args.pos[1], "attribute name")?.to_string();
    it.delattr(&args.pos[0], &name)?;
    Ok(Value::None)
}

fn print(it: &mut Interpreter, mut args: Args) -> PyResult<Value> {
    let sep = args.take_kw("sep").filter(|v| !v.is_none());
    let end = args.take_kw("end").filter(|v| !v.is_none());
    args.take_kw("file");
    args.take_kw("flush");
    no_kwargs("print", &args)?;
    let sep = match &sep {
        Some(Value::Str(s)) => s.to_string(),
        Some(v) => {
            return Err(type_error(format!(
                "sep must be None or a string, not {}",
                v.type_name()
            )))
        }
        None => " ".into(),
    };
    let end = match &end {
        Some(Value::Str(s)) => s.to_string(),
        Some(v) => {
            return Err(type_error(format!(
                "end must be None or a string, not {}",
                v.type_name()
            )))
        }
        None => "\n".into(),
    };
    let mut out = String::new();
    for (i, v) in args.pos.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&it.to_str(v)?);
    }
    out.push_str(&end);
    it.write_output(&out);
    Ok(Value::None)
}

fn repr(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    arity("repr", &args, 1, 1)?;
    Ok(Value::str(&it.repr(&args.pos[0])?))
}

fn ascii(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    arity("ascii", &args, 1, 1)?;
    let r = it.repr(&args.pos[0])?;
    Ok(Value::str(&crate::eval::interp::ascii(&r)))
}

fn divmod(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    arity("divmod", &args, 2, 2)?;
    let q = it.binary_op(BinOp::FloorDiv, &args.pos[0], &args.pos[1])?;
    let r = it.binary_op(BinOp::Mod, &args.pos[0], &args.pos[1])?;
    Ok(Value::tuple(vec![q, r]))
}

fn vars(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    arity("vars", &args, 1, 1)?;
    match &args.pos[0] {
        Value::Native(n) => match n.clone().get_attr(&args.pos[0], "__dict__", it) {
            Some(r) => r,
            None => Err(type_error("vars() argument must have __dict__ attribute")),
        },
        v @ (Value::Instance(_) | Value::Class(_) | Value::Module(_)) => it.getattr(v, "__dict__"),
        _ => Err(type_error("vars() argument must have __dict__ attribute")),
    }
}

fn hash(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    arity("hash", &args, 1, 1)?;
    Ok(Value::Int(it.hash(&args.pos[0])?))
}

fn id(_: &mut Interpreter, args: Args) -> PyResult<Value> {
    arity("id", &args, 1, 1)?;
    Ok(Value::Int(args.pos[0].identity() as i64))
}

fn callable(_: &mut Interpreter, args: Args) -> PyResult<Value> {
    arity("callable", &args, 1, 1)?;
    Ok(Value::Bool(match &args.pos[0] {
        Value::Function(_)
        | Value::Builtin(_)
        | Value::BoundMethod(_)
        | Value::Class(_)
        | Value::NativeMethod(_) => true,
        Value::Instance(i) => i.class.lookup("__call__").is_some(),
        _ => false,
    }))
}

fn chr(_: &mut Interpreter, args: Args) -> PyResult<Value> {
    arity("chr", &args, 1, 1)?;
    let i = int_arg(&args.pos[0])?;
    let c = u32::try_from(i)
        .ok()
        .and_then(char::from_u32)
        .ok_or_else(|| value_error("chr() arg not in range(0x110000)"))?;
    Ok(Value::str(&c.to_string()))
}

fn ord(_: &mut Interpreter, args: Args) -> PyResult<Value> {
    arity("ord", &args, 1, 1)?;
    let s = str_arg(&args.pos[0], "ord() argument")?;
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Ok(Value::Int(c as i64)),
        _ => Err(type_error(format!(
            "ord() expected a character, but string of length {} found",
            s.chars().count()
        ))),
    }
}

fn format(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    arity("format", &args, 1, 2)?;
    let spec = match args.pos.get(1) {
        Some(v) => str_arg(v, "format() argument 2")?.to_string(),
        None => String::new(),
    };
    Ok(Value::str(&it.format_value(&args.pos[0], &spec)?))
}

fn pow(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    arity("pow", &args, 2, 3)?;
    if let Some(m) = args.pos.get(2) {
        let (b, e, m) = (
            int_arg(&args.pos[0])? as i128,
            int_arg(&args.pos[1])?,
            int_arg(m)? as i128,
        );
        if m == 0 {
            return Err(value_error("pow() 3rd argument cannot be 0"));
        }
        let (mut result, mut base, mut e) = (1i128, b.rem_euclid(m), e);
        while e > 0 {
            if e & 1 == 1 {
                result = (result * base).rem_euclid(m);
            }
            base = (base * base).rem_euclid(m);
            e >>= 1;
        }
        return Ok(Value::Int(result as i64));
    }
    it.binary_op(BinOp::Pow, &args.pos[0], &args.pos[1])
}

fn radix(args: &Args, name: &str, spec: &str) -> PyResult<Value> {
    arity(name, args, 1, 1)?;
    let i = int_arg(&args.pos[0])?;
    Ok(Value::str(&crate::eval::format::format_int(i, spec)?))
}

fn bin(_: &mut Interpreter, args: Args) -> PyResult<Value> {
    radix(&args, "bin", "#b")
}
fn hex(_: &mut Interpreter, args: Args) -> PyResult<Value> {
    radix(&args, "hex", "#x")
}
fn oct(_: &mut Interpreter, args: Args) -> PyResult<Value> {
    radix(&args, "oct", "#o")
}

fn open(it: &mut Interpreter, mut args: Args) -> PyResult<Value> {
    let mode_kw = args.take_kw("mode");
    args.take_kw("encoding");
    args.take_kw("newline");
    no_kwargs("open", &args)?;
    arity("open", &args, 1, 2)?;
    let mode = match args.pos.get(1).or(mode_kw.as_ref()) {
        Some(v) => str_arg(v, "open() argument 'mode'")?.to_string(),
        None => "r".into(),
    };
    let path = match &args.pos[0] {
        Value::Str(s) => s.to_string(),
        Value::Native(n) => n.clone().str(it)?,
        v @ Value::Instance(_) if it.has_dunder(v, "__fspath__") => {
            let p = it.call_method(v, "__fspath__", Args::default())?;
            it.to_str(&p)?
        }
        v => {
            return Err(type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                v.type_name()
            )))
        }
    };
    crate::eval::sandbox::open_file(it, &path, &mode)
}

fn super_fn(_: &mut Interpreter, args: Args) -> PyResult<Value> {
    arity("super", &args, 2, 2)?;
    match &args.pos[0] {
        Value::Class(c) => Ok(Value::Super(Rc::new((c.clone(), args.pos[1].clone())))),
        v => Err(type_error(format!(
            "super() argument 1 must be a type, not {}",
            v.type_name()
        ))),
    }
}

fn property(_: &mut Interpreter, mut args: Args) -> PyResult<Value> {
    let fset = args.take_kw("fset");
    let fget = args
        .take_kw("fget")
        .or_else(|| args.pos.first().cloned())
        .unwrap_or(Value::None);
    let fset = fset
        .or_else(|| args.pos.get(1).cloned())
        .unwrap_or(Value::None);
    Ok(Value::Property(Rc::new(Property { fget, fset })))
}

fn staticmethod(_: &mut Interpreter, args: Args) -> PyResult<Value> {
    arity("staticmethod", &args, 1, 1)?;
    Ok(Value::StaticMethod(Rc::new(args.pos[0].clone())))
}

fn classmethod(_: &mut Interpreter, args: Args) -> PyResult<Value> {
    arity("classmethod", &args, 1, 1)?;
    Ok(Value::ClassMethod(Rc::new(args.pos[0].clone())))
}

/// `locals()`/`globals()` are answered by the caller's frame; reaching here means misuse.
fn no_frame(_: &mut Interpreter, _: Args) -> PyResult<Value> {
    Err(type_error("locals() and globals() take no arguments"))
}

fn dir(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    arity("dir", &args, 1, 1)?;
    let names: Vec<String> = match &args.pos[0] {
        Value::Module(m) => m.globals.borrow().keys().map(|k| k.to_string()).collect(),
        Value::Instance(i) => {
            let mut n: Vec<String> = i.attrs.borrow().keys().map(|k| k.to_string()).collect();
            n.extend(i.class.dict.borrow().keys().map(|k| k.to_string()));
            for c in &i.class.mro {
                n.extend(c.dict.borrow().keys().map(|k| k.to_string()));
            }
            n
        }
        Value::Class(c) => c.dict.borrow().keys().map(|k| k.to_string()).collect(),
        v => {
            return Err(attribute_error(format!(
                "dir() of '{}' objects is not supported",
                class_of(v).name
            )))
        }
    };
    let mut names: Vec<String> = names
        .into_iter()
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    names.sort();
    let _ = it;
    Ok(Value::list(names.iter().map(|s| Value::str(s)).collect()))
}
