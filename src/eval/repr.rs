//! `repr()`, `str()` and `format()` of values, as CPython prints them.

use super::classes::builtin_class;
use super::error::{type_error, PyResult};
use super::format::{float_repr, format_float, format_int, format_str};
use super::interp::Interpreter;
use super::value::{Args, Value};

/// `repr(str)`: single quotes unless the text has a single quote and no double quote.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

impl Interpreter {
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        self.check_stack()?;
        // A container that contains itself prints as `[...]`, as in Python.
        let id = match v {
            Value::List(_) | Value::Dict(_) | Value::Set(_) => v.identity(),
            _ => 0,
        };
        if id != 0 {
            if self.repr_stack.contains(&id) {
                return Ok(match v {
                    Value::List(_) => "[...]",
                    _ => "{...}",
                }
                .into());
            }
            self.repr_stack.push(id);
        }
        let r = self.repr_inner(v);
        if id != 0 {
            self.repr_stack.pop();
        }
        r
    }

    fn join_reprs(&mut self, items: &[Value]) -> PyResult<String> {
        let mut parts = Vec::with_capacity(items.len());
        for i in items {
            parts.push(self.repr(i)?);
        }
        Ok(parts.join(", "))
    }

    fn repr_inner(&mut self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::None => "None".into(),
            Value::Ellipsis => "Ellipsis".into(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => float_repr(*f),
            Value::Str(s) => str_repr(s),
            Value::List(l) => {
                let items = l.borrow().clone();
                format!("[{}]", self.join_reprs(&items)?)
            }
            Value::Tuple(t) => {
                if t.len() == 1 {
                    format!("({},)", self.repr(&t[0])?)
                } else {
                    format!("({})", self.join_reprs(&t.clone())?)
                }
            }
            Value::Dict(d) => {
                let items: Vec<(Value, Value)> = d
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.0.clone(), v.clone()))
                    .collect();
                let mut parts = Vec::with_capacity(items.len());
                for (k, v) in items {
                    parts.push(format!("{}: {}", self.repr(&k)?, self.repr(&v)?));
                }
                format!("{{{}}}", parts.join(", "))
            }
            Value::Set(s) => {
                let items = super::builtins::sets::ordered(&s.borrow());
                if items.is_empty() {
                    "set()".into()
                } else {
                    format!("{{{}}}", self.join_reprs(&items)?)
                }
            }
            Value::Range(r) => {
                if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                }
            }
            Value::Slice(s) => format!(
                "slice({}, {}, {})",
                self.repr(&s.lower)?,
                self.repr(&s.upper)?,
                self.repr(&s.step)?
            ),
            Value::Function(f) => format!("<function {} at 0x{:012x}>", f.qualname, v.identity()),
            Value::Builtin(b) => format!("<built-in function {}>", b.name),
            Value::BoundMethod(m) => {
                let name = match &m.func {
                    Value::Function(f) => f.qualname.to_string(),
                    Value::Builtin(b) => b.name.to_string(),
                    _ => "?".into(),
                };
                match &m.func {
                    Value::Builtin(_) => format!(
                        "<built-in method {} of {} object at 0x{:012x}>",
                        name,
                        m.receiver.type_name(),
                        m.receiver.identity()
                    ),
                    _ => format!("<bound method {} of {}>", name, self.repr(&m.receiver)?),
                }
            }
            Value::NativeMethod(m) => format!("<bound method {} of {}>", m.1, self.repr(&m.0)?),
            Value::Class(c) => {
                if c.builtin.is_some() || &*c.module_name == "builtins" {
                    format!("<class '{}'>", c.name)
                } else {
                    format!("<class '{}.{}'>", c.module_name, c.name)
                }
            }
            Value::Instance(i) => {
                if i.class.lookup("__repr__").is_some() {
                    return match self.call_method(v, "__repr__", Args::default())? {
                        Value::Str(s) => Ok(s.to_string()),
                        other => Err(type_error(format!(
                            "__repr__ returned non-string (type {})",
                            other.type_name()
                        ))),
                    };
                }
                if i.class.is_subclass(&builtin_class("BaseException")) {
                    let args = self.exception_args(v);
                    let inner = if args.len() == 1 {
                        self.repr(&args[0])?
                    } else {
                        self.join_reprs(&args)?
                    };
                    return Ok(format!("{}({})", i.class.name, inner));
                }
                format!(
                    "<{}.{} object at 0x{:012x}>",
                    i.class.module_name,
                    i.class.name,
                    v.identity()
                )
            }
            Value::Module(m) => format!("<module '{}'>", m.name),
            Value::Iter(_) => format!("<iterator object at 0x{:012x}>", v.identity()),
            Value::Property(_) => format!("<property object at 0x{:012x}>", v.identity()),
            Value::StaticMethod(_) => "<staticmethod>".into(),
            Value::ClassMethod(_) => "<classmethod>".into(),
            Value::Super(s) => format!(
                "<super: <class '{}'>, <{} object>>",
                s.0.name,
                s.1.type_name()
            ),
            Value::Native(n) => n.clone().repr(self)?,
        })
    }

    pub fn exception_args(&self, v: &Value) -> Vec<Value> {
        match v {
            Value::Instance(i) => match i.attrs.borrow().get("args") {
                Some(Value::Tuple(t)) => t.to_vec(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        }
    }

    /// `str(v)`.
    pub fn to_str(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.to_string()),
            Value::Native(n) => n.clone().str(self),
            Value::Instance(i) => {
                if i.class.lookup("__str__").is_some() {
                    return match self.call_method(v, "__str__", Args::default())? {
                        Value::Str(s) => Ok(s.to_string()),
                        other => Err(type_error(format!(
                            "__str__ returned non-string (type {})",
                            other.type_name()
                        ))),
                    };
                }
                if i.class.is_subclass(&builtin_class("BaseException")) {
                    let args = self.exception_args(v);
                    return match args.len() {
                        0 => Ok(String::new()),
                        1 if i.class.is_subclass(&builtin_class("KeyError")) => self.repr(&args[0]),
                        1 => self.to_str(&args[0]),
                        _ => self.repr(&Value::tuple(args)),
                    };
                }
                self.repr(v)
            }
            _ => self.repr(v),
        }
    }

    /// `format(v, spec)`.
    pub fn format_value(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        match v {
            Value::Int(i) if !spec.is_empty() => format_int(*i, spec),
            Value::Bool(b) if !spec.is_empty() => format_int(*b as i64, spec),
            Value::Float(f) => format_float(*f, spec),
            Value::Str(s) => format_str(s, spec),
            Value::Native(n) if !spec.is_empty() => match n.format(spec) {
                Some(r) => r,
                None => {
                    let s = n.clone().str(self)?;
                    format_str(&s, spec)
                }
            },
            Value::Instance(i) if i.class.lookup("__format__").is_some() => {
                match self.call_method(v, "__format__", Args::positional(vec![Value::str(spec)]))? {
                    Value::Str(s) => Ok(s.to_string()),
                    other => Err(type_error(format!(
                        "__format__ must return a str, not {}",
                        other.type_name()
                    ))),
                }
            }
            _ if spec.is_empty() => self.to_str(v),
            _ => Err(type_error(format!(
                "unsupported format string passed to {}.__format__",
                v.type_name()
            ))),
        }
    }
}
