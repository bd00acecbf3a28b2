//! Python exceptions while running (`PyErr`) and the public error (`EvalError`) with its diagnostic.

use std::rc::Rc;

use crate::diagnostics::{Diagnostic, FileId, Frame, Span};

use super::classes::builtin_class;
use super::value::{new_namespace, Class, Instance, Value};

/// A raised Python exception on its way up the interpreter's stack.
pub struct PyErr(pub Box<ErrInner>);

pub struct ErrInner {
    /// The exception instance.
    pub exc: Value,
    /// Where it was raised (innermost); set by the first expression or statement it passes.
    pub location: Option<(FileId, Span)>,
    /// Call sites it has left, innermost first.
    pub frames: Vec<Frame>,
    /// A did-you-mean or other hint for the diagnostic.
    pub help: Option<String>,
    /// A limit (steps, memory, recursion) was hit: `except` cannot catch it.
    pub fatal: bool,
    /// A diagnostic from parsing an imported file (a `SyntaxError`).
    pub diagnostic: Option<Box<Diagnostic>>,
}

pub type PyResult<T> = Result<T, PyErr>;

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PyErr({})", self.class().name)
    }
}

impl PyErr {
    pub fn new(exc: Value) -> PyErr {
        PyErr(Box::new(ErrInner {
            exc,
            location: None,
            frames: Vec::new(),
            help: None,
            fatal: false,
            diagnostic: None,
        }))
    }

    pub fn with_help(mut self, help: impl Into<String>) -> PyErr {
        self.0.help = Some(help.into());
        self
    }

    /// Marks a limit error that `except` must not swallow.
    pub fn fatal(mut self) -> PyErr {
        self.0.fatal = true;
        self
    }

    /// The exception's class.
    pub fn class(&self) -> Rc<Class> {
        super::classes::class_of(&self.0.exc)
    }

    /// Whether the exception is an instance of the built-in class `name`.
    pub fn is(&self, name: &str) -> bool {
        self.class().is_subclass(&builtin_class(name))
    }

    /// Records the location if none is set yet.
    pub fn at(mut self, file: FileId, span: Span) -> PyErr {
        if self.0.location.is_none() {
            self.0.location = Some((file, span));
        }
        self
    }
}

/// Makes an instance of exception class `class` with `args`.
pub fn make_exception(class: Rc<Class>, args: Vec<Value>) -> Value {
    let attrs = new_namespace();
    attrs
        .borrow_mut()
        .insert(Rc::from("args"), Value::tuple(args));
    Value::Instance(Rc::new(Instance { class, attrs }))
}

/// A built-in exception with one message argument.
pub fn exception(class_name: &str, msg: impl Into<String>) -> PyErr {
    let msg: String = msg.into();
    PyErr::new(make_exception(
        builtin_class(class_name),
        vec![Value::str(&msg)],
    ))
}

pub fn type_error(msg: impl Into<String>) -> PyErr {
    exception("TypeError", msg)
}
pub fn value_error(msg: impl Into<String>) -> PyErr {
    exception("ValueError", msg)
}
pub fn attribute_error(msg: impl Into<String>) -> PyErr {
    exception("AttributeError", msg)
}
pub fn index_error(msg: impl Into<String>) -> PyErr {
    exception("IndexError", msg)
}
pub fn name_error(msg: impl Into<String>) -> PyErr {
    exception("NameError", msg)
}
pub fn overflow_error(msg: impl Into<String>) -> PyErr {
    exception("OverflowError", msg)
}
pub fn zero_division(msg: impl Into<String>) -> PyErr {
    exception("ZeroDivisionError", msg)
}
pub fn runtime_error(msg: impl Into<String>) -> PyErr {
    exception("RuntimeError", msg)
}
pub fn key_error(key: Value) -> PyErr {
    PyErr::new(make_exception(builtin_class("KeyError"), vec![key]))
}
pub fn stop_iteration() -> PyErr {
    PyErr::new(make_exception(builtin_class("StopIteration"), vec![]))
}
/// The error for arithmetic that leaves 64-bit integers (Python would grow; we refuse).
pub fn int_overflow() -> PyErr {
    overflow_error("integer result too large (this evaluator supports integers up to 64 bits)")
}

/// An evaluation failure, ready to show the user.
#[derive(Debug, Clone)]
pub struct EvalError {
    /// The exception class name, e.g. `NameError`.
    pub kind: String,
    /// `str(exception)`.
    pub message: String,
    pub location: Option<(FileId, Span)>,
    /// Call sites, outermost first.
    pub traceback: Vec<Frame>,
    pub help: Option<String>,
    /// Set for `SystemExit` (e.g. argparse errors exit with 2).
    pub exit_code: Option<i32>,
    /// A parse error in an imported file, shown as the parser reported it.
    pub diagnostic: Option<Diagnostic>,
}

impl EvalError {
    /// `NameError: name 'x' is not defined`.
    pub fn headline(&self) -> String {
        if self.message.is_empty() {
            self.kind.clone()
        } else {
            format!("{}: {}", self.kind, self.message)
        }
    }

    pub fn to_diagnostic(&self) -> Diagnostic {
        if let Some(d) = &self.diagnostic {
            let mut d = d.clone();
            d.traceback = self.traceback.clone();
            return d;
        }
        let code = match self.kind.as_str() {
            "NameError" | "UnboundLocalError" => "E0202",
            "TypeError" => "E0203",
            "AttributeError" => "E0204",
            "ImportError" | "ModuleNotFoundError" => "E0205",
            "RecursionError" | "MemoryError" | "TimeoutError" | "PermissionError" => "E0206",
            _ => "E0201",
        };
        let mut d = Diagnostic::error(code, self.headline());
        if let Some((file, span)) = self.location {
            let label = match self.kind.as_str() {
                "NameError" => "not defined",
                "UnboundLocalError" => "read before it is assigned",
                "AttributeError" => "no such attribute",
                "KeyError" => "key not found",
                "IndexError" => "index out of range",
                "ImportError" | "ModuleNotFoundError" => "cannot import",
                "RecursionError" | "MemoryError" | "TimeoutError" => "limit reached here",
                _ => "raised here",
            };
            d = d.in_file(file).primary(span, label);
        }
        if let Some(help) = &self.help {
            d = d.help(help.clone());
        }
        d.traceback = self.traceback.clone();
        d
    }
}

impl std::fmt::Display for EvalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.headline())
    }
}

impl std::error::Error for EvalError {}
