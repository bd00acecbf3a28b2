//! The query-model node types, one to one with the reference's node classes, and their inputs.
//!
//! A `Node` refers to its inputs by `NodeId`; nodes live in an [`Arena`](super::Arena),
//! which is the only place they can be created (through checked constructors).

use serde::{Deserialize, Serialize};

use super::types::{Type, Value};

/// A node in an arena. An id that exists has passed every check for its node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct NodeId(pub u32);

impl NodeId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// An interned [`Table`](super::schema::Table) in an arena.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TableRef(pub u32);

/// An interned [`InlineTable`](super::schema::InlineTable) in an arena.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct InlineRef(pub u32);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Position {
    First,
    Last,
}

/// `AggregateByPatient.*`: event series (or, for `Exists`/`Count`, any frame) to one value
/// per patient.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AggregateFn {
    Exists,
    Count,
    CountDistinct,
    CountEpisodes { maximum_gap_days: i64 },
    Min,
    Max,
    Sum,
    Mean,
    CombineAsSet,
}

/// The one-input `Function.*` classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UnaryFn {
    Not,
    IsNull,
    Negate,
    Absolute,
    CastToInt,
    CastToFloat,
    YearFromDate,
    MonthFromDate,
    DayFromDate,
    ToFirstOfYear,
    ToFirstOfMonth,
}

/// The two-input `Function.*` classes (`lhs`, `rhs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BinaryFn {
    EQ,
    NE,
    LT,
    LE,
    GT,
    GE,
    And,
    Or,
    Add,
    Subtract,
    Multiply,
    TrueDivide,
    FloorDivide,
    Power,
    DateAddYears,
    DateAddMonths,
    DateAddDays,
    DateDifferenceInYears,
    DateDifferenceInMonths,
    DateDifferenceInDays,
    StringContains,
    In,
}

/// The many-input `Function.*` classes (`sources`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NaryFn {
    MinimumOf,
    MaximumOf,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Node {
    Value(Value),
    Parameter {
        name: String,
        ty: Type,
    },
    SelectTable(TableRef),
    SelectPatientTable(TableRef),
    InlinePatientTable(InlineRef),
    SelectColumn {
        source: NodeId,
        name: String,
    },
    Filter {
        source: NodeId,
        condition: NodeId,
    },
    Sort {
        source: NodeId,
        sort_by: NodeId,
    },
    PickOneRowPerPatient {
        source: NodeId,
        position: Position,
    },
    /// Only made by the sort rewrite ([`rewrite_sorts`](super::rewrite::rewrite_sorts)):
    /// a pick annotated with every column selected from it, sorted by name.
    PickOneRowPerPatientWithColumns {
        source: NodeId,
        position: Position,
        selected_columns: Vec<NodeId>,
    },
    Aggregate {
        op: AggregateFn,
        source: NodeId,
    },
    Unary {
        op: UnaryFn,
        source: NodeId,
    },
    Binary {
        op: BinaryFn,
        lhs: NodeId,
        rhs: NodeId,
    },
    Nary {
        op: NaryFn,
        sources: Vec<NodeId>,
    },
    /// Conditions in order (the first True one wins); a `None` value or default is NULL.
    Case {
        cases: Vec<(NodeId, Option<NodeId>)>,
        default: Option<NodeId>,
    },
    /// The rows of an event table added with `add_event_table`, members in order.
    SeriesCollectionFrame {
        members: Vec<(String, NodeId)>,
    },
}

impl Node {
    /// The input nodes, in field order (a case's condition before its value), as the
    /// reference's `get_input_nodes`.
    pub fn inputs(&self) -> Vec<NodeId> {
        let mut out = Vec::new();
        self.for_each_input(|id| out.push(id));
        out
    }

    pub fn for_each_input(&self, mut f: impl FnMut(NodeId)) {
        match self {
            Node::Value(_)
            | Node::Parameter { .. }
            | Node::SelectTable(_)
            | Node::SelectPatientTable(_)
            | Node::InlinePatientTable(_) => {}
            Node::SelectColumn { source, .. }
            | Node::PickOneRowPerPatient { source, .. }
            | Node::Aggregate { source, .. }
            | Node::Unary { source, .. } => f(*source),
            Node::Filter { source, condition } => {
                f(*source);
                f(*condition)
            }
            Node::Sort { source, sort_by } => {
                f(*source);
                f(*sort_by)
            }
            Node::PickOneRowPerPatientWithColumns {
                source,
                selected_columns,
                ..
            } => {
                f(*source);
                selected_columns.iter().copied().for_each(f)
            }
            Node::Binary { lhs, rhs, .. } => {
                f(*lhs);
                f(*rhs)
            }
            Node::Nary { sources, .. } => sources.iter().copied().for_each(f),
            Node::Case { cases, default } => {
                for (c, v) in cases {
                    f(*c);
                    if let Some(v) = v {
                        f(*v)
                    }
                }
                if let Some(d) = default {
                    f(*d)
                }
            }
            Node::SeriesCollectionFrame { members } => members.iter().for_each(|(_, m)| f(*m)),
        }
    }

    /// The same node with every input replaced by `f(input)`.
    pub fn map_inputs<E>(&self, mut f: impl FnMut(NodeId) -> Result<NodeId, E>) -> Result<Node, E> {
        Ok(match self {
            Node::Value(_)
            | Node::Parameter { .. }
            | Node::SelectTable(_)
            | Node::SelectPatientTable(_)
            | Node::InlinePatientTable(_) => self.clone(),
            Node::SelectColumn { source, name } => Node::SelectColumn {
                source: f(*source)?,
                name: name.clone(),
            },
            Node::Filter { source, condition } => Node::Filter {
                source: f(*source)?,
                condition: f(*condition)?,
            },
            Node::Sort { source, sort_by } => Node::Sort {
                source: f(*source)?,
                sort_by: f(*sort_by)?,
            },
            Node::PickOneRowPerPatient { source, position } => Node::PickOneRowPerPatient {
                source: f(*source)?,
                position: *position,
            },
            Node::PickOneRowPerPatientWithColumns {
                source,
                position,
                selected_columns,
            } => Node::PickOneRowPerPatientWithColumns {
                source: f(*source)?,
                position: *position,
                selected_columns: selected_columns
                    .iter()
                    .map(|c| f(*c))
                    .collect::<Result<_, E>>()?,
            },
            Node::Aggregate { op, source } => Node::Aggregate {
                op: *op,
                source: f(*source)?,
            },
            Node::Unary { op, source } => Node::Unary {
                op: *op,
                source: f(*source)?,
            },
            Node::Binary { op, lhs, rhs } => Node::Binary {
                op: *op,
                lhs: f(*lhs)?,
                rhs: f(*rhs)?,
            },
            Node::Nary { op, sources } => Node::Nary {
                op: *op,
                sources: sources.iter().map(|s| f(*s)).collect::<Result<_, E>>()?,
            },
            Node::Case { cases, default } => Node::Case {
                cases: cases
                    .iter()
                    .map(|(c, v)| Ok((f(*c)?, v.map(&mut f).transpose()?)))
                    .collect::<Result<_, E>>()?,
                default: default.map(&mut f).transpose()?,
            },
            Node::SeriesCollectionFrame { members } => Node::SeriesCollectionFrame {
                members: members
                    .iter()
                    .map(|(n, m)| Ok((n.clone(), f(*m)?)))
                    .collect::<Result<_, E>>()?,
            },
        })
    }

    /// The reference's class name for this node (used in errors and the display).
    pub fn kind_name(&self) -> &'static str {
        match self {
            Node::Value(_) => "Value",
            Node::Parameter { .. } => "Parameter",
            Node::SelectTable(_) => "SelectTable",
            Node::SelectPatientTable(_) => "SelectPatientTable",
            Node::InlinePatientTable(_) => "InlinePatientTable",
            Node::SelectColumn { .. } => "SelectColumn",
            Node::Filter { .. } => "Filter",
            Node::Sort { .. } => "Sort",
            Node::PickOneRowPerPatient { .. } => "PickOneRowPerPatient",
            Node::PickOneRowPerPatientWithColumns { .. } => "PickOneRowPerPatientWithColumns",
            Node::Aggregate { op, .. } => op.name(),
            Node::Unary { op, .. } => op.name(),
            Node::Binary { op, .. } => op.name(),
            Node::Nary { op, .. } => op.name(),
            Node::Case { .. } => "Case",
            Node::SeriesCollectionFrame { .. } => "SeriesCollectionFrame",
        }
    }
}

impl AggregateFn {
    pub fn name(self) -> &'static str {
        match self {
            AggregateFn::Exists => "Exists",
            AggregateFn::Count => "Count",
            AggregateFn::CountDistinct => "CountDistinct",
            AggregateFn::CountEpisodes { .. } => "CountEpisodes",
            AggregateFn::Min => "Min",
            AggregateFn::Max => "Max",
            AggregateFn::Sum => "Sum",
            AggregateFn::Mean => "Mean",
            AggregateFn::CombineAsSet => "CombineAsSet",
        }
    }
}

impl UnaryFn {
    pub fn name(self) -> &'static str {
        use UnaryFn::*;
        match self {
            Not => "Not",
            IsNull => "IsNull",
            Negate => "Negate",
            Absolute => "Absolute",
            CastToInt => "CastToInt",
            CastToFloat => "CastToFloat",
            YearFromDate => "YearFromDate",
            MonthFromDate => "MonthFromDate",
            DayFromDate => "DayFromDate",
            ToFirstOfYear => "ToFirstOfYear",
            ToFirstOfMonth => "ToFirstOfMonth",
        }
    }
}

impl BinaryFn {
    pub fn name(self) -> &'static str {
        use BinaryFn::*;
        match self {
            EQ => "EQ",
            NE => "NE",
            LT => "LT",
            LE => "LE",
            GT => "GT",
            GE => "GE",
            And => "And",
            Or => "Or",
            Add => "Add",
            Subtract => "Subtract",
            Multiply => "Multiply",
            TrueDivide => "TrueDivide",
            FloorDivide => "FloorDivide",
            Power => "Power",
            DateAddYears => "DateAddYears",
            DateAddMonths => "DateAddMonths",
            DateAddDays => "DateAddDays",
            DateDifferenceInYears => "DateDifferenceInYears",
            DateDifferenceInMonths => "DateDifferenceInMonths",
            DateDifferenceInDays => "DateDifferenceInDays",
            StringContains => "StringContains",
            In => "In",
        }
    }
}

impl NaryFn {
    pub fn name(self) -> &'static str {
        match self {
            NaryFn::MinimumOf => "MinimumOf",
            NaryFn::MaximumOf => "MaximumOf",
        }
    }
}
