//! The `NativeObject` trait: values implemented in Rust (stdlib shims, ehrQL series and frames).

use std::any::Any;
use std::rc::Rc;

use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};

use super::error::PyResult;
use super::interp::Interpreter;
use super::value::{Args, Class, Namespace, Value};

/// An object implemented in Rust: stdlib shims now, ehrQL series and frames later.
///
/// Every hook has a default meaning "not supported", so an implementation overrides only
/// what it offers. `this` is the `Value::Native` wrapping `self`, for methods that return it.
pub trait NativeObject: Any {
    fn type_name(&self) -> &str;
    fn as_any(&self) -> &dyn Any;
    fn get_attr(
        &self,
        _this: &Value,
        _name: &str,
        _it: &mut Interpreter,
    ) -> Option<PyResult<Value>> {
        None
    }
    fn set_attr(&self, _name: &str, _value: Value, _it: &mut Interpreter) -> Option<PyResult<()>> {
        None
    }
    /// Whether `name` is a method; attribute access then yields a bound native method.
    fn has_method(&self, _name: &str) -> bool {
        false
    }
    fn call_method(
        &self,
        _this: &Value,
        name: &str,
        _args: Args,
        _it: &mut Interpreter,
    ) -> PyResult<Value> {
        Err(super::error::attribute_error(format!(
            "'{}' object has no attribute '{}'",
            self.type_name(),
            name
        )))
    }
    fn call(&self, _this: &Value, _args: Args, _it: &mut Interpreter) -> Option<PyResult<Value>> {
        None
    }
    /// `this op other` (or `other op this` when `reflected`); `None` if unsupported.
    fn binary_op(
        &self,
        _this: &Value,
        _op: BinOp,
        _other: &Value,
        _reflected: bool,
        _it: &mut Interpreter,
    ) -> Option<PyResult<Value>> {
        None
    }
    fn unary_op(
        &self,
        _this: &Value,
        _op: UnaryOp,
        _it: &mut Interpreter,
    ) -> Option<PyResult<Value>> {
        None
    }
    /// A rich comparison (`==`, `<`, ...); may return a non-bool (ehrQL series do).
    fn compare(
        &self,
        _this: &Value,
        _op: CmpOp,
        _other: &Value,
        _it: &mut Interpreter,
    ) -> Option<PyResult<Value>> {
        None
    }
    /// Truthiness; may raise (ehrQL series refuse `and`/`or`/`not`).
    fn truthy(&self, _it: &mut Interpreter) -> PyResult<bool> {
        Ok(true)
    }
    fn repr(&self, _it: &mut Interpreter) -> PyResult<String> {
        Ok(format!("<{} object>", self.type_name()))
    }
    fn str(&self, it: &mut Interpreter) -> PyResult<String> {
        self.repr(it)
    }
    /// `format(obj, spec)` for a non-empty spec (dates use strftime specs).
    fn format(&self, _spec: &str) -> Option<PyResult<String>> {
        None
    }
    fn iter(&self, _this: &Value, _it: &mut Interpreter) -> Option<PyResult<Vec<Value>>> {
        None
    }
    fn getitem(
        &self,
        _this: &Value,
        _key: &Value,
        _it: &mut Interpreter,
    ) -> Option<PyResult<Value>> {
        None
    }
    fn len(&self) -> Option<usize> {
        None
    }
    fn is_empty(&self) -> Option<bool> {
        self.len().map(|n| n == 0)
    }
    /// A hash for use as a dict key; `None` means hashed by identity.
    fn hash_key(&self) -> Option<u64> {
        None
    }
    /// Equality for dict keys; by identity unless overridden.
    fn eq_key(&self, _other: &Value) -> Option<bool> {
        None
    }
    /// Attribute and method names, for did-you-mean hints on a misspelt attribute.
    fn attribute_names(&self) -> Vec<String> {
        Vec::new()
    }
    /// For class-like natives used as a base, `class Name(this): body`: builds the result from
    /// the name and the body's ordered namespace (a metaclass hook; ehrQL's `PatientFrame`).
    /// `None` means the value cannot be subclassed.
    fn subclass(
        &self,
        _this: &Value,
        _name: &str,
        _namespace: &Namespace,
        _it: &mut Interpreter,
    ) -> Option<PyResult<Value>> {
        None
    }
    /// For class-like native objects (`datetime.date`): whether `value` is an instance,
    /// so `isinstance(value, this)` works.
    fn is_instance(&self, _value: &Value) -> Option<bool> {
        None
    }
    /// The class `type(obj)` returns and `isinstance` checks against, if any.
    fn class(&self) -> Option<Rc<Class>> {
        None
    }
}
