//! Calls: evaluating arguments, binding them to parameters, running function bodies.

use std::rc::Rc;

use crate::diagnostics::Span;
use crate::syntax::ast::{self, Arg, Expr};

use super::{recursion_error, Flow, FnBody, FnCode, Frame, FrameKind, Interpreter};
use crate::eval::error::{type_error, PyErr, PyResult};
use crate::eval::value::{new_namespace, Args, Function, Value};

impl Interpreter {
    pub(crate) fn eval_call(
        &mut self,
        f: &Frame,
        func: &Expr,
        arg_exprs: &[Arg],
    ) -> PyResult<Value> {
        let callee = self.eval(f, func)?;
        let args = self.eval_args(f, arg_exprs)?;
        if let Value::Builtin(b) = &callee {
            if let Some(r) = self.frame_builtin(f, b.name, &args) {
                return r;
            }
        }
        let span = func.span.to(arg_exprs
            .last()
            .map(|a| a.value().span)
            .unwrap_or(func.span));
        self.call(&callee, args)
            .map_err(|e| self.add_call_site(e, f, span))
    }

    #[inline(never)]
    fn eval_args(&mut self, f: &Frame, arg_exprs: &[Arg]) -> PyResult<Args> {
        let mut args = Args::default();
        for a in arg_exprs {
            match a {
                Arg::Positional(e) => args.pos.push(self.eval(f, e)?),
                Arg::Starred(e) => {
                    let v = self.eval(f, e)?;
                    let items = self.iterate(&v).map_err(|err| {
                        if err.is("TypeError") {
                            type_error(format!(
                                "Value after * must be an iterable, not {}",
                                v.type_name()
                            ))
                            .at(f.file, e.span)
                        } else {
                            err
                        }
                    })?;
                    args.pos.extend(items);
                }
                Arg::Keyword { name, value } => {
                    let v = self.eval(f, value)?;
                    args.kw.push((Rc::from(name.name.as_str()), v));
                }
                Arg::DoubleStarred(e) => {
                    let m = self.eval(f, e)?;
                    for (k, v) in self
                        .mapping_items(&m)
                        .map_err(|err| err.at(f.file, e.span))?
                    {
                        let Value::Str(k) = k else {
                            return Err(type_error("keywords must be strings").at(f.file, e.span));
                        };
                        if args.kw.iter().any(|(n, _)| *n == k) {
                            return Err(type_error(format!(
                                "got multiple values for keyword argument '{k}'"
                            ))
                            .at(f.file, e.span));
                        }
                        args.kw.push((k, v));
                    }
                }
            }
        }
        Ok(args)
    }

    fn add_call_site(&self, mut e: PyErr, f: &Frame, span: Span) -> PyErr {
        if e.0.location.is_none() {
            return e.at(f.file, span);
        }
        e.0.frames.push(crate::diagnostics::Frame {
            file: f.file,
            span,
            name: f.name.to_string(),
        });
        e
    }

    /// Builtins that need the caller's frame: zero-argument `super()`, `locals()`, `globals()`, `vars()`.
    fn frame_builtin(&mut self, f: &Frame, name: &str, args: &Args) -> Option<PyResult<Value>> {
        if !args.pos.is_empty() || !args.kw.is_empty() {
            return None;
        }
        let ns_dict = |ns: &crate::eval::value::Namespace| {
            let d = ns
                .borrow()
                .iter()
                .map(|(k, v)| (crate::eval::value::Key(Value::Str(k.clone())), v.clone()))
                .collect();
            Value::dict(d)
        };
        match name {
            "super" => Some(match &f.super_ctx {
                Some((class, obj)) => Ok(Value::Super(Rc::new((class.clone(), obj.clone())))),
                None => Err(crate::eval::error::runtime_error("super(): no arguments")),
            }),
            "locals" | "vars" => Some(Ok(ns_dict(&f.locals))),
            "globals" => Some(Ok(ns_dict(&f.globals))),
            "dir" => {
                let mut names: Vec<Value> = f
                    .locals
                    .borrow()
                    .keys()
                    .map(|k| Value::Str(k.clone()))
                    .collect();
                names.sort_by(|a, b| match (a, b) {
                    (Value::Str(x), Value::Str(y)) => x.cmp(y),
                    _ => std::cmp::Ordering::Equal,
                });
                Some(Ok(Value::list(names)))
            }
            _ => None,
        }
    }

    /// Calls any callable value.
    pub fn call(&mut self, func: &Value, mut args: Args) -> PyResult<Value> {
        match func {
            Value::Function(fun) => self.call_function(fun, args),
            Value::Builtin(b) => (b.func)(self, args),
            Value::BoundMethod(m) => {
                args.pos.insert(0, m.receiver.clone());
                self.call(&m.func, args)
            }
            Value::Class(c) => self.instantiate(c, args),
            Value::NativeMethod(m) => {
                let (obj, name) = (&m.0, &m.1);
                match obj {
                    Value::Native(n) => n.clone().call_method(obj, name, args, self),
                    // `@prop.setter`: a copy of the property with the setter added.
                    Value::Property(p) if &**name == "setter" => {
                        Ok(Value::Property(Rc::new(crate::eval::value::Property {
                            fget: p.fget.clone(),
                            fset: args.pos.into_iter().next().unwrap_or(Value::None),
                        })))
                    }
                    _ => Err(type_error("bad native method")),
                }
            }
            Value::Native(n) => match n.clone().call(func, args, self) {
                Some(r) => r,
                None => Err(type_error(format!(
                    "'{}' object is not callable",
                    n.type_name()
                ))),
            },
            Value::Instance(i) if i.class.lookup("__call__").is_some() => {
                self.call_method(func, "__call__", args)
            }
            Value::StaticMethod(inner) | Value::ClassMethod(inner) => self.call(inner, args),
            _ => Err(type_error(format!(
                "'{}' object is not callable",
                func.type_name()
            ))),
        }
    }

    /// Looks up `name` on `obj` and calls it.
    pub fn call_method(&mut self, obj: &Value, name: &str, args: Args) -> PyResult<Value> {
        let m = self.getattr(obj, name)?;
        self.call(&m, args)
    }

    /// Whether an instance's class defines a special method.
    pub fn has_dunder(&self, v: &Value, name: &str) -> bool {
        match v {
            Value::Instance(i) => i.class.lookup(name).is_some(),
            _ => false,
        }
    }

    pub(crate) fn call_function(&mut self, fun: &Rc<Function>, args: Args) -> PyResult<Value> {
        if self.depth >= self.config.limits.max_depth
            || self.stack_used() > self.config.limits.max_stack_bytes
        {
            return Err(recursion_error());
        }
        let code = fun.code.clone();
        let locals = new_namespace();
        self.bind_arguments(fun, &code, args, &locals)?;
        let super_ctx = fun
            .owner
            .borrow()
            .as_ref()
            .and_then(|w| w.upgrade())
            .and_then(|class| {
                let first = code.params.posonly.iter().chain(&code.params.args).next()?;
                let obj = locals.borrow().get(first.name.name.as_str()).cloned()?;
                Some((class, obj))
            });
        let frame = Frame {
            kind: FrameKind::Function(code.info.clone()),
            locals,
            closure: fun.closure.clone(),
            globals: fun.globals.clone(),
            file: fun.file,
            name: code.name.clone(),
            module_name: fun.module_name.clone(),
            super_ctx,
            qualname: fun.qualname.clone(),
        };
        self.depth += 1;
        let result = match &code.body {
            FnBody::Block(body) => self.exec_block(&frame, body).map(|flow| match flow {
                Flow::Return(v) => v,
                _ => Value::None,
            }),
            FnBody::Expr(e) => self.eval(&frame, e),
        };
        self.depth -= 1;
        result
    }

    fn bind_arguments(
        &mut self,
        fun: &Function,
        code: &FnCode,
        args: Args,
        locals: &crate::eval::value::Namespace,
    ) -> PyResult<()> {
        let p = &code.params;
        let name = &fun.qualname;
        let positional: Vec<&ast::Param> = p.posonly.iter().chain(&p.args).collect();
        let n = positional.len();
        let mut slots: Vec<Option<Value>> = vec![None; n];
        let given = args.pos.len();
        let mut extra = Vec::new();
        for (i, v) in args.pos.clone().into_iter().enumerate() {
            if i < n {
                slots[i] = Some(v);
            } else if p.vararg.is_some() {
                extra.push(v);
            } else {
                let takes = if fun.defaults.is_empty() {
                    format!("{n} positional argument{}", if n == 1 { "" } else { "s" })
                } else {
                    format!(
                        "from {} to {n} positional arguments",
                        n - fun.defaults.len()
                    )
                };
                let kw_given = args
                    .kw
                    .iter()
                    .filter(|(k, _)| p.kwonly.iter().any(|q| *q.name.name == **k))
                    .count();
                let detail = if kw_given > 0 {
                    format!(
                        "{given} positional argument{} (and {kw_given} keyword-only argument{}) were given",
                        if given == 1 { "" } else { "s" },
                        if kw_given == 1 { "" } else { "s" }
                    )
                } else {
                    format!("{given} {} given", if given == 1 { "was" } else { "were" })
                };
                return Err(type_error(format!("{name}() takes {takes} but {detail}")));
            }
        }
        let mut kw_values: Vec<(Rc<str>, Value)> = Vec::new();
        let mut kwargs = crate::eval::value::Dict::new();
        for (k, v) in args.kw {
            if let Some(i) = positional.iter().position(|q| *q.name.name == *k) {
                if i < p.posonly.len() {
                    if p.kwarg.is_some() {
                        kwargs.insert(crate::eval::value::Key(Value::Str(k)), v);
                        continue;
                    }
                    return Err(type_error(format!(
                        "{name}() got some positional-only arguments passed as keyword arguments: '{k}'"
                    )));
                }
                if slots[i].is_some() {
                    return Err(type_error(format!(
                        "{name}() got multiple values for argument '{k}'"
                    )));
                }
                slots[i] = Some(v);
            } else if p.kwonly.iter().any(|q| *q.name.name == *k) {
                kw_values.push((k, v));
            } else if p.kwarg.is_some() {
                kwargs.insert(crate::eval::value::Key(Value::Str(k)), v);
            } else {
                return Err(type_error(format!(
                    "{name}() got an unexpected keyword argument '{k}'"
                )));
            }
        }
        let first_default = n - fun.defaults.len();
        let mut missing = Vec::new();
        let mut ns = locals.borrow_mut();
        for (i, slot) in slots.into_iter().enumerate() {
            let v = match slot {
                Some(v) => v,
                None if i >= first_default => fun.defaults[i - first_default].clone(),
                None => {
                    missing.push(format!("'{}'", positional[i].name.name));
                    continue;
                }
            };
            ns.insert(Rc::from(positional[i].name.name.as_str()), v);
        }
        if !missing.is_empty() {
            return Err(type_error(format!(
                "{name}() missing {} required positional argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                join_names(&missing)
            )));
        }
        if let Some(va) = &p.vararg {
            ns.insert(Rc::from(va.name.name.as_str()), Value::tuple(extra));
        }
        for q in &p.kwonly {
            let key = q.name.name.as_str();
            let v = kw_values
                .iter()
                .find(|(k, _)| &**k == key)
                .map(|(_, v)| v.clone())
                .or_else(|| {
                    fun.kw_defaults
                        .iter()
                        .find(|(k, _)| &**k == key)
                        .map(|(_, v)| v.clone())
                });
            match v {
                Some(v) => {
                    ns.insert(Rc::from(key), v);
                }
                None => missing.push(format!("'{key}'")),
            }
        }
        if !missing.is_empty() {
            return Err(type_error(format!(
                "{name}() missing {} required keyword-only argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                join_names(&missing)
            )));
        }
        if let Some(kw) = &p.kwarg {
            ns.insert(Rc::from(kw.name.name.as_str()), Value::dict(kwargs));
        }
        Ok(())
    }

    /// Executes a `def`: evaluates defaults once and captures the enclosing scopes.
    pub(crate) fn make_function(
        &mut self,
        f: &Frame,
        def: &ast::FunctionDef,
        span: Span,
    ) -> PyResult<Value> {
        let code = self.code_for_def(def, span);
        self.build_function(f, code, &def.params)
    }

    pub(crate) fn build_function(
        &mut self,
        f: &Frame,
        code: Rc<FnCode>,
        params: &ast::Parameters,
    ) -> PyResult<Value> {
        let mut defaults = Vec::new();
        for p in params.posonly.iter().chain(&params.args) {
            if let Some(d) = &p.default {
                defaults.push(self.eval(f, d)?);
            }
        }
        let mut kw_defaults = Vec::new();
        for p in &params.kwonly {
            if let Some(d) = &p.default {
                kw_defaults.push((Rc::from(p.name.name.as_str()), self.eval(f, d)?));
            }
        }
        let closure: Rc<[crate::eval::value::Namespace]> = match &f.kind {
            FrameKind::Function(_) => std::iter::once(f.locals.clone())
                .chain(f.closure.iter().cloned())
                .collect(),
            _ => f.closure.clone(),
        };
        let qualname: Rc<str> = match &f.kind {
            FrameKind::Module => code.name.clone(),
            FrameKind::Class => Rc::from(format!("{}.{}", f.qualname, code.name)),
            FrameKind::Function(_) => Rc::from(format!("{}.<locals>.{}", f.qualname, code.name)),
        };
        Ok(Value::Function(Rc::new(Function {
            name: code.name.clone(),
            qualname,
            code,
            defaults,
            kw_defaults,
            globals: f.globals.clone(),
            closure,
            file: f.file,
            module_name: f.module_name.clone(),
            owner: Default::default(),
            attrs: new_namespace(),
        })))
    }
}

/// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'` as in CPython's argument errors.
fn join_names(names: &[String]) -> String {
    match names.len() {
        1 => names[0].clone(),
        2 => format!("{} and {}", names[0], names[1]),
        n => format!("{}, and {}", names[..n - 1].join(", "), names[n - 1]),
    }
}
