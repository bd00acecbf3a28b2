//! Statements: control flow, `try`, `with`, `raise`, `assert`, `del`, `def`, imports.

use std::rc::Rc;

use crate::syntax::ast::{ExceptHandler, ExprKind, Stmt, StmtKind};

use super::{Flow, Frame, Interpreter};
use crate::eval::classes::{builtin_class, class_of};
use crate::eval::error::{make_exception, type_error, PyErr, PyResult};
use crate::eval::value::{Args, Value};

impl Interpreter {
    pub fn exec_block(&mut self, f: &Frame, body: &[Stmt]) -> PyResult<Flow> {
        for stmt in body {
            match self.exec_stmt(f, stmt) {
                Ok(Flow::Normal) => {}
                Ok(flow) => return Ok(flow),
                Err(e) => return Err(e.at(f.file, stmt.span)),
            }
        }
        Ok(Flow::Normal)
    }

    /// The hot statement kinds, kept small for the same reason as `eval_inner`.
    fn exec_stmt(&mut self, f: &Frame, stmt: &Stmt) -> PyResult<Flow> {
        self.step()?;
        match &stmt.kind {
            StmtKind::Expr(e) => {
                self.eval(f, e)?;
                Ok(Flow::Normal)
            }
            StmtKind::Return(Some(e)) => Ok(Flow::Return(self.eval(f, e)?)),
            StmtKind::If { test, body, orelse } => {
                let t = self.eval(f, test)?;
                let branch = if self.truthy(&t).map_err(|e| e.at(f.file, test.span))? {
                    body
                } else {
                    orelse
                };
                self.exec_block(f, branch)
            }
            _ => self.exec_other(f, stmt),
        }
    }

    #[inline(never)]
    fn exec_other(&mut self, f: &Frame, stmt: &Stmt) -> PyResult<Flow> {
        match &stmt.kind {
            StmtKind::Expr(e) => {
                self.eval(f, e)?;
            }
            StmtKind::Assign { targets, value } => {
                let v = self.eval(f, value)?;
                for t in targets {
                    self.assign(f, t, v.clone())?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(f, target, *op, value)?,
            StmtKind::AnnAssign { target, value, .. } => {
                if let Some(value) = value {
                    let v = self.eval(f, value)?;
                    self.assign(f, target, v)?;
                }
            }
            StmtKind::Import { names } => self.exec_import(f, names)?,
            StmtKind::ImportFrom {
                module,
                level,
                names,
            } => self.exec_import_from(f, module.as_ref(), *level, names, stmt.span)?,
            StmtKind::FunctionDef(def) => {
                let func = self.make_function(f, def, stmt.span)?;
                let mut value = func;
                for d in def.decorators.iter().rev() {
                    let dec = self.eval(f, d)?;
                    value = self
                        .call(&dec, Args::positional(vec![value]))
                        .map_err(|e| e.at(f.file, d.span))?;
                }
                self.store_name(f, &def.name.name, value);
            }
            StmtKind::ClassDef(def) => {
                let class = self.make_class(f, def)?;
                let mut value = class;
                for d in def.decorators.iter().rev() {
                    let dec = self.eval(f, d)?;
                    value = self
                        .call(&dec, Args::positional(vec![value]))
                        .map_err(|e| e.at(f.file, d.span))?;
                }
                self.store_name(f, &def.name.name, value);
            }
            StmtKind::Return(value) => {
                let v = match value {
                    Some(e) => self.eval(f, e)?,
                    None => Value::None,
                };
                return Ok(Flow::Return(v));
            }
            StmtKind::If { test, body, orelse } => {
                let t = self.eval(f, test)?;
                let branch = if self.truthy(&t).map_err(|e| e.at(f.file, test.span))? {
                    body
                } else {
                    orelse
                };
                return self.exec_block(f, branch);
            }
            StmtKind::While { test, body, orelse } => loop {
                let t = self.eval(f, test)?;
                if !self.truthy(&t)? {
                    return self.exec_block(f, orelse);
                }
                match self.exec_block(f, body)? {
                    Flow::Break => break,
                    Flow::Return(v) => return Ok(Flow::Return(v)),
                    Flow::Normal | Flow::Continue => {}
                }
                self.step()?;
            },
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                let iterable = self.eval(f, iter)?;
                let it = self
                    .get_iter(&iterable)
                    .map_err(|e| e.at(f.file, iter.span))?;
                loop {
                    let Some(item) = self.next(&it)? else {
                        return self.exec_block(f, orelse);
                    };
                    self.assign(f, target, item)
                        .map_err(|e| e.at(f.file, target.span))?;
                    match self.exec_block(f, body)? {
                        Flow::Break => break,
                        Flow::Return(v) => return Ok(Flow::Return(v)),
                        Flow::Normal | Flow::Continue => {}
                    }
                    self.step()?;
                }
            }
            StmtKind::Break => return Ok(Flow::Break),
            StmtKind::Continue => return Ok(Flow::Continue),
            StmtKind::Pass | StmtKind::Global { .. } | StmtKind::Nonlocal { .. } => {}
            StmtKind::With { items, body } => return self.exec_with(f, items, body),
            StmtKind::Assert { test, msg } => {
                let t = self.eval(f, test)?;
                if !self.truthy(&t)? {
                    let args = match msg {
                        Some(m) => vec![self.eval(f, m)?],
                        None => vec![],
                    };
                    return Err(PyErr::new(make_exception(
                        builtin_class("AssertionError"),
                        args,
                    )));
                }
            }
            StmtKind::Raise { exc, cause } => {
                return Err(self.exec_raise(f, exc.as_ref(), cause.as_ref())?)
            }
            StmtKind::Delete { targets } => {
                for t in targets {
                    self.delete(f, t)?;
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => return self.exec_try(f, body, handlers, orelse, finalbody),
        }
        Ok(Flow::Normal)
    }

    /// Builds the exception a `raise` statement raises (returned as the error to propagate).
    fn exec_raise(
        &mut self,
        f: &Frame,
        exc: Option<&crate::syntax::ast::Expr>,
        cause: Option<&crate::syntax::ast::Expr>,
    ) -> PyResult<PyErr> {
        let Some(exc) = exc else {
            return match self.current_exception.last() {
                Some(v) => Ok(PyErr::new(v.clone())),
                None => Ok(crate::eval::error::runtime_error(
                    "No active exception to reraise",
                )),
            };
        };
        let v = self.eval(f, exc)?;
        let v = match &v {
            Value::Class(c) if c.is_subclass(&builtin_class("BaseException")) => {
                self.call(&v, Args::default())?
            }
            Value::Instance(i) if i.class.is_subclass(&builtin_class("BaseException")) => v.clone(),
            _ => return Ok(type_error("exceptions must derive from BaseException")),
        };
        if let (Some(c), Value::Instance(i)) = (cause, &v) {
            let c = self.eval(f, c)?;
            i.attrs.borrow_mut().insert(Rc::from("__cause__"), c);
        }
        Ok(PyErr::new(v))
    }

    fn exec_try(
        &mut self,
        f: &Frame,
        body: &[Stmt],
        handlers: &[ExceptHandler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
    ) -> PyResult<Flow> {
        let result = match self.exec_block(f, body) {
            Ok(Flow::Normal) => self.exec_block(f, orelse),
            Ok(flow) => Ok(flow),
            Err(err) if err.0.fatal => Err(err),
            Err(err) => self.handle_exception(f, err, handlers),
        };
        if finalbody.is_empty() {
            return result;
        }
        match self.exec_block(f, finalbody)? {
            Flow::Normal => result,
            flow => Ok(flow),
        }
    }

    fn handle_exception(
        &mut self,
        f: &Frame,
        err: PyErr,
        handlers: &[ExceptHandler],
    ) -> PyResult<Flow> {
        for h in handlers {
            let matches = match &h.typ {
                None => true,
                Some(t) => {
                    let t = self.eval(f, t)?;
                    self.exception_matches(&err.0.exc, &t)?
                }
            };
            if !matches {
                continue;
            }
            if let Some(name) = &h.name {
                self.store_name(f, &name.name, err.0.exc.clone());
            }
            self.current_exception.push(err.0.exc.clone());
            let r = self.exec_block(f, &h.body);
            self.current_exception.pop();
            if let Some(name) = &h.name {
                f.locals.borrow_mut().shift_remove(name.name.as_str());
            }
            return r;
        }
        Err(err)
    }

    fn exception_matches(&mut self, exc: &Value, typ: &Value) -> PyResult<bool> {
        match typ {
            Value::Class(c) => Ok(class_of(exc).is_subclass(c)),
            Value::Tuple(items) => {
                for t in items.iter() {
                    if self.exception_matches(exc, t)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    fn exec_with(
        &mut self,
        f: &Frame,
        items: &[crate::syntax::ast::WithItem],
        body: &[Stmt],
    ) -> PyResult<Flow> {
        let Some((item, rest)) = items.split_first() else {
            return self.exec_block(f, body);
        };
        let ctx = self.eval(f, &item.context)?;
        let entered = self
            .call_method(&ctx, "__enter__", Args::default())
            .map_err(|e| e.at(f.file, item.context.span))?;
        if let Some(t) = &item.target {
            self.assign(f, t, entered)?;
        }
        let result = self.exec_with(f, rest, body);
        match result {
            Ok(flow) => {
                self.call_method(
                    &ctx,
                    "__exit__",
                    Args::positional(vec![Value::None, Value::None, Value::None]),
                )?;
                Ok(flow)
            }
            Err(err) if err.0.fatal => Err(err),
            Err(err) => {
                let exc = err.0.exc.clone();
                let typ = Value::Class(class_of(&exc));
                let suppress = self.call_method(
                    &ctx,
                    "__exit__",
                    Args::positional(vec![typ, exc, Value::None]),
                )?;
                if self.truthy(&suppress)? {
                    Ok(Flow::Normal)
                } else {
                    Err(err)
                }
            }
        }
    }

    fn delete(&mut self, f: &Frame, target: &crate::syntax::ast::Expr) -> PyResult<()> {
        match &target.kind {
            ExprKind::Name(n) => self.delete_name(f, n),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for t in items {
                    self.delete(f, t)?;
                }
                Ok(())
            }
            ExprKind::Subscript { value, index } => {
                let obj = self.eval(f, value)?;
                let key = self.eval(f, index)?;
                self.delitem(&obj, &key)
            }
            ExprKind::Attribute { value, attr } => {
                let obj = self.eval(f, value)?;
                self.delattr(&obj, &attr.name)
            }
            _ => Err(crate::eval::error::exception(
                "SyntaxError",
                "cannot delete expression",
            )),
        }
    }
}
