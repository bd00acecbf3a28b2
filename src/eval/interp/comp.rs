//! Comprehensions, each run in its own scope as in Python 3 (the first iterable in the outer one).

use std::rc::Rc;

use crate::syntax::ast::{Comprehension, Expr};

use super::{scope, Frame, FrameKind, Interpreter};
use crate::eval::error::PyResult;
use crate::eval::value::{new_namespace, Dict, Value};

impl Interpreter {
    fn comprehension_frame(&self, f: &Frame, generators: &[Comprehension]) -> Frame {
        let closure = match &f.kind {
            FrameKind::Function(_) => std::iter::once(f.locals.clone())
                .chain(f.closure.iter().cloned())
                .collect(),
            _ => f.closure.clone(),
        };
        Frame {
            kind: FrameKind::Function(Rc::new(scope::comprehension_info(generators))),
            locals: new_namespace(),
            closure,
            globals: f.globals.clone(),
            file: f.file,
            name: f.name.clone(),
            module_name: f.module_name.clone(),
            super_ctx: f.super_ctx.clone(),
            qualname: f.qualname.clone(),
        }
    }

    /// Runs the generators, calling `emit` in the inner frame for each innermost iteration.
    fn run_generators(
        &mut self,
        outer: &Frame,
        inner: &Frame,
        generators: &[Comprehension],
        is_first: bool,
        emit: &mut dyn FnMut(&mut Interpreter, &Frame) -> PyResult<()>,
    ) -> PyResult<()> {
        let Some((g, rest)) = generators.split_first() else {
            return emit(self, inner);
        };
        // The outermost iterable is evaluated in the enclosing scope.
        let source_frame = if is_first { outer } else { inner };
        let iterable = self.eval(source_frame, &g.iter)?;
        let it = self
            .get_iter(&iterable)
            .map_err(|e| e.at(inner.file, g.iter.span))?;
        while let Some(item) = self.next(&it)? {
            self.step()?;
            self.assign(inner, &g.target, item)?;
            let mut keep = true;
            for cond in &g.ifs {
                let c = self.eval(inner, cond)?;
                if !self.truthy(&c)? {
                    keep = false;
                    break;
                }
            }
            if keep {
                self.run_generators(outer, inner, rest, false, emit)?;
            }
        }
        Ok(())
    }

    pub(crate) fn comprehension(
        &mut self,
        f: &Frame,
        elt: &Expr,
        generators: &[Comprehension],
    ) -> PyResult<Vec<Value>> {
        let inner = self.comprehension_frame(f, generators);
        let mut out = Vec::new();
        self.run_generators(f, &inner, generators, true, &mut |it, fr| {
            out.push(it.eval(fr, elt)?);
            it.charge(1)
        })?;
        Ok(out)
    }

    pub(crate) fn dict_comprehension(
        &mut self,
        f: &Frame,
        key: &Expr,
        value: &Expr,
        generators: &[Comprehension],
    ) -> PyResult<Value> {
        let inner = self.comprehension_frame(f, generators);
        let mut out = Dict::new();
        self.run_generators(f, &inner, generators, true, &mut |it, fr| {
            let k = it.eval(fr, key)?;
            let v = it.eval(fr, value)?;
            let k = it.hashable(k).map_err(|e| e.at(fr.file, key.span))?;
            out.insert(k, v);
            it.charge(1)
        })?;
        Ok(Value::dict(out))
    }
}
