//! Field type checking with the reference's type variables: `T`, `Numeric` and
//! `Comparable` bind to the first field's exact type; later fields must match it exactly.

use super::arena::{Arena, Shape};
use super::error::{Expected, QmError, Received};
use super::nodes::NodeId;
use super::types::Type;

/// A field's declared type, as in the reference's node signatures.
#[derive(Debug, Clone, Copy)]
pub(super) enum Spec {
    Any,
    Exact(Type0),
    /// A type variable: `T` (no constraint), `Numeric` or `Comparable`.
    Var(Constraint),
    /// `Set[T]`, sharing the node's variable.
    SetOfVar,
    /// `Series[Numeric] | Series[bool]` (`CastToInt`).
    NumericOrBool,
}

/// The concrete types that appear in signatures (`Type` is not `Copy`).
#[derive(Debug, Clone, Copy)]
pub(super) enum Type0 {
    Bool,
    Int,
    Str,
    Date,
}

#[derive(Debug, Clone, Copy)]
pub(super) enum Constraint {
    T,
    Numeric,
    Comparable,
}

impl Type0 {
    fn ty(self) -> Type {
        match self {
            Type0::Bool => Type::Bool,
            Type0::Int => Type::Int,
            Type0::Str => Type::Str,
            Type0::Date => Type::Date,
        }
    }
}

/// The binding of a node's single type variable, shared by its fields.
#[derive(Default)]
pub(super) struct Binding(pub(super) Option<Type>);

impl Binding {
    /// The reference's `type_matches`: constraints accept subclasses, but once bound the
    /// variable only accepts the identical type.
    fn matches(&mut self, spec: Spec, ty: &Type) -> bool {
        match spec {
            Spec::Any => true,
            Spec::Exact(t) => ty.is_subtype_of(&t.ty()),
            Spec::NumericOrBool => ty.is_numeric() || *ty == Type::Bool,
            Spec::Var(c) => {
                let ok = match c {
                    Constraint::T => true,
                    Constraint::Numeric => ty.is_numeric(),
                    Constraint::Comparable => ty.is_comparable(),
                };
                ok && self.bind(ty)
            }
            Spec::SetOfVar => match ty {
                Type::Set(None) => true,
                Type::Set(Some(elem)) => self.bind(elem),
                _ => false,
            },
        }
    }

    fn bind(&mut self, ty: &Type) -> bool {
        match &self.0 {
            Some(bound) => bound == ty,
            None => {
                self.0 = Some(ty.clone());
                true
            }
        }
    }

    /// What the failed field asked for, resolved through the binding when there is one.
    fn expected(&self, spec: Spec) -> Expected {
        match (spec, &self.0) {
            (Spec::Any, _) => Expected::AnySeries,
            (Spec::Exact(t), _) => Expected::Series(t.ty()),
            (Spec::NumericOrBool, _) => Expected::NumericOrBool,
            (Spec::Var(_), Some(bound)) => Expected::Series(bound.clone()),
            (Spec::Var(Constraint::T), None) => Expected::AnySeries,
            (Spec::Var(Constraint::Numeric), None) => Expected::Numeric,
            (Spec::Var(Constraint::Comparable), None) => Expected::Comparable,
            (Spec::SetOfVar, Some(bound)) => {
                Expected::Series(Type::Set(Some(Box::new(bound.clone()))))
            }
            (Spec::SetOfVar, None) => Expected::AnySet,
        }
    }
}

/// Checks a node's fields one at a time, in the reference's field order.
pub(super) struct Fields<'a> {
    pub(super) arena: &'a Arena,
    pub(super) node: &'static str,
    pub(super) binding: Binding,
}

impl Fields<'_> {
    pub(super) fn series(
        &mut self,
        field: &'static str,
        input: NodeId,
        spec: Spec,
    ) -> Result<(), QmError> {
        let info = self.arena.get_info(input)?;
        let received = match info.series_type() {
            None => Received::Frame,
            Some(ty) if self.binding.matches(spec, ty) => return Ok(()),
            Some(ty) => Received::Series(ty.clone()),
        };
        Err(QmError::Type {
            node: self.node,
            field,
            input,
            expected: self.binding.expected(spec),
            received,
        })
    }

    pub(super) fn frame(
        &self,
        field: &'static str,
        input: NodeId,
        many_rows_required: bool,
    ) -> Result<(), QmError> {
        let (expected, received) = match self.arena.get_info(input)?.shape {
            Shape::Series(_) => {
                let expected = if many_rows_required {
                    Expected::ManyRowsFrame
                } else {
                    Expected::Frame
                };
                (expected, Received::NotAFrame)
            }
            Shape::Frame {
                many_rows: false, ..
            } if many_rows_required => (Expected::ManyRowsFrame, Received::PatientFrame),
            Shape::Frame { .. } => return Ok(()),
        };
        Err(QmError::Type {
            node: self.node,
            field,
            input,
            expected,
            received,
        })
    }

    pub(super) fn result(&self) -> Type {
        self.binding
            .0
            .clone()
            .expect("a node's type variable is bound by its first field")
    }
}
