//! Expressions: names, literals, operators, attribute and item access, f-strings, lambdas.

use std::rc::Rc;

use crate::syntax::ast::{BoolOp, CmpOp, Constant, DictItem, Expr, ExprKind, FStringPart};

use super::{Frame, Interpreter};
use crate::eval::error::{type_error, PyResult};
use crate::eval::value::{Dict, Key, SliceObj, Value};

impl Interpreter {
    /// Evaluates an expression; errors get this expression's span if they have none yet.
    pub fn eval(&mut self, f: &Frame, e: &Expr) -> PyResult<Value> {
        self.check_stack().map_err(|err| err.at(f.file, e.span))?;
        let v = self
            .eval_inner(f, e)
            .map_err(|err| err.at(f.file, e.span))?;
        if let (Some(hook), Value::Native(_) | Value::Instance(_)) = (self.value_hook, &v) {
            hook(self, f.file, e.span, &v);
        }
        Ok(v)
    }

    /// The hot expression kinds, kept in a small function: every Python call recurses through
    /// here, so its native stack frame bounds how deep definitions can recurse.
    fn eval_inner(&mut self, f: &Frame, e: &Expr) -> PyResult<Value> {
        match &e.kind {
            ExprKind::Name(n) => self.load_name(f, n),
            ExprKind::Call { func, args } => self.eval_call(f, func, args),
            ExprKind::BinOp { left, op, right } => {
                let a = self.eval(f, left)?;
                let b = self.eval(f, right)?;
                self.binary_op(*op, &a, &b)
            }
            ExprKind::Attribute { value, attr } => {
                let obj = self.eval(f, value)?;
                self.getattr(&obj, &attr.name)
                    .map_err(|err| attr_hint(err, &obj, &attr.name).at(f.file, attr.span))
            }
            _ => self.eval_other(f, e),
        }
    }

    #[inline(never)]
    fn eval_other(&mut self, f: &Frame, e: &Expr) -> PyResult<Value> {
        match &e.kind {
            ExprKind::Name(n) => self.load_name(f, n),
            ExprKind::Constant(c) => Ok(match c {
                Constant::None => Value::None,
                Constant::Bool(b) => Value::Bool(*b),
                Constant::Int(i) => Value::Int(*i),
                Constant::Float(x) => Value::Float(*x),
                Constant::Str(s) => Value::str(s),
                Constant::Ellipsis => Value::Ellipsis,
            }),
            ExprKind::JoinedStr(parts) => {
                let s = self.eval_fstring(f, parts)?;
                self.charge(s.len())?;
                Ok(Value::str(&s))
            }
            ExprKind::BoolOp { op, values } => {
                let mut last = Value::None;
                for (i, v) in values.iter().enumerate() {
                    last = self.eval(f, v)?;
                    if i + 1 == values.len() {
                        break;
                    }
                    let t = self.truthy(&last).map_err(|err| err.at(f.file, v.span))?;
                    match op {
                        BoolOp::And if !t => return Ok(last),
                        BoolOp::Or if t => return Ok(last),
                        _ => {}
                    }
                }
                Ok(last)
            }
            ExprKind::NamedExpr { target, value } => {
                let v = self.eval(f, value)?;
                self.store_name(f, &target.name, v.clone());
                Ok(v)
            }
            ExprKind::BinOp { left, op, right } => {
                let a = self.eval(f, left)?;
                let b = self.eval(f, right)?;
                self.binary_op(*op, &a, &b)
            }
            ExprKind::UnaryOp { op, operand } => {
                let v = self.eval(f, operand)?;
                self.unary_op(*op, &v)
            }
            ExprKind::Lambda { params, body } => {
                let code = self.code_for_lambda(params, body, e.span);
                self.build_function(f, code, params)
            }
            ExprKind::IfExp { test, body, orelse } => {
                let t = self.eval(f, test)?;
                if self.truthy(&t)? {
                    self.eval(f, body)
                } else {
                    self.eval(f, orelse)
                }
            }
            ExprKind::Dict(items) => {
                let mut d = Dict::new();
                for item in items {
                    match item {
                        DictItem::Pair { key, value } => {
                            let k = self.eval(f, key)?;
                            let v = self.eval(f, value)?;
                            let k = self.hashable(k).map_err(|err| err.at(f.file, key.span))?;
                            d.insert(k, v);
                        }
                        DictItem::Unpack(m) => {
                            let m = self.eval(f, m)?;
                            for (k, v) in self.mapping_items(&m)? {
                                d.insert(self.hashable(k)?, v);
                            }
                        }
                    }
                }
                self.charge(d.len())?;
                Ok(Value::dict(d))
            }
            ExprKind::Set(items) => {
                let values = self.eval_elements(f, items)?;
                let mut s = crate::eval::value::Set::new();
                for v in values {
                    s.insert(self.hashable(v)?);
                }
                Ok(Value::set(s))
            }
            ExprKind::List(items) => Ok(Value::list(self.eval_elements(f, items)?)),
            ExprKind::Tuple(items) => Ok(Value::tuple(self.eval_elements(f, items)?)),
            ExprKind::ListComp { elt, generators } => {
                Ok(Value::list(self.comprehension(f, elt, generators)?))
            }
            ExprKind::GeneratorExp { elt, generators } => {
                let items = self.comprehension(f, elt, generators)?;
                Ok(Value::iter(crate::eval::value::IterState::Items(items, 0)))
            }
            ExprKind::SetComp { elt, generators } => {
                let items = self.comprehension(f, elt, generators)?;
                let mut s = crate::eval::value::Set::new();
                for v in items {
                    s.insert(self.hashable(v)?);
                }
                Ok(Value::set(s))
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.dict_comprehension(f, key, value, generators),
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                let mut a = self.eval(f, left)?;
                let mut result = Value::Bool(true);
                for (i, (op, c)) in ops.iter().zip(comparators).enumerate() {
                    let b = self.eval(f, c)?;
                    result = self.compare(*op, &a, &b)?;
                    if i + 1 < ops.len() {
                        if !self.truthy(&result)? {
                            return Ok(result);
                        }
                        a = b;
                    }
                }
                Ok(result)
            }
            ExprKind::Call { func, args } => self.eval_call(f, func, args),
            ExprKind::Attribute { value, attr } => {
                let obj = self.eval(f, value)?;
                self.getattr(&obj, &attr.name)
                    .map_err(|err| attr_hint(err, &obj, &attr.name).at(f.file, attr.span))
            }
            ExprKind::Subscript { value, index } => {
                let obj = self.eval(f, value)?;
                let key = self.eval(f, index)?;
                self.getitem(&obj, &key)
            }
            ExprKind::Slice { lower, upper, step } => {
                let mut part = |p: &Option<Box<Expr>>| -> PyResult<Value> {
                    match p {
                        Some(e) => self.eval(f, e),
                        None => Ok(Value::None),
                    }
                };
                let lower = part(lower)?;
                let upper = part(upper)?;
                let step = part(step)?;
                Ok(Value::Slice(Rc::new(SliceObj { lower, upper, step })))
            }
            ExprKind::Starred(_) => Err(crate::eval::error::exception(
                "SyntaxError",
                "can't use starred expression here",
            )),
        }
    }

    /// Elements of a list/tuple/set display, expanding `*iterable`.
    pub(crate) fn eval_elements(&mut self, f: &Frame, items: &[Expr]) -> PyResult<Vec<Value>> {
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            if let ExprKind::Starred(inner) = &item.kind {
                let v = self.eval(f, inner)?;
                out.extend(self.iterate(&v).map_err(|e| e.at(f.file, inner.span))?);
            } else {
                out.push(self.eval(f, item)?);
            }
        }
        self.charge(out.len())?;
        Ok(out)
    }

    fn eval_fstring(&mut self, f: &Frame, parts: &[FStringPart]) -> PyResult<String> {
        let mut out = String::new();
        for part in parts {
            match part {
                FStringPart::Literal(s) => out.push_str(s),
                FStringPart::Field(field) => {
                    let v = self.eval(f, &field.expr)?;
                    let v = match field.conversion {
                        Some('r') => Value::str(&self.repr(&v)?),
                        Some('a') => Value::str(&ascii(&self.repr(&v)?)),
                        Some('s') => Value::str(&self.to_str(&v)?),
                        _ => v,
                    };
                    let spec = match &field.format_spec {
                        Some(spec) => self.eval_fstring(f, spec)?,
                        None => String::new(),
                    };
                    let s = self
                        .format_value(&v, &spec)
                        .map_err(|e| e.at(f.file, field.span))?;
                    out.push_str(&s);
                }
            }
        }
        Ok(out)
    }

    pub(crate) fn hashable(&mut self, v: Value) -> PyResult<Key> {
        self.check_hashable(&v)?;
        Ok(Key(v))
    }

    pub fn check_hashable(&self, v: &Value) -> PyResult<()> {
        match v {
            Value::List(_) | Value::Dict(_) | Value::Set(_) => {
                Err(type_error(format!("unhashable type: '{}'", v.type_name())))
            }
            Value::Tuple(items) => items.iter().try_for_each(|i| self.check_hashable(i)),
            _ => Ok(()),
        }
    }

    /// `(key, value)` pairs of a mapping, for `**m` and `dict(m)`.
    pub(crate) fn mapping_items(&mut self, m: &Value) -> PyResult<Vec<(Value, Value)>> {
        match m {
            Value::Dict(d) => Ok(d
                .borrow()
                .iter()
                .map(|(k, v)| (k.0.clone(), v.clone()))
                .collect()),
            _ => {
                let keys = self
                    .call_method(m, "keys", Default::default())
                    .map_err(|_| {
                        type_error(format!("'{}' object is not a mapping", m.type_name()))
                    })?;
                let mut out = Vec::new();
                for k in self.iterate(&keys)? {
                    let v = self.getitem(m, &k)?;
                    out.push((k, v));
                }
                Ok(out)
            }
        }
    }

    /// `a in b` as Python defines it.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        match container {
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(s.contains(&**sub)),
                _ => Err(type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    item.type_name()
                ))),
            },
            Value::Dict(d) => {
                self.check_hashable(item)?;
                Ok(d.borrow().contains_key(&Key(item.clone())))
            }
            Value::Set(s) => {
                self.check_hashable(item)?;
                Ok(s.borrow().contains(&Key(item.clone())))
            }
            Value::Range(r) => Ok(match item.as_number() {
                Some(crate::eval::value::Num::Int(v)) => {
                    let inside = if r.step > 0 {
                        r.start <= v && v < r.stop
                    } else {
                        r.stop < v && v <= r.start
                    };
                    inside && (v - r.start) % r.step == 0
                }
                Some(crate::eval::value::Num::Float(f)) => {
                    f.fract() == 0.0 && (0..r.len()).any(|i| r.get(i) as f64 == f)
                }
                None => false,
            }),
            Value::Instance(_) if self.has_dunder(container, "__contains__") => {
                let r = self.call_method(
                    container,
                    "__contains__",
                    crate::eval::value::Args::positional(vec![item.clone()]),
                )?;
                self.truthy(&r)
            }
            Value::Int(_)
            | Value::Float(_)
            | Value::Bool(_)
            | Value::None
            | Value::Function(_)
            | Value::Builtin(_)
            | Value::Class(_) => Err(type_error(format!(
                "argument of type '{}' is not iterable",
                container.type_name()
            ))),
            _ => {
                for v in self.iterate(container)? {
                    if v.is(item) || self.eq(&v, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }

    pub(crate) fn compare_in(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        let r = self.contains(b, a)?;
        Ok(Value::Bool(if op == CmpOp::In { r } else { !r }))
    }
}

/// Adds a did-you-mean to an `AttributeError` about `obj.name`.
fn attr_hint(err: crate::eval::error::PyErr, obj: &Value, name: &str) -> crate::eval::error::PyErr {
    if err.0.help.is_some() || err.0.location.is_some() || !err.is("AttributeError") {
        return err;
    }
    let names = crate::eval::builtins::methods::attribute_names(obj);
    match super::closest(name, names.iter().map(|s| s.as_str())) {
        Some(close) => err.with_help(format!("did you mean `{close}`?")),
        None => err,
    }
}

/// `ascii()`: escapes non-ASCII characters of a repr.
pub fn ascii(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let n = c as u32;
        if n < 128 {
            out.push(c);
        } else if n < 256 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}
