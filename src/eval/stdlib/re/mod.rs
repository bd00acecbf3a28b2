//! `re`: regular expressions on the `regex` crate, with Python's API (`match`, `search`,
//! `fullmatch`, `sub`, `split`, `findall`, `compile`, flags, `re.error`).
//!
//! The `regex` crate guarantees linear-time matching, which suits a sandbox; the price is
//! that lookarounds and backreferences are refused with `re.error` naming the construct.
//! Known gap: a non-MULTILINE `$` followed by a pattern that consumes the final newline
//! (`a$\n`) does not match, where Python's does.

mod matched;
mod pattern;
mod syntax;

use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use pattern::{as_pattern, Pattern, PatternRef};

use super::{add_functions, set};
use crate::eval::builtins::int_arg;
use crate::eval::classes::builtin_class;
use crate::eval::error::{make_exception, type_error, value_error, PyErr, PyResult};
use crate::eval::interp::{new_class, Interpreter};
use crate::eval::value::{new_namespace, Args, Class, Namespace, NativeObject, Value};

thread_local! {
    // CPython 3.13 names the class `PatternError` and keeps `re.error` as an alias.
    static ERROR: Rc<Class> = new_class("PatternError", "re", vec![builtin_class("Exception")], new_namespace()).expect("simple MRO");
    /// Compiled patterns by (source, flags): studies call `re.match(literal, ...)` in loops.
    static CACHE: RefCell<HashMap<(Rc<str>, i64), Value>> = RefCell::new(HashMap::new());
}

/// A `re.error` with `msg`.
pub fn error(msg: String) -> PyErr {
    PyErr::new(make_exception(
        ERROR.with(|c| c.clone()),
        vec![Value::str(&msg)],
    ))
}

/// A string argument of `func` (`None` means it was missing).
fn str_of(v: Option<Value>, func: &str) -> PyResult<Rc<str>> {
    match v {
        Some(Value::Str(s)) => Ok(s),
        Some(v) => Err(type_error(format!(
            "expected string or bytes-like object, got '{}'",
            v.type_name()
        ))),
        None => Err(type_error(format!(
            "{func}() missing required argument 'string'"
        ))),
    }
}

pub fn init(_: &mut Interpreter, ns: &Namespace) -> PyResult<()> {
    let error = Value::Class(ERROR.with(|c| c.clone()));
    set(ns, "error", error.clone());
    set(ns, "PatternError", error);
    for (names, bit) in [
        (&["IGNORECASE", "I"], syntax::IGNORECASE),
        (&["MULTILINE", "M"], syntax::MULTILINE),
        (&["DOTALL", "S"], syntax::DOTALL),
        (&["VERBOSE", "X"], syntax::VERBOSE),
        (&["UNICODE", "U"], syntax::UNICODE),
        (&["ASCII", "A"], syntax::ASCII),
    ] {
        for n in names {
            set(ns, n, Value::Int(bit));
        }
    }
    set(ns, "NOFLAG", Value::Int(0));
    set(ns, "Pattern", Value::Native(Rc::new(TypeObject(true))));
    set(ns, "Match", Value::Native(Rc::new(TypeObject(false))));
    add_functions(
        ns,
        &[
            ("compile", compile),
            ("match", |it, a| run(it, a, "match")),
            ("search", |it, a| run(it, a, "search")),
            ("fullmatch", |it, a| run(it, a, "fullmatch")),
            ("findall", |it, a| run(it, a, "findall")),
            ("finditer", |it, a| run(it, a, "finditer")),
            ("split", |it, a| run(it, a, "split")),
            ("sub", |it, a| run(it, a, "sub")),
            ("subn", |it, a| run(it, a, "subn")),
            ("escape", escape),
            ("purge", |_, _| {
                CACHE.with(|c| c.borrow_mut().clear());
                Ok(Value::None)
            }),
        ],
    );
    Ok(())
}

/// Compiles (or reuses) the pattern for `source` and `flags`; a compiled pattern passes through.
fn pattern_value(source: &Value, flags: i64) -> PyResult<Value> {
    if as_pattern(source).is_some() {
        if flags != 0 {
            return Err(value_error(
                "cannot process flags argument with a compiled pattern",
            ));
        }
        return Ok(source.clone());
    }
    let Value::Str(src) = source else {
        return Err(type_error(format!(
            "first argument must be string or compiled pattern, not {}",
            source.type_name()
        )));
    };
    if let Some(v) = CACHE.with(|c| c.borrow().get(&(src.clone(), flags)).cloned()) {
        return Ok(v);
    }
    let v = Value::Native(Rc::new(PatternRef(Rc::new(Pattern::compile(src, flags)?))));
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        // Keep the cache bounded, as CPython's is.
        if c.len() >= 512 {
            c.clear();
        }
        c.insert((src.clone(), flags), v.clone());
    });
    Ok(v)
}

fn flags_arg(args: &mut Args, index: usize) -> PyResult<i64> {
    match args
        .take_kw("flags")
        .or_else(|| args.pos.get(index).cloned())
    {
        Some(v) => int_arg(&v),
        None => Ok(0),
    }
}

fn compile(_: &mut Interpreter, mut args: Args) -> PyResult<Value> {
    let flags = flags_arg(&mut args, 1)?;
    let source = args
        .take_kw("pattern")
        .or_else(|| args.pos.first().cloned())
        .ok_or_else(|| type_error("compile() missing required argument 'pattern' (pos 1)"))?;
    pattern_value(&source, flags)
}

/// `re.<name>(pattern, ...)`: compiles, then calls the pattern's method with the rest.
fn run(it: &mut Interpreter, mut args: Args, name: &str) -> PyResult<Value> {
    // Where `flags` sits positionally: after string (match...), repl+string+count (sub), or
    // string+maxsplit (split).
    let flags_at = match name {
        "sub" | "subn" => 4,
        "split" => 3,
        _ => 2,
    };
    let flags = flags_arg(&mut args, flags_at)?;
    args.pos.truncate(flags_at);
    let source = args
        .take_kw("pattern")
        .or_else(|| (!args.pos.is_empty()).then(|| args.pos.remove(0)))
        .ok_or_else(|| {
            type_error(format!(
                "{name}() missing required argument 'pattern' (pos 1)"
            ))
        })?;
    let p = pattern_value(&source, flags)?;
    match &p {
        Value::Native(n) => n.clone().call_method(&p, name, args, it),
        _ => Err(type_error("not a pattern")),
    }
}

fn escape(_: &mut Interpreter, args: Args) -> PyResult<Value> {
    let s = str_of(args.pos.first().cloned(), "escape")?;
    Ok(Value::str(&syntax::escape(&s)))
}

/// `re.Pattern` / `re.Match` as names: `isinstance` works; they cannot be called.
struct TypeObject(bool);

impl NativeObject for TypeObject {
    fn type_name(&self) -> &str {
        "type"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn is_instance(&self, value: &Value) -> Option<bool> {
        Some(match value {
            Value::Native(n) if self.0 => n.as_any().is::<PatternRef>(),
            Value::Native(n) => n.as_any().is::<matched::Match>(),
            _ => false,
        })
    }
    fn repr(&self, _: &mut Interpreter) -> PyResult<String> {
        Ok(format!(
            "<class 're.{}'>",
            if self.0 { "Pattern" } else { "Match" }
        ))
    }
}
