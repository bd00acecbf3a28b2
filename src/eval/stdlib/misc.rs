//! Small shims: `typing` (names only), `logging` (no-op), `string` (constants), `warnings`, `__future__`.

use std::any::Any;
use std::cell::Cell;
use std::rc::Rc;

use super::{add_functions, set};
use crate::eval::classes::builtin_class;
use crate::eval::error::PyResult;
use crate::eval::interp::Interpreter;
use crate::eval::value::{Args, Namespace, NativeObject, Value};

pub fn typing(_: &mut Interpreter, ns: &Namespace) -> PyResult<()> {
    // Subscripting a built-in class yields the class, so `Optional[str]` evaluates harmlessly.
    let object = Value::Class(builtin_class("object"));
    for name in [
        "Any",
        "Optional",
        "Union",
        "Callable",
        "Iterable",
        "Iterator",
        "Sequence",
        "Mapping",
        "Literal",
        "TypeVar",
        "Generic",
        "Type",
        "NamedTuple",
        "Final",
        "ClassVar",
    ] {
        set(ns, name, object.clone());
    }
    for (name, class) in [
        ("List", "list"),
        ("Dict", "dict"),
        ("Tuple", "tuple"),
        ("Set", "set"),
        ("FrozenSet", "frozenset"),
    ] {
        set(ns, name, Value::Class(builtin_class(class)));
    }
    set(ns, "TYPE_CHECKING", Value::Bool(false));
    add_functions(
        ns,
        &[("cast", |_, a| {
            Ok(a.pos.get(1).cloned().unwrap_or(Value::None))
        })],
    );
    Ok(())
}

pub fn logging(it: &mut Interpreter, ns: &Namespace) -> PyResult<()> {
    for (name, level) in [
        ("DEBUG", 10),
        ("INFO", 20),
        ("WARNING", 30),
        ("WARN", 30),
        ("ERROR", 40),
        ("CRITICAL", 50),
        ("NOTSET", 0),
    ] {
        set(ns, name, Value::Int(level));
    }
    add_functions(ns, &[("getLogger", get_logger), ("basicConfig", no_op)]);
    for name in [
        "debug",
        "info",
        "warning",
        "warn",
        "error",
        "critical",
        "exception",
        "log",
        "disable",
    ] {
        set(ns, name, Value::builtin("log", no_op));
    }
    let root = get_logger(it, Args::default())?;
    set(ns, "root", root);
    for name in ["StreamHandler", "FileHandler", "Formatter", "NullHandler"] {
        set(
            ns,
            name,
            Value::builtin("handler", |_, _| {
                Ok(Value::Native(Rc::new(Logger {
                    name: "handler".into(),
                    level: Cell::new(0),
                })))
            }),
        );
    }
    Ok(())
}

fn no_op(_: &mut Interpreter, _: Args) -> PyResult<Value> {
    Ok(Value::None)
}

/// `logging.getLogger(name)`: one logger per name per run; the root logger is `WARNING`.
fn get_logger(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    let name = match args.pos.first() {
        None | Some(Value::None) => "root".to_string(),
        Some(v) => it.to_str(v)?,
    };
    let key = format!("logging:{name}");
    if let Some(v) = it.native_state.get(&key) {
        return Ok(v.clone());
    }
    let level = if name == "root" { 30 } else { 0 };
    let v = Value::Native(Rc::new(Logger {
        name,
        level: Cell::new(level),
    }));
    it.native_state.insert(key, v.clone());
    Ok(v)
}

/// A logger (or handler/formatter): it keeps its name and level; logging calls do nothing
/// because definitions' log output is not kept.
struct Logger {
    name: String,
    level: Cell<i64>,
}

impl NativeObject for Logger {
    fn type_name(&self) -> &str {
        "Logger"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn get_attr(
        &self,
        _this: &Value,
        name: &str,
        _it: &mut Interpreter,
    ) -> Option<PyResult<Value>> {
        match name {
            "name" => Some(Ok(Value::str(&self.name))),
            "level" => Some(Ok(Value::Int(self.level.get()))),
            "handlers" => Some(Ok(Value::list(vec![]))),
            _ => None,
        }
    }
    fn has_method(&self, _name: &str) -> bool {
        true
    }
    fn call_method(
        &self,
        _this: &Value,
        name: &str,
        args: Args,
        _it: &mut Interpreter,
    ) -> PyResult<Value> {
        if name == "setLevel" {
            if let Some(Value::Int(l)) = args.pos.first() {
                self.level.set(*l);
            }
        }
        if name == "getEffectiveLevel" {
            return Ok(Value::Int(if self.level.get() == 0 {
                30
            } else {
                self.level.get()
            }));
        }
        if name == "isEnabledFor" {
            let l = match args.pos.first() {
                Some(Value::Int(l)) => *l,
                _ => 0,
            };
            let eff = if self.level.get() == 0 {
                30
            } else {
                self.level.get()
            };
            return Ok(Value::Bool(l >= eff));
        }
        Ok(Value::None)
    }
    fn repr(&self, _it: &mut Interpreter) -> PyResult<String> {
        Ok(format!(
            "<Logger {} ({})>",
            self.name,
            level_name(self.level.get())
        ))
    }
}

fn level_name(l: i64) -> &'static str {
    match l {
        10 => "DEBUG",
        20 => "INFO",
        30 => "WARNING",
        40 => "ERROR",
        50 => "CRITICAL",
        _ => "NOTSET",
    }
}

pub fn string(_: &mut Interpreter, ns: &Namespace) -> PyResult<()> {
    let lower = "abcdefghijklmnopqrstuvwxyz";
    let upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    set(ns, "ascii_lowercase", Value::str(lower));
    set(ns, "ascii_uppercase", Value::str(upper));
    set(ns, "ascii_letters", Value::str(&format!("{lower}{upper}")));
    set(ns, "digits", Value::str("0123456789"));
    set(ns, "hexdigits", Value::str("0123456789abcdefABCDEF"));
    set(ns, "octdigits", Value::str("01234567"));
    set(
        ns,
        "punctuation",
        Value::str("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"),
    );
    set(ns, "whitespace", Value::str(" \t\n\r\x0b\x0c"));
    set(
        ns,
        "printable",
        Value::str(&format!(
            "0123456789{lower}{upper}!\"#$%&'()*+,-./:;<=>?@[\\]^_`{{|}}~ \t\n\r\x0b\x0c"
        )),
    );
    add_functions(
        ns,
        &[("capwords", |it, a| {
            crate::eval::builtins::arity("capwords", &a, 1, 1)?;
            let s = it.to_str(&a.pos[0])?;
            let words: Vec<String> = s
                .split_whitespace()
                .map(|w| {
                    let mut c = w.chars();
                    match c.next() {
                        Some(f) => f
                            .to_uppercase()
                            .chain(c.as_str().to_lowercase().chars())
                            .collect(),
                        None => String::new(),
                    }
                })
                .collect();
            Ok(Value::str(&words.join(" ")))
        })],
    );
    Ok(())
}

pub fn warnings(_: &mut Interpreter, ns: &Namespace) -> PyResult<()> {
    add_functions(
        ns,
        &[
            ("warn", no_op),
            ("filterwarnings", no_op),
            ("simplefilter", no_op),
        ],
    );
    Ok(())
}

pub fn future(_: &mut Interpreter, ns: &Namespace) -> PyResult<()> {
    for name in [
        "annotations",
        "division",
        "print_function",
        "absolute_import",
    ] {
        set(ns, name, Value::Bool(true));
    }
    Ok(())
}
