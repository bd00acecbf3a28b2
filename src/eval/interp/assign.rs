//! Assignment targets: names, attributes, items, and (starred) unpacking; augmented assignment.

use crate::syntax::ast::{BinOp, Expr, ExprKind};

use super::{Frame, Interpreter};
use crate::eval::error::{exception, value_error, PyResult};
use crate::eval::value::Value;

impl Interpreter {
    pub fn assign(&mut self, f: &Frame, target: &Expr, value: Value) -> PyResult<()> {
        match &target.kind {
            ExprKind::Name(n) => {
                self.store_name(f, n, value);
                Ok(())
            }
            ExprKind::Attribute { value: obj, attr } => {
                let o = self.eval(f, obj)?;
                self.setattr(&o, &attr.name, value)
                    .map_err(|e| e.at(f.file, target.span))
            }
            ExprKind::Subscript { value: obj, index } => {
                let o = self.eval(f, obj)?;
                let k = self.eval(f, index)?;
                self.setitem(&o, k, value)
                    .map_err(|e| e.at(f.file, target.span))
            }
            ExprKind::Tuple(targets) | ExprKind::List(targets) => self
                .unpack(f, targets, value)
                .map_err(|e| e.at(f.file, target.span)),
            ExprKind::Starred(_) => Err(exception(
                "SyntaxError",
                "starred assignment target must be in a list or tuple",
            )),
            _ => Err(exception("SyntaxError", "cannot assign to expression")),
        }
    }

    fn unpack(&mut self, f: &Frame, targets: &[Expr], value: Value) -> PyResult<()> {
        let items = self.iterate(&value).map_err(|e| {
            if e.is("TypeError") {
                crate::eval::error::type_error(format!(
                    "cannot unpack non-iterable {} object",
                    value.type_name()
                ))
            } else {
                e
            }
        })?;
        let star = targets
            .iter()
            .position(|t| matches!(t.kind, ExprKind::Starred(_)));
        match star {
            None => {
                if items.len() != targets.len() {
                    return Err(if items.len() > targets.len() {
                        value_error(format!(
                            "too many values to unpack (expected {})",
                            targets.len()
                        ))
                    } else {
                        value_error(format!(
                            "not enough values to unpack (expected {}, got {})",
                            targets.len(),
                            items.len()
                        ))
                    });
                }
                for (t, v) in targets.iter().zip(items) {
                    self.assign(f, t, v)?;
                }
            }
            Some(s) => {
                let after = targets.len() - s - 1;
                if items.len() < targets.len() - 1 {
                    return Err(value_error(format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        targets.len() - 1,
                        items.len()
                    )));
                }
                let mut items = items;
                let tail = items.split_off(items.len() - after);
                let middle = items.split_off(s);
                for (t, v) in targets[..s].iter().zip(items) {
                    self.assign(f, t, v)?;
                }
                if let ExprKind::Starred(inner) = &targets[s].kind {
                    self.assign(f, inner, Value::list(middle))?;
                }
                for (t, v) in targets[s + 1..].iter().zip(tail) {
                    self.assign(f, t, v)?;
                }
            }
        }
        Ok(())
    }

    /// `target op= value`: in place for lists (`+=` extends), otherwise `target = target op value`.
    pub(crate) fn aug_assign(
        &mut self,
        f: &Frame,
        target: &Expr,
        op: BinOp,
        value: &Expr,
    ) -> PyResult<()> {
        match &target.kind {
            ExprKind::Name(n) => {
                let cur = self
                    .load_name(f, n)
                    .map_err(|e| e.at(f.file, target.span))?;
                let v = self.eval(f, value)?;
                let r = self.inplace_op(op, &cur, &v)?;
                self.store_name(f, n, r);
            }
            ExprKind::Attribute { value: obj, attr } => {
                let o = self.eval(f, obj)?;
                let cur = self.getattr(&o, &attr.name)?;
                let v = self.eval(f, value)?;
                let r = self.inplace_op(op, &cur, &v)?;
                self.setattr(&o, &attr.name, r)?;
            }
            ExprKind::Subscript { value: obj, index } => {
                let o = self.eval(f, obj)?;
                let k = self.eval(f, index)?;
                let cur = self.getitem(&o, &k)?;
                let v = self.eval(f, value)?;
                let r = self.inplace_op(op, &cur, &v)?;
                self.setitem(&o, k, r)?;
            }
            _ => {
                return Err(exception(
                    "SyntaxError",
                    "illegal expression for augmented assignment",
                ))
            }
        }
        Ok(())
    }

    fn inplace_op(&mut self, op: BinOp, cur: &Value, v: &Value) -> PyResult<Value> {
        match (op, cur) {
            (BinOp::Add, Value::List(l)) => {
                let items = self.iterate(v)?;
                self.charge(items.len())?;
                l.borrow_mut().extend(items);
                Ok(cur.clone())
            }
            (BinOp::BitOr, Value::Dict(d)) if matches!(v, Value::Dict(_)) => {
                let items = self.mapping_items(v)?;
                for (k, val) in items {
                    let k = self.hashable(k)?;
                    d.borrow_mut().insert(k, val);
                }
                Ok(cur.clone())
            }
            _ => {
                if let Value::Instance(_) = cur {
                    let name = format!("__i{}__", &crate::eval::ops::dunder_name(op)[2..]);
                    if self.has_dunder(cur, &name) {
                        return self.call_method(
                            cur,
                            &name,
                            crate::eval::value::Args::positional(vec![v.clone()]),
                        );
                    }
                }
                self.binary_op(op, cur, v)
            }
        }
    }
}
