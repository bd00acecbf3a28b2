//! Classes: building them from `class` statements, instantiation, attribute access and `super()`.

use std::rc::Rc;

use crate::syntax::ast::{Arg, ClassDef};

use super::{Frame, FrameKind, Interpreter};
use crate::eval::builtins;
use crate::eval::classes::{builtin_class, class_of};
use crate::eval::error::{attribute_error, make_exception, type_error, PyResult};
use crate::eval::value::{new_namespace, Args, BoundMethod, BuiltinType, Class, Instance, Value};

impl Interpreter {
    pub(crate) fn make_class(&mut self, f: &Frame, def: &ClassDef) -> PyResult<Value> {
        let mut bases = Vec::new();
        let mut native_base = None;
        for a in &def.bases {
            if let Arg::Positional(e) = a {
                match self.eval(f, e)? {
                    Value::Class(c) => bases.push(c),
                    v @ Value::Native(_) if native_base.is_none() => {
                        native_base = Some((v, e.span))
                    }
                    other => {
                        return Err(type_error(format!(
                            "bases must be types, not {}",
                            other.type_name()
                        ))
                        .at(f.file, e.span))
                    }
                }
            }
        }
        let qualname: Rc<str> = match &f.kind {
            FrameKind::Module => Rc::from(def.name.name.as_str()),
            FrameKind::Class => Rc::from(format!("{}.{}", f.qualname, def.name.name)),
            FrameKind::Function(_) => {
                Rc::from(format!("{}.<locals>.{}", f.qualname, def.name.name))
            }
        };
        let ns = new_namespace();
        ns.borrow_mut()
            .insert(Rc::from("__module__"), Value::Str(f.module_name.clone()));
        ns.borrow_mut()
            .insert(Rc::from("__qualname__"), Value::Str(qualname.clone()));
        let closure = match &f.kind {
            FrameKind::Function(_) => std::iter::once(f.locals.clone())
                .chain(f.closure.iter().cloned())
                .collect(),
            _ => f.closure.clone(),
        };
        let frame = Frame {
            kind: FrameKind::Class,
            locals: ns.clone(),
            closure,
            globals: f.globals.clone(),
            file: f.file,
            name: Rc::from(def.name.name.as_str()),
            module_name: f.module_name.clone(),
            super_ctx: None,
            qualname,
        };
        self.exec_block(&frame, &def.body)?;
        if let Some((base, span)) = native_base {
            let Value::Native(n) = &base else {
                unreachable!("matched as native")
            };
            return match n.clone().subclass(&base, &def.name.name, &ns, self) {
                Some(r) => r,
                None => Err(
                    type_error(format!("bases must be types, not {}", base.type_name()))
                        .at(f.file, span),
                ),
            };
        }
        let class = new_class(&def.name.name, &f.module_name, bases, ns)?;
        for v in class.dict.borrow().values() {
            set_owner(v, &class);
        }
        // `__init_subclass__` of the nearest base that defines it runs with the new class and
        // the class keywords (it is implicitly a classmethod).
        let hook = class
            .mro
            .iter()
            .find_map(|c| c.dict.borrow().get("__init_subclass__").cloned());
        if let Some(hook) = hook {
            let func = match hook {
                Value::ClassMethod(f) => (*f).clone(),
                other => other,
            };
            let mut args = Args::positional(vec![Value::Class(class.clone())]);
            for a in &def.bases {
                if let Arg::Keyword { name, value } = a {
                    let v = self.eval(f, value)?;
                    args.kw.push((Rc::from(name.name.as_str()), v));
                }
            }
            self.call(&func, args)?;
        }
        Ok(Value::Class(class))
    }

    pub(crate) fn instantiate(&mut self, c: &Rc<Class>, args: Args) -> PyResult<Value> {
        if let Some(bt) = c.builtin {
            if bt != BuiltinType::Object && bt != BuiltinType::BaseException {
                return builtins::types::construct(self, bt, args);
            }
        }
        let is_exc = c.is_subclass(&builtin_class("BaseException"));
        let inst = if is_exc {
            make_exception(c.clone(), args.pos.clone())
        } else {
            Value::Instance(Rc::new(Instance {
                class: c.clone(),
                attrs: new_namespace(),
            }))
        };
        match c.lookup("__init__") {
            Some(init @ Value::Function(_)) => {
                let mut a = args;
                a.pos.insert(0, inst.clone());
                let r = self.call(&init, a)?;
                if !r.is_none() {
                    return Err(type_error(format!(
                        "__init__() should return None, not '{}'",
                        r.type_name()
                    )));
                }
            }
            _ if !is_exc && (!args.pos.is_empty() || !args.kw.is_empty()) => {
                return Err(type_error(format!("{}() takes no arguments", c.name)));
            }
            _ => {}
        }
        Ok(inst)
    }

    pub fn getattr(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        match obj {
            Value::Instance(inst) => {
                let class_attr = inst.class.lookup(name);
                if let Some(Value::Property(p)) = &class_attr {
                    return self.call(&p.fget, Args::positional(vec![obj.clone()]));
                }
                if let Some(v) = inst.attrs.borrow().get(name) {
                    return Ok(v.clone());
                }
                if let Some(v) = class_attr {
                    return Ok(bind(v, obj, &inst.class));
                }
                if name == "__class__" {
                    return Ok(Value::Class(inst.class.clone()));
                }
                if name == "__dict__" {
                    return Ok(namespace_dict(&inst.attrs));
                }
                if let Some(hook) = inst.class.lookup("__getattr__") {
                    return self.call(&hook, Args::positional(vec![obj.clone(), Value::str(name)]));
                }
                Err(attribute_error(format!(
                    "'{}' object has no attribute '{}'",
                    inst.class.name, name
                )))
            }
            Value::Class(c) => {
                if let Some(v) = c.lookup(name) {
                    return Ok(match v {
                        Value::ClassMethod(f) => Value::BoundMethod(Rc::new(BoundMethod {
                            receiver: obj.clone(),
                            func: (*f).clone(),
                        })),
                        Value::StaticMethod(f) => (*f).clone(),
                        v => v,
                    });
                }
                match name {
                    "__name__" => Ok(Value::Str(c.name.clone())),
                    "__module__" => Ok(Value::Str(c.module_name.clone())),
                    "__qualname__" => Ok(Value::Str(c.name.clone())),
                    "__bases__" => Ok(Value::tuple(
                        c.bases.iter().map(|b| Value::Class(b.clone())).collect(),
                    )),
                    "__mro__" => Ok(Value::tuple(
                        std::iter::once(c.clone())
                            .chain(c.mro.iter().cloned())
                            .map(Value::Class)
                            .collect(),
                    )),
                    "__dict__" => Ok(namespace_dict(&c.dict)),
                    "__class__" => Ok(Value::Class(builtin_class("type"))),
                    _ => match c
                        .builtin
                        .and_then(|_| builtins::methods::lookup_type_method(c, name))
                    {
                        Some(m) => Ok(m),
                        None => Err(attribute_error(format!(
                            "type object '{}' has no attribute '{}'",
                            c.name, name
                        ))),
                    },
                }
            }
            Value::Module(m) => {
                if let Some(v) = m.globals.borrow().get(name) {
                    return Ok(v.clone());
                }
                // A module-level `__getattr__` answers missing names (PEP 562).
                let hook = m.globals.borrow().get("__getattr__").cloned();
                if let Some(hook) = hook {
                    return self.call(&hook, Args::positional(vec![Value::str(name)]));
                }
                match name {
                    "__name__" => Ok(Value::Str(m.name.clone())),
                    "__dict__" => Ok(namespace_dict(&m.globals)),
                    _ => Err(attribute_error(format!(
                        "module '{}' has no attribute '{}'",
                        m.name, name
                    ))),
                }
            }
            Value::Super(s) => self.super_getattr(&s.0, &s.1, name),
            Value::Native(n) => {
                if let Some(r) = n.clone().get_attr(obj, name, self) {
                    return r;
                }
                if n.has_method(name) {
                    return Ok(Value::NativeMethod(Rc::new((obj.clone(), Rc::from(name)))));
                }
                if name == "__class__" {
                    return Ok(Value::Class(class_of(obj)));
                }
                Err(attribute_error(format!(
                    "'{}' object has no attribute '{}'",
                    n.type_name(),
                    name
                )))
            }
            Value::Function(fun) => match name {
                "__name__" => Ok(Value::Str(fun.name.clone())),
                "__qualname__" => Ok(Value::Str(fun.qualname.clone())),
                "__module__" => Ok(Value::Str(fun.module_name.clone())),
                "__doc__" => Ok(match &fun.code.body {
                    super::FnBody::Block(body) => match body.first().map(|s| &s.kind) {
                        Some(crate::syntax::ast::StmtKind::Expr(crate::syntax::ast::Expr {
                            kind:
                                crate::syntax::ast::ExprKind::Constant(
                                    crate::syntax::ast::Constant::Str(s),
                                ),
                            ..
                        })) => Value::str(s),
                        _ => Value::None,
                    },
                    super::FnBody::Expr(_) => Value::None,
                }),
                _ => fun.attrs.borrow().get(name).cloned().ok_or_else(|| {
                    attribute_error(format!("'function' object has no attribute '{name}'"))
                }),
            },
            Value::Builtin(b) if name == "__name__" => Ok(Value::str(b.name)),
            _ => {
                if name == "__class__" {
                    return Ok(Value::Class(class_of(obj)));
                }
                if let Some(v) = builtins::methods::attribute(obj, name) {
                    return Ok(v);
                }
                match builtins::methods::lookup(obj, name) {
                    Some(m) => Ok(Value::BoundMethod(Rc::new(BoundMethod {
                        receiver: obj.clone(),
                        func: m,
                    }))),
                    None => Err(attribute_error(format!(
                        "'{}' object has no attribute '{}'",
                        obj.type_name(),
                        name
                    ))),
                }
            }
        }
    }

    fn super_getattr(&mut self, owner: &Rc<Class>, obj: &Value, name: &str) -> PyResult<Value> {
        let start = match obj {
            Value::Class(c) => c.clone(),
            _ => class_of(obj),
        };
        let mro: Vec<Rc<Class>> = std::iter::once(start.clone())
            .chain(start.mro.iter().cloned())
            .collect();
        let idx = mro
            .iter()
            .position(|c| Rc::ptr_eq(c, owner))
            .map(|i| i + 1)
            .unwrap_or(mro.len());
        for c in &mro[idx..] {
            if let Some(v) = c.dict.borrow().get(name).cloned() {
                return Ok(bind(v, obj, &start));
            }
        }
        let fallback = match name {
            "__init__" if start.is_subclass(&builtin_class("BaseException")) => {
                Some(Value::builtin("__init__", builtins::types::exception_init))
            }
            "__init__" | "__init_subclass__" => {
                Some(Value::builtin("__init__", builtins::types::object_init))
            }
            "__repr__" | "__str__" => {
                Some(Value::builtin("__repr__", builtins::types::object_repr))
            }
            _ => None,
        };
        match fallback {
            Some(f) => Ok(Value::BoundMethod(Rc::new(BoundMethod {
                receiver: obj.clone(),
                func: f,
            }))),
            None => Err(attribute_error(format!(
                "'super' object has no attribute '{name}'"
            ))),
        }
    }

    pub fn setattr(&mut self, obj: &Value, name: &str, value: Value) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                if let Some(Value::Property(p)) = inst.class.lookup(name) {
                    if p.fset.is_none() {
                        return Err(attribute_error(format!(
                            "property '{}' of '{}' object has no setter",
                            name, inst.class.name
                        )));
                    }
                    self.call(&p.fset, Args::positional(vec![obj.clone(), value]))?;
                    return Ok(());
                }
                inst.attrs.borrow_mut().insert(Rc::from(name), value);
                Ok(())
            }
            Value::Class(c) if c.builtin.is_none() => {
                set_owner(&value, c);
                c.dict.borrow_mut().insert(Rc::from(name), value);
                Ok(())
            }
            Value::Module(m) => {
                m.globals.borrow_mut().insert(Rc::from(name), value);
                Ok(())
            }
            Value::Function(f) => {
                f.attrs.borrow_mut().insert(Rc::from(name), value);
                Ok(())
            }
            Value::Native(n) => match n.clone().set_attr(name, value, self) {
                Some(r) => r,
                None => Err(attribute_error(format!(
                    "'{}' object has no attribute '{}'",
                    n.type_name(),
                    name
                ))),
            },
            Value::Class(c) => Err(type_error(format!(
                "cannot set '{}' attribute of immutable type '{}'",
                name, c.name
            ))),
            _ => Err(attribute_error(format!(
                "'{}' object has no attribute '{}' and no __dict__ for setting new attributes",
                obj.type_name(),
                name
            ))),
        }
    }

    pub fn delattr(&mut self, obj: &Value, name: &str) -> PyResult<()> {
        let ns = match obj {
            Value::Instance(i) => i.attrs.clone(),
            Value::Class(c) => c.dict.clone(),
            Value::Module(m) => m.globals.clone(),
            _ => {
                return Err(attribute_error(format!(
                    "'{}' object has no attribute '{}'",
                    obj.type_name(),
                    name
                )))
            }
        };
        if ns.borrow_mut().shift_remove(name).is_none() {
            return Err(attribute_error(format!(
                "'{}' object has no attribute '{}'",
                obj.type_name(),
                name
            )));
        }
        Ok(())
    }
}

/// A class attribute seen through an instance: functions become bound methods.
fn bind(v: Value, obj: &Value, class: &Rc<Class>) -> Value {
    match v {
        Value::Function(_) if !matches!(obj, Value::Class(_)) => {
            Value::BoundMethod(Rc::new(BoundMethod {
                receiver: obj.clone(),
                func: v,
            }))
        }
        Value::ClassMethod(f) => Value::BoundMethod(Rc::new(BoundMethod {
            receiver: Value::Class(class.clone()),
            func: (*f).clone(),
        })),
        Value::StaticMethod(f) => (*f).clone(),
        v => v,
    }
}

fn namespace_dict(ns: &crate::eval::value::Namespace) -> Value {
    Value::dict(
        ns.borrow()
            .iter()
            .map(|(k, v)| (crate::eval::value::Key(Value::Str(k.clone())), v.clone()))
            .collect(),
    )
}

/// Records the defining class on methods, for zero-argument `super()`.
fn set_owner(v: &Value, class: &Rc<Class>) {
    match v {
        Value::Function(f) => *f.owner.borrow_mut() = Some(Rc::downgrade(class)),
        Value::ClassMethod(inner) | Value::StaticMethod(inner) => set_owner(inner, class),
        Value::Property(p) => {
            set_owner(&p.fget, class);
            set_owner(&p.fset, class);
        }
        _ => {}
    }
}

/// Creates a class with a C3 method resolution order.
pub fn new_class(
    name: &str,
    module: &str,
    bases: Vec<Rc<Class>>,
    dict: crate::eval::value::Namespace,
) -> PyResult<Rc<Class>> {
    let bases = if bases.is_empty() {
        vec![builtin_class("object")]
    } else {
        bases
    };
    let mut seqs: Vec<Vec<Rc<Class>>> = bases
        .iter()
        .map(|b| {
            std::iter::once(b.clone())
                .chain(b.mro.iter().cloned())
                .collect()
        })
        .collect();
    seqs.push(bases.clone());
    let mut mro = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            break;
        }
        let head = seqs
            .iter()
            .map(|s| s[0].clone())
            .find(|h| !seqs.iter().any(|s| s[1..].iter().any(|c| Rc::ptr_eq(c, h))))
            .ok_or_else(|| {
                type_error("Cannot create a consistent method resolution order (MRO)")
            })?;
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &head) {
                s.remove(0);
            }
        }
        mro.push(head);
    }
    Ok(Rc::new(Class {
        name: Rc::from(name),
        module_name: Rc::from(module),
        bases,
        mro,
        dict,
        builtin: None,
    }))
}
