//! `sys`: `argv` (definition path as typed, then the user's arguments), `exit`, version facts.

use std::any::Any;
use std::rc::Rc;

use super::{add_functions, set};
use crate::eval::classes::builtin_class;
use crate::eval::error::{make_exception, PyErr, PyResult};
use crate::eval::interp::Interpreter;
use crate::eval::value::{Args, Namespace, NativeObject, Value};

pub fn init(it: &mut Interpreter, ns: &Namespace) -> PyResult<()> {
    let argv = it.config.argv.iter().map(|a| Value::str(a)).collect();
    set(ns, "argv", Value::list(argv));
    set(
        ns,
        "version",
        Value::str("3.13.0 (ehrql sandboxed evaluator)"),
    );
    set(
        ns,
        "version_info",
        Value::tuple(vec![
            Value::Int(3),
            Value::Int(13),
            Value::Int(0),
            Value::str("final"),
            Value::Int(0),
        ]),
    );
    set(ns, "platform", Value::str("linux"));
    set(ns, "maxsize", Value::Int(i64::MAX));
    set(ns, "path", Value::list(vec![]));
    set(ns, "modules", Value::dict(Default::default()));
    set(
        ns,
        "stdout",
        Value::Native(Rc::new(Stream { name: "<stdout>" })),
    );
    set(
        ns,
        "stderr",
        Value::Native(Rc::new(Stream { name: "<stderr>" })),
    );
    add_functions(
        ns,
        &[
            ("exit", exit),
            ("getrecursionlimit", |it, _| {
                Ok(Value::Int(it.config.limits.max_depth as i64))
            }),
        ],
    );
    Ok(())
}

fn exit(_: &mut Interpreter, args: Args) -> PyResult<Value> {
    let code = args.pos.first().cloned().unwrap_or(Value::None);
    Err(PyErr::new(make_exception(
        builtin_class("SystemExit"),
        vec![code],
    )))
}

/// `sys.stdout` / `sys.stderr`: writes go to the interpreter's output sink.
struct Stream {
    name: &'static str,
}

impl NativeObject for Stream {
    fn type_name(&self) -> &str {
        "TextIOWrapper"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn has_method(&self, name: &str) -> bool {
        matches!(name, "write" | "flush")
    }
    fn call_method(
        &self,
        _this: &Value,
        name: &str,
        args: Args,
        it: &mut Interpreter,
    ) -> PyResult<Value> {
        if name == "write" {
            if let Some(v) = args.pos.first() {
                let s = it.to_str(v)?;
                it.write_output(&s);
                return Ok(Value::Int(s.chars().count() as i64));
            }
        }
        Ok(Value::None)
    }
    fn repr(&self, _it: &mut Interpreter) -> PyResult<String> {
        Ok(format!(
            "<_io.TextIOWrapper name='{}' mode='w' encoding='utf-8'>",
            self.name
        ))
    }
}
