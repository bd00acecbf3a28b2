//! JSON form of a dataset's graph (`serialize-definition`), and loading it back through the
//! checked constructors.
//!
//! The graph is a flat list of nodes, inputs before users, each referring to earlier nodes
//! by index; tables and inline tables are listed once and referred to by index.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::arena::Arena;
use super::dataset::{Dataset, GroupedSum};
use super::error::QmError;
use super::nodes::{InlineRef, Node, NodeId, TableRef};
use super::schema::{InlineTable, Table};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SerialDataset {
    pub tables: Vec<Table>,
    pub inline_tables: Vec<InlineTable>,
    pub nodes: Vec<Node>,
    pub population: NodeId,
    pub variables: Vec<(String, NodeId)>,
    pub events: Vec<(String, NodeId)>,
    pub measures: Option<GroupedSum>,
}

#[derive(Debug, Error)]
pub enum SerialError {
    #[error("invalid JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("node {node} refers to {reference}, which is not an earlier node or table")]
    BadReference { node: usize, reference: u32 },
    #[error("node {node} is not a valid query-model node: {error}")]
    Invalid { node: usize, error: QmError },
    #[error("the dataset is not valid: {0}")]
    Dataset(QmError),
}

/// The dataset's graph with dense indexes, in display order.
pub fn to_serial(arena: &Arena, dataset: &Dataset) -> SerialDataset {
    let order = arena.post_order(&dataset.roots());
    let index: HashMap<NodeId, NodeId> = order
        .iter()
        .enumerate()
        .map(|(i, id)| (*id, NodeId(i as u32)))
        .collect();
    let mut tables: Vec<Table> = Vec::new();
    let mut table_index: HashMap<TableRef, TableRef> = HashMap::new();
    let mut inline_tables: Vec<InlineTable> = Vec::new();
    let mut inline_index: HashMap<InlineRef, InlineRef> = HashMap::new();
    let mut nodes = Vec::with_capacity(order.len());
    for id in &order {
        let node = arena
            .node(*id)
            .map_inputs::<()>(|i| Ok(index[&i]))
            .expect("infallible");
        let node = match node {
            Node::SelectTable(t) | Node::SelectPatientTable(t) => {
                let r = *table_index.entry(t).or_insert_with(|| {
                    tables.push(arena.table(t).clone());
                    TableRef(tables.len() as u32 - 1)
                });
                if matches!(node, Node::SelectTable(_)) {
                    Node::SelectTable(r)
                } else {
                    Node::SelectPatientTable(r)
                }
            }
            Node::InlinePatientTable(t) => {
                Node::InlinePatientTable(*inline_index.entry(t).or_insert_with(|| {
                    inline_tables.push(arena.inline_table(t).clone());
                    InlineRef(inline_tables.len() as u32 - 1)
                }))
            }
            other => other,
        };
        nodes.push(node);
    }
    let remap =
        |list: &[(String, NodeId)]| list.iter().map(|(n, id)| (n.clone(), index[id])).collect();
    SerialDataset {
        tables,
        inline_tables,
        nodes,
        population: index[&dataset.population()],
        variables: remap(dataset.variables()),
        events: remap(dataset.events()),
        measures: dataset.measures().cloned(),
    }
}

pub fn to_json(arena: &Arena, dataset: &Dataset) -> String {
    serde_json::to_string_pretty(&to_serial(arena, dataset)).expect("the graph serialises")
}

/// Rebuilds a dataset into `arena`, checking every node as it is added.
pub fn from_serial(arena: &mut Arena, serial: &SerialDataset) -> Result<Dataset, SerialError> {
    let mut ids: Vec<NodeId> = Vec::with_capacity(serial.nodes.len());
    for (i, node) in serial.nodes.iter().enumerate() {
        let bad = |reference: u32| SerialError::BadReference { node: i, reference };
        let node =
            node.map_inputs(|input| ids.get(input.index()).copied().ok_or_else(|| bad(input.0)))?;
        let node = match node {
            Node::SelectTable(t) | Node::SelectPatientTable(t) => {
                let table = serial
                    .tables
                    .get(t.0 as usize)
                    .ok_or_else(|| bad(t.0))?
                    .clone();
                let r = arena.intern_table(table);
                if matches!(node, Node::SelectTable(_)) {
                    Node::SelectTable(r)
                } else {
                    Node::SelectPatientTable(r)
                }
            }
            Node::InlinePatientTable(t) => {
                let data = serial
                    .inline_tables
                    .get(t.0 as usize)
                    .ok_or_else(|| bad(t.0))?
                    .clone();
                Node::InlinePatientTable(
                    arena
                        .intern_inline_table(data)
                        .map_err(|error| SerialError::Invalid { node: i, error })?,
                )
            }
            other => other,
        };
        ids.push(
            arena
                .add(node)
                .map_err(|error| SerialError::Invalid { node: i, error })?,
        );
    }
    let get = |id: NodeId| {
        ids.get(id.index())
            .copied()
            .ok_or(SerialError::BadReference {
                node: ids.len(),
                reference: id.0,
            })
    };
    let remap = |list: &[(String, NodeId)]| -> Result<Vec<(String, NodeId)>, SerialError> {
        list.iter()
            .map(|(n, id)| Ok((n.clone(), get(*id)?)))
            .collect()
    };
    Dataset::new(
        arena,
        get(serial.population)?,
        remap(&serial.variables)?,
        remap(&serial.events)?,
        serial.measures.clone(),
    )
    .map_err(SerialError::Dataset)
}

pub fn from_json(arena: &mut Arena, json: &str) -> Result<Dataset, SerialError> {
    let serial: SerialDataset = serde_json::from_str(json)?;
    from_serial(arena, &serial)
}
