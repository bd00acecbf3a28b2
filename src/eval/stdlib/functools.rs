//! `functools`: `reduce`, `partial`, and `wraps`/`lru_cache`/`cache` as plain pass-throughs.

use std::any::Any;

use super::add_functions;
use crate::eval::builtins::arity;
use crate::eval::error::{type_error, PyResult};
use crate::eval::interp::Interpreter;
use crate::eval::value::{Args, Namespace, NativeObject, Value};

pub fn init(_: &mut Interpreter, ns: &Namespace) -> PyResult<()> {
    add_functions(
        ns,
        &[
            ("reduce", reduce),
            ("partial", partial),
            ("wraps", |_, _| {
                Ok(Value::builtin("wraps", |_, a| {
                    Ok(a.pos.into_iter().next().unwrap_or(Value::None))
                }))
            }),
            ("cache", |_, a| {
                Ok(a.pos.into_iter().next().unwrap_or(Value::None))
            }),
            ("lru_cache", lru_cache),
        ],
    );
    Ok(())
}

fn reduce(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    arity("reduce", &args, 2, 3)?;
    let mut items = it.iterate(&args.pos[1])?.into_iter();
    let mut acc = match args.pos.get(2) {
        Some(v) => v.clone(),
        None => items
            .next()
            .ok_or_else(|| type_error("reduce() of empty iterable with no initial value"))?,
    };
    for v in items {
        acc = it.call(&args.pos[0], Args::positional(vec![acc, v]))?;
    }
    Ok(acc)
}

/// `@lru_cache` and `@lru_cache(maxsize=...)`: caching is not observable here, so return the function.
fn lru_cache(_: &mut Interpreter, args: Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(f @ (Value::Function(_) | Value::Builtin(_))) => Ok(f.clone()),
        _ => Ok(Value::builtin("lru_cache", |_, a| {
            Ok(a.pos.into_iter().next().unwrap_or(Value::None))
        })),
    }
}

fn partial(_: &mut Interpreter, args: Args) -> PyResult<Value> {
    if args.pos.is_empty() {
        return Err(type_error("partial() missing required argument 'func'"));
    }
    let mut pos = args.pos;
    let func = pos.remove(0);
    Ok(Value::Native(std::rc::Rc::new(Partial {
        func,
        args: Args { pos, kw: args.kw },
    })))
}

struct Partial {
    func: Value,
    args: Args,
}

impl NativeObject for Partial {
    fn type_name(&self) -> &str {
        "functools.partial"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn call(&self, _this: &Value, args: Args, it: &mut Interpreter) -> Option<PyResult<Value>> {
        let mut pos = self.args.pos.clone();
        pos.extend(args.pos);
        let mut kw = self.args.kw.clone();
        for (k, v) in args.kw {
            kw.retain(|(n, _)| *n != k);
            kw.push((k, v));
        }
        Some(it.call(&self.func, Args { pos, kw }))
    }
    fn get_attr(
        &self,
        _this: &Value,
        name: &str,
        _it: &mut Interpreter,
    ) -> Option<PyResult<Value>> {
        match name {
            "func" => Some(Ok(self.func.clone())),
            "args" => Some(Ok(Value::tuple(self.args.pos.clone()))),
            "keywords" => Some(Ok(Value::dict(
                self.args
                    .kw
                    .iter()
                    .map(|(k, v)| (crate::eval::value::Key(Value::Str(k.clone())), v.clone()))
                    .collect(),
            ))),
            _ => None,
        }
    }
    fn repr(&self, it: &mut Interpreter) -> PyResult<String> {
        let mut parts = vec![it.repr(&self.func)?];
        for a in &self.args.pos {
            parts.push(it.repr(a)?);
        }
        for (k, v) in &self.args.kw {
            parts.push(format!("{k}={}", it.repr(v)?));
        }
        Ok(format!("functools.partial({})", parts.join(", ")))
    }
}
