//! `QmError`: every way a checked constructor, the dataset, or population validation can refuse.
//!
//! Each variant carries the nodes involved (look their spans up in a
//! [`SpanTable`](super::SpanTable)) and the facts needed to word a message for the researcher;
//! the `Display` text here is terse and internal.

use std::fmt;

use thiserror::Error;

use super::nodes::NodeId;
use super::types::Type;

/// What a field of a node asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    /// A series of exactly this type (or, for `str`, a multi-code string).
    Series(Type),
    /// A series of any type.
    AnySeries,
    /// A series of int or float (`Numeric`, not yet bound).
    Numeric,
    /// A series of int, float, str, date or a code (`Comparable`, not yet bound).
    Comparable,
    /// A series of int, float or bool (`CastToInt`).
    NumericOrBool,
    /// A series of sets (`In.rhs`), element type not yet bound.
    AnySet,
    /// Any frame.
    Frame,
    /// A frame with many rows per patient (`SelectTable`, `Filter`, `Sort`, an event table).
    ManyRowsFrame,
    /// A sorted many-rows frame (the source of a pick).
    SortedFrame,
    /// An event table (`SeriesCollectionFrame`).
    EventTable,
}

/// What a field was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Received {
    Series(Type),
    /// A frame where a series was expected.
    Frame,
    /// A one-row-per-patient frame where a many-rows frame was expected.
    PatientFrame,
    /// A many-rows frame that is not sorted.
    UnsortedFrame,
    /// A series where a frame was expected.
    NotAFrame,
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expected::Series(t) => write!(f, "Series[{t}]"),
            Expected::AnySeries => f.write_str("Series[Any]"),
            Expected::Numeric => f.write_str("Series[Numeric]"),
            Expected::Comparable => f.write_str("Series[Comparable]"),
            Expected::NumericOrBool => f.write_str("Series[Numeric] | Series[bool]"),
            Expected::AnySet => f.write_str("Series[Set[T]]"),
            Expected::Frame => f.write_str("Frame"),
            Expected::ManyRowsFrame => f.write_str("ManyRowsPerPatientFrame"),
            Expected::SortedFrame => f.write_str("SortedFrame"),
            Expected::EventTable => f.write_str("SeriesCollectionFrame"),
        }
    }
}

impl fmt::Display for Received {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Received::Series(t) => write!(f, "Series[{t}]"),
            Received::Frame => f.write_str("Frame"),
            Received::PatientFrame => f.write_str("OneRowPerPatientFrame"),
            Received::UnsortedFrame => f.write_str("UnsortedFrame"),
            Received::NotAFrame => f.write_str("Series"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum QmError {
    /// A field of a node has the wrong type or kind (`TypeValidationError`). When a type
    /// variable was bound by an earlier field, `expected` is resolved to the bound type, so
    /// `Add(int, float)` expects `Series[int]` in `rhs`.
    #[error("{node}.{field} requires '{expected}' but received '{received}'")]
    Type {
        node: &'static str,
        field: &'static str,
        input: NodeId,
        expected: Expected,
        received: Received,
    },

    /// Two inputs have many rows per patient from different tables, or from the same table
    /// with different filters (`DomainMismatchError`). `first` and `second` are the first
    /// two inputs (in field order) whose domains differ.
    #[error("{node} combines series from unrelated domains")]
    DomainMismatch {
        node: &'static str,
        first: NodeId,
        second: NodeId,
    },

    /// A `Filter` condition or `Sort` key whose domain is not the frame's or an ancestor of
    /// it, for example a condition from a more filtered frame or another table.
    #[error("{node} uses a series from a domain unrelated to its frame")]
    FrameDomainMismatch {
        node: &'static str,
        frame: NodeId,
        series: NodeId,
    },

    /// A `Sort` key with one value per patient (`InvalidSortError`: "Cannot sort by a
    /// constant value").
    #[error("cannot sort by a one-row-per-patient series")]
    InvalidSort { frame: NodeId, sort_by: NodeId },

    /// An aggregation of one-row-per-patient inputs, or an event table with no
    /// many-rows member (`PatientDomainError`).
    #[error("{node} needs at least one input with many rows per patient")]
    PatientDomain { node: &'static str, input: NodeId },

    /// A `SelectColumn` naming a column its frame's table does not have.
    #[error("table {table:?} has no column {column:?}")]
    UnknownColumn {
        frame: NodeId,
        table: String,
        column: String,
    },

    /// A set literal whose members have different types.
    #[error("a set literal's members must all have the same type")]
    MixedSet,

    /// A `Case` whose values and default are all NULL, so it has no type.
    #[error("a case needs at least one non-NULL value or default")]
    CaseWithoutType,

    /// A `Case` listing the same condition twice.
    #[error("a case lists the same condition twice")]
    DuplicateCaseCondition { condition: NodeId },

    /// `MinimumOf`/`MaximumOf` with no inputs.
    #[error("{node} needs at least one input")]
    NoSources { node: &'static str },

    /// An inline table row with the wrong number of values for its schema.
    #[error("inline table row {row} has {got} values but the schema has {expected} columns")]
    InlineRowArity {
        row: usize,
        expected: usize,
        got: usize,
    },

    /// A population or variable with many rows per patient. `name` is `None` for the
    /// population.
    #[error("dataset {} must have one value per patient", name.as_deref().unwrap_or("population"))]
    DatasetNotOneRowPerPatient {
        name: Option<String>,
        series: NodeId,
    },

    /// A variable or event table name used twice (they share one namespace).
    #[error("{name:?} is used twice in the dataset")]
    DuplicateName { name: String },

    /// The population is True for a patient with no rows in any table.
    #[error("population definition must not evaluate as True for NULL inputs")]
    PopulationTrueForNoRows { population: NodeId },

    /// Population validation met a node it cannot evaluate without data (a `Parameter`).
    #[error("population uses parameter {name:?}, which has no value at definition time")]
    PopulationParameter { parameter: NodeId, name: String },

    /// Evaluating the population with every table empty failed (for example a date out of
    /// range in literal arithmetic).
    #[error("evaluating the population with no data failed: {message}")]
    PopulationEvaluation { node: NodeId, message: String },

    /// A node id that does not belong to this arena (a bug in the caller).
    #[error("node {0:?} is not in this arena")]
    UnknownNode(NodeId),
}
