//! Questions about a graph that later stages ask: a frame's root table, the tables a
//! definition reads, and the output column specs (types, categories, ranges).

use std::collections::BTreeMap;

use super::arena::Arena;
use super::dataset::Dataset;
use super::nodes::{AggregateFn, Node, NodeId};
use super::schema::{Constraint, Table, TableSchema};
use super::types::{Type, Value};

/// The table-like node a frame is drawn from, through filters, sorts and picks: a
/// `SelectTable`, `SelectPatientTable`, `InlinePatientTable` or `SeriesCollectionFrame`.
pub fn root_frame(arena: &Arena, frame: NodeId) -> NodeId {
    let mut cur = frame;
    loop {
        match arena.node(cur) {
            Node::Filter { source, .. }
            | Node::Sort { source, .. }
            | Node::PickOneRowPerPatient { source, .. }
            | Node::PickOneRowPerPatientWithColumns { source, .. } => cur = *source,
            _ => return cur,
        }
    }
}

/// The schema of a frame's root, if it has one (event tables do not).
pub fn root_schema(arena: &Arena, frame: NodeId) -> Option<&TableSchema> {
    match arena.node(root_frame(arena, frame)) {
        Node::SelectTable(t) | Node::SelectPatientTable(t) => Some(&arena.table(*t).schema),
        Node::InlinePatientTable(t) => Some(&arena.inline_table(*t).schema),
        _ => None,
    }
}

/// The database tables read by the graph under `roots`, by name (each once).
pub fn tables_used<'a>(arena: &'a Arena, roots: &[NodeId]) -> Vec<&'a Table> {
    let mut tables = BTreeMap::new();
    for id in arena.post_order(roots) {
        if let Node::SelectTable(t) | Node::SelectPatientTable(t) = arena.node(id) {
            let table = arena.table(*t);
            tables.insert(table.name.as_str(), table);
        }
    }
    tables.into_values().collect()
}

/// The patient ids listed in inline tables under `roots`; they join the universe of
/// patients.
pub fn inline_patient_ids(arena: &Arena, roots: &[NodeId]) -> Vec<i64> {
    let mut ids = std::collections::BTreeSet::new();
    for id in arena.post_order(roots) {
        if let Node::InlinePatientTable(t) = arena.node(id) {
            ids.extend(arena.inline_table(*t).rows.iter().map(|r| r.patient_id));
        }
    }
    ids.into_iter().collect()
}

/// What an output column holds: codes and multi-code strings are written as `str`; every
/// column but `patient_id` is nullable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnSpec {
    pub ty: Type,
    pub nullable: bool,
    /// The values the column can take (besides NULL), in order, when known.
    pub categories: Option<Vec<Value>>,
    pub min_value: Option<i64>,
    pub max_value: Option<i64>,
}

/// `patient_id` then one spec per variable, in order.
pub fn column_specs(arena: &Arena, dataset: &Dataset) -> Vec<(String, ColumnSpec)> {
    let patient_id = ColumnSpec {
        ty: Type::Int,
        nullable: false,
        categories: None,
        min_value: None,
        max_value: None,
    };
    let mut specs = vec![("patient_id".to_string(), patient_id)];
    for (name, series) in dataset.variables() {
        specs.push((name.clone(), column_spec(arena, *series)));
    }
    specs
}

pub fn column_spec(arena: &Arena, series: NodeId) -> ColumnSpec {
    let ty = match arena.series_type(series) {
        Some(Type::Code(_) | Type::MultiCodeString(_)) => Type::Str,
        Some(t) => t.clone(),
        None => panic!("column_spec of a frame"),
    };
    let categories = categories(arena, series).map(|cs| cs.into_iter().map(to_primitive).collect());
    let (min_value, max_value) = range(arena, series);
    ColumnSpec {
        ty,
        nullable: true,
        categories,
        min_value,
        max_value,
    }
}

fn to_primitive(v: Value) -> Value {
    match v {
        Value::Code(_, s) | Value::MultiCode(_, s) => Value::Str(s),
        other => other,
    }
}

/// Categories survive column selection (a `Categorical` constraint), `Min`/`Max`, a literal
/// (one category) and `Case` (the union of its outputs' categories in order, unless an
/// output, including a NULL one, has none). Every other operation drops them.
fn categories(arena: &Arena, series: NodeId) -> Option<Vec<Value>> {
    match arena.node(series) {
        Node::SelectColumn { source, name } => root_schema(arena, *source)?
            .column(name)?
            .constraints
            .iter()
            .find_map(|c| match c {
                Constraint::Categorical(values) => Some(values.clone()),
                _ => None,
            }),
        Node::Aggregate {
            op: AggregateFn::Min | AggregateFn::Max,
            source,
        } => categories(arena, *source),
        Node::Value(v) => Some(vec![v.clone()]),
        Node::Case { cases, default } => {
            let mut all: Vec<Value> = Vec::new();
            let outputs = cases.iter().map(|(_, v)| *v).chain(default.map(Some));
            for output in outputs {
                for c in categories(arena, output?)? {
                    if !all.contains(&c) {
                        all.push(c);
                    }
                }
            }
            Some(all)
        }
        _ => None,
    }
}

/// Ranges come from a `ClosedRange` constraint, and a row count is 0..=65535.
fn range(arena: &Arena, series: NodeId) -> (Option<i64>, Option<i64>) {
    match arena.node(series) {
        Node::Aggregate {
            op: AggregateFn::Count,
            ..
        } => (Some(0), Some(65_535)),
        Node::SelectColumn { source, name } => root_schema(arena, *source)
            .and_then(|s| s.column(name))
            .and_then(|c| {
                c.constraints.iter().find_map(|k| match k {
                    Constraint::ClosedRange {
                        minimum, maximum, ..
                    } => Some((Some(*minimum), Some(*maximum))),
                    _ => None,
                })
            })
            .unwrap_or((None, None)),
        _ => (None, None),
    }
}
