//! The typed query model (QM): the node graph every engine and SQL dialect consumes.
//!
//! Nodes mirror the reference ehrQL query model one to one. They live in an interning
//! [`Arena`] and can only be made through its checked constructors ([`Arena::add`] and the
//! named wrappers in `build`), which enforce the type and domain rules and record each
//! node's type, dimension and domain. A [`Dataset`] is the root of a graph.
//!
//! - `types`, `schema`: value types, literals, table schemas;
//! - `nodes`, `arena`, `check`, `typing`, `build`: the nodes, the arena, its checks (field
//!   types with the reference's type variables in `typing`) and the named constructors;
//! - `dataset`: the root and its checks; `population`: population validation;
//! - `rewrite`: the required sort-key rewrite; `scalar`: per-value semantics of functions;
//! - `introspect`: root tables, tables used, output column specs;
//! - `display`, `serial`: text and JSON forms; `spans`: node → source span.

mod arena;
mod build;
mod check;
mod dataset;
pub mod display;
mod error;
pub mod introspect;
mod nodes;
mod population;
pub mod rewrite;
pub mod scalar;
mod schema;
pub mod serial;
mod spans;
mod types;
mod typing;

pub use arena::{Arena, Domain, NodeInfo, Shape};
pub use dataset::{Dataset, GroupedSum};
pub use error::{Expected, QmError, Received};
pub use nodes::{
    AggregateFn, BinaryFn, InlineRef, NaryFn, Node, NodeId, Position, TableRef, UnaryFn,
};
pub use population::{evaluate_without_rows, validate_population};
pub use schema::{
    ActivationFilter, Column, Constraint, InlineRow, InlineTable, Table, TableSchema,
};
pub use spans::SpanTable;
pub use types::{
    days_in_month, is_leap_year, CodeSystem, Date, MixedSet, MultiCodeSystem, Type, Value, F64,
};
