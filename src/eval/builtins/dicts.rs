//! `dict` methods and the `dict_keys`/`dict_values`/`dict_items` views (snapshots, printed as CPython does).

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use super::method_arity;
use crate::eval::error::{key_error, type_error, PyResult};
use crate::eval::interp::Interpreter;
use crate::eval::value::{Args, BuiltinFn, Dict, Key, NativeObject, Value};

pub fn method(name: &str) -> Option<(&'static str, BuiltinFn)> {
    Some(match name {
        "items" => ("items", |_, a| view(&a, ViewKind::Items)),
        "keys" => ("keys", |_, a| view(&a, ViewKind::Keys)),
        "values" => ("values", |_, a| view(&a, ViewKind::Values)),
        "get" => ("get", get),
        "update" => ("update", update),
        "setdefault" => ("setdefault", setdefault),
        "pop" => ("pop", pop),
        "popitem" => ("popitem", |_, a| {
            let d = dict_of(&a)?;
            let last = d.borrow_mut().pop();
            match last {
                Some((k, v)) => Ok(Value::tuple(vec![k.0, v])),
                None => Err(key_error(Value::str("popitem(): dictionary is empty"))),
            }
        }),
        "copy" => ("copy", |_, a| {
            Ok(Value::dict(dict_of(&a)?.borrow().clone()))
        }),
        "clear" => ("clear", |_, a| {
            dict_of(&a)?.borrow_mut().clear();
            Ok(Value::None)
        }),
        _ => return None,
    })
}

fn dict_of(args: &Args) -> PyResult<&Rc<RefCell<Dict>>> {
    match args.pos.first() {
        Some(Value::Dict(d)) => Ok(d),
        Some(v) => Err(type_error(format!(
            "descriptor requires a 'dict' object but received a '{}'",
            v.type_name()
        ))),
        None => Err(type_error("unbound method needs an argument")),
    }
}

fn get(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    method_arity("dict.get", &args, 1, 2)?;
    it.check_hashable(&args.pos[1])?;
    let found = dict_of(&args)?
        .borrow()
        .get(&Key(args.pos[1].clone()))
        .cloned();
    Ok(found.unwrap_or_else(|| args.pos.get(2).cloned().unwrap_or(Value::None)))
}

fn update(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    method_arity("dict.update", &args, 0, 1)?;
    let d = dict_of(&args)?.clone();
    let mut new = d.borrow().clone();
    if let Some(v) = args.pos.get(1) {
        super::types::update_dict(it, &mut new, v)?;
    }
    for (k, v) in args.kw {
        new.insert(Key(Value::Str(k)), v);
    }
    it.charge(new.len().saturating_sub(d.borrow().len()))?;
    *d.borrow_mut() = new;
    Ok(Value::None)
}

fn setdefault(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    method_arity("dict.setdefault", &args, 1, 2)?;
    let k = it.hashable(args.pos[1].clone())?;
    let d = dict_of(&args)?;
    let default = args.pos.get(2).cloned().unwrap_or(Value::None);
    let v = d.borrow_mut().entry(k).or_insert(default).clone();
    Ok(v)
}

fn pop(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    method_arity("dict.pop", &args, 1, 2)?;
    it.check_hashable(&args.pos[1])?;
    let removed = dict_of(&args)?
        .borrow_mut()
        .shift_remove(&Key(args.pos[1].clone()));
    match (removed, args.pos.get(2)) {
        (Some(v), _) => Ok(v),
        (None, Some(d)) => Ok(d.clone()),
        (None, None) => Err(key_error(args.pos[1].clone())),
    }
}

pub fn fromkeys(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    method_arity("dict.fromkeys", &args, 0, 1)?;
    let value = args.pos.get(1).cloned().unwrap_or(Value::None);
    let mut d = Dict::new();
    for k in it.iterate(&args.pos[0])? {
        d.insert(it.hashable(k)?, value.clone());
    }
    Ok(Value::dict(d))
}

#[derive(Clone, Copy, PartialEq)]
enum ViewKind {
    Keys,
    Values,
    Items,
}

/// A dict view. It reads the dict live, so views taken before a mutation see it, as in Python.
struct DictView {
    dict: Rc<RefCell<Dict>>,
    kind: ViewKind,
}

fn view(args: &Args, kind: ViewKind) -> PyResult<Value> {
    Ok(Value::Native(Rc::new(DictView {
        dict: dict_of(args)?.clone(),
        kind,
    })))
}

impl DictView {
    fn items(&self) -> Vec<Value> {
        let d = self.dict.borrow();
        match self.kind {
            ViewKind::Keys => d.keys().map(|k| k.0.clone()).collect(),
            ViewKind::Values => d.values().cloned().collect(),
            ViewKind::Items => d
                .iter()
                .map(|(k, v)| Value::tuple(vec![k.0.clone(), v.clone()]))
                .collect(),
        }
    }
}

impl NativeObject for DictView {
    fn type_name(&self) -> &str {
        match self.kind {
            ViewKind::Keys => "dict_keys",
            ViewKind::Values => "dict_values",
            ViewKind::Items => "dict_items",
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, it: &mut Interpreter) -> PyResult<String> {
        let list = it.repr(&Value::list(self.items()))?;
        Ok(format!("{}({})", self.type_name(), list))
    }
    fn iter(&self, _this: &Value, _it: &mut Interpreter) -> Option<PyResult<Vec<Value>>> {
        Some(Ok(self.items()))
    }
    fn len(&self) -> Option<usize> {
        Some(self.dict.borrow().len())
    }
    fn truthy(&self, _it: &mut Interpreter) -> PyResult<bool> {
        Ok(!self.dict.borrow().is_empty())
    }
    fn compare(
        &self,
        _this: &Value,
        op: crate::syntax::ast::CmpOp,
        other: &Value,
        it: &mut Interpreter,
    ) -> Option<PyResult<Value>> {
        use crate::syntax::ast::CmpOp;
        if !matches!(op, CmpOp::Eq | CmpOp::NotEq) {
            return None;
        }
        let other_items = match other {
            Value::Native(n) => n.as_any().downcast_ref::<DictView>().map(|v| v.items()),
            Value::Set(s) => Some(s.borrow().iter().map(|k| k.0.clone()).collect()),
            _ => None,
        }?;
        let mine: crate::eval::value::Set = match self
            .items()
            .into_iter()
            .map(|v| it.hashable(v))
            .collect::<PyResult<_>>()
        {
            Ok(s) => s,
            Err(e) => return Some(Err(e)),
        };
        let theirs: crate::eval::value::Set = match other_items
            .into_iter()
            .map(|v| it.hashable(v))
            .collect::<PyResult<_>>()
        {
            Ok(s) => s,
            Err(e) => return Some(Err(e)),
        };
        let eq = mine.len() == theirs.len() && mine.iter().all(|k| theirs.contains(k));
        Some(Ok(Value::Bool(if op == CmpOp::Eq { eq } else { !eq })))
    }
}
