//! Named, checked constructors for every node type: thin wrappers over [`Arena::add`].

use super::arena::Arena;
use super::error::QmError;
use super::nodes::{AggregateFn, BinaryFn, NaryFn, Node, NodeId, Position, UnaryFn};
use super::schema::{InlineTable, Table};
use super::types::{Type, Value};

type R = Result<NodeId, QmError>;

impl Arena {
    pub fn value(&mut self, value: Value) -> R {
        self.add(Node::Value(value))
    }

    pub fn parameter(&mut self, name: impl Into<String>, ty: Type) -> R {
        self.add(Node::Parameter {
            name: name.into(),
            ty,
        })
    }

    /// A table with many rows per patient (an `EventFrame` table).
    pub fn select_table(&mut self, table: Table) -> R {
        let t = self.intern_table(table);
        self.add(Node::SelectTable(t))
    }

    /// A table with at most one row per patient (a `PatientFrame` table).
    pub fn select_patient_table(&mut self, table: Table) -> R {
        let t = self.intern_table(table);
        self.add(Node::SelectPatientTable(t))
    }

    pub fn inline_patient_table(&mut self, data: InlineTable) -> R {
        let t = self.intern_inline_table(data)?;
        self.add(Node::InlinePatientTable(t))
    }

    pub fn select_column(&mut self, source: NodeId, name: impl Into<String>) -> R {
        self.add(Node::SelectColumn {
            source,
            name: name.into(),
        })
    }

    pub fn filter(&mut self, source: NodeId, condition: NodeId) -> R {
        self.add(Node::Filter { source, condition })
    }

    pub fn sort(&mut self, source: NodeId, sort_by: NodeId) -> R {
        self.add(Node::Sort { source, sort_by })
    }

    pub fn pick(&mut self, source: NodeId, position: Position) -> R {
        self.add(Node::PickOneRowPerPatient { source, position })
    }

    pub fn aggregate(&mut self, op: AggregateFn, source: NodeId) -> R {
        self.add(Node::Aggregate { op, source })
    }

    pub fn exists(&mut self, frame: NodeId) -> R {
        self.aggregate(AggregateFn::Exists, frame)
    }

    pub fn count(&mut self, frame: NodeId) -> R {
        self.aggregate(AggregateFn::Count, frame)
    }

    pub fn unary(&mut self, op: UnaryFn, source: NodeId) -> R {
        self.add(Node::Unary { op, source })
    }

    pub fn binary(&mut self, op: BinaryFn, lhs: NodeId, rhs: NodeId) -> R {
        self.add(Node::Binary { op, lhs, rhs })
    }

    pub fn nary(&mut self, op: NaryFn, sources: Vec<NodeId>) -> R {
        self.add(Node::Nary { op, sources })
    }

    pub fn case(&mut self, cases: Vec<(NodeId, Option<NodeId>)>, default: Option<NodeId>) -> R {
        self.add(Node::Case { cases, default })
    }

    /// An event table for `add_event_table`; member names are kept in order.
    pub fn series_collection_frame(&mut self, members: Vec<(String, NodeId)>) -> R {
        self.add(Node::SeriesCollectionFrame { members })
    }

    // Shorthands for the operations the language layer builds most often.

    pub fn eq(&mut self, lhs: NodeId, rhs: NodeId) -> R {
        self.binary(BinaryFn::EQ, lhs, rhs)
    }

    pub fn and(&mut self, lhs: NodeId, rhs: NodeId) -> R {
        self.binary(BinaryFn::And, lhs, rhs)
    }

    pub fn or(&mut self, lhs: NodeId, rhs: NodeId) -> R {
        self.binary(BinaryFn::Or, lhs, rhs)
    }

    pub fn not(&mut self, source: NodeId) -> R {
        self.unary(UnaryFn::Not, source)
    }

    pub fn is_null(&mut self, source: NodeId) -> R {
        self.unary(UnaryFn::IsNull, source)
    }

    /// `frame.except_where(c)`: `Filter(frame, Or(Not(c), IsNull(c)))`, keeping NULL rows.
    pub fn except_where(&mut self, source: NodeId, condition: NodeId) -> R {
        let not_c = self.not(condition)?;
        let null_c = self.is_null(condition)?;
        let keep = self.or(not_c, null_c)?;
        self.filter(source, keep)
    }

    /// `frame.sort_by(a, b, c)`: keys are applied last first, so `a` is the outermost
    /// `Sort` and has the highest priority.
    pub fn sort_by(&mut self, source: NodeId, keys: &[NodeId]) -> R {
        let mut frame = source;
        for key in keys.iter().rev() {
            frame = self.sort(frame, *key)?;
        }
        Ok(frame)
    }
}
