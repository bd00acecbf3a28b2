//! The interning arena: owns every node, dedups equal nodes, and records each node's type,
//! dimension and domain as computed when it passed its checks.

use std::collections::HashMap;
use std::hash::BuildHasher;

use super::error::QmError;
use super::nodes::{InlineRef, Node, NodeId, TableRef};
use super::schema::{InlineTable, Table};
use super::types::Type;

/// Where a node's rows come from (the reference's `Domain`), as a tree: the patient domain
/// is the root, each `SelectTable` is a child of it, each `Filter` a child of its source's
/// domain. A non-patient domain is named by the node that created it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Domain {
    Patient,
    Rows(NodeId),
}

/// What a node produces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    Series(Type),
    /// `many_rows` is the node's class (many rows per patient, such as `Filter`, or one row
    /// per patient, such as `PickOneRowPerPatient`); `sorted` is the reference's
    /// `is_sorted` (a `Sort`, or a `Filter` of a sorted frame).
    Frame {
        many_rows: bool,
        sorted: bool,
    },
}

/// The facts a node's checks established.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeInfo {
    pub shape: Shape,
    pub domain: Domain,
    /// Distance of `domain` from the patient domain (0 for the patient domain).
    pub domain_depth: u32,
}

impl NodeInfo {
    pub fn series_type(&self) -> Option<&Type> {
        match &self.shape {
            Shape::Series(t) => Some(t),
            Shape::Frame { .. } => None,
        }
    }

    pub fn is_frame(&self) -> bool {
        matches!(self.shape, Shape::Frame { .. })
    }

    /// A frame whose class has many rows per patient (`SelectTable`, `Filter`, `Sort`, an
    /// event table): what `Filter`, `Sort` and picks accept as their source.
    pub fn is_many_rows_frame(&self) -> bool {
        matches!(
            self.shape,
            Shape::Frame {
                many_rows: true,
                ..
            }
        )
    }

    /// A frame that can be picked from (a `Sort`, or a `Filter` of a sorted frame).
    pub fn is_sorted(&self) -> bool {
        matches!(self.shape, Shape::Frame { sorted: true, .. })
    }

    /// One row (or value) per patient: the node is in the patient domain.
    pub fn is_patient_level(&self) -> bool {
        self.domain == Domain::Patient
    }
}

/// Owns the nodes of one or more query graphs. Nodes are only added through
/// [`Arena::add`] (directly or via the named constructors in `build`), which checks them;
/// adding a node equal to an existing one returns the existing id.
#[derive(Debug, Default, Clone)]
pub struct Arena {
    nodes: Vec<Node>,
    infos: Vec<NodeInfo>,
    /// Node hash → the ids of the nodes with that hash (almost always one), so each node
    /// is stored once, however large its literal.
    index: HashMap<u64, Vec<NodeId>>,
    hasher: std::hash::RandomState,
    tables: Vec<Table>,
    table_index: HashMap<Table, TableRef>,
    inline_tables: Vec<InlineTable>,
    inline_index: HashMap<InlineTable, InlineRef>,
}

impl Arena {
    pub fn new() -> Arena {
        Arena::default()
    }

    /// Checks `node` and interns it. Equal nodes always get the same id.
    pub fn add(&mut self, node: Node) -> Result<NodeId, QmError> {
        let hash = self.hasher.hash_one(&node);
        if let Some(id) = self.find(&node, hash) {
            return Ok(id);
        }
        let id = NodeId(u32::try_from(self.nodes.len()).expect("more than 2^32 query-model nodes"));
        let info = self.check(&node, id)?;
        self.nodes.push(node);
        self.infos.push(info);
        self.index.entry(hash).or_default().push(id);
        Ok(id)
    }

    /// The id of a node equal to `node`, if one has been added.
    pub fn lookup(&self, node: &Node) -> Option<NodeId> {
        self.find(node, self.hasher.hash_one(node))
    }

    fn find(&self, node: &Node, hash: u64) -> Option<NodeId> {
        let ids = self.index.get(&hash)?;
        ids.iter()
            .copied()
            .find(|id| self.nodes[id.index()] == *node)
    }

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.index()]
    }

    pub fn info(&self, id: NodeId) -> &NodeInfo {
        &self.infos[id.index()]
    }

    pub fn get(&self, id: NodeId) -> Result<&Node, QmError> {
        self.nodes.get(id.index()).ok_or(QmError::UnknownNode(id))
    }

    pub fn get_info(&self, id: NodeId) -> Result<&NodeInfo, QmError> {
        self.infos.get(id.index()).ok_or(QmError::UnknownNode(id))
    }

    /// The type of a series node, `None` for a frame.
    pub fn series_type(&self, id: NodeId) -> Option<&Type> {
        self.info(id).series_type()
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    pub fn intern_table(&mut self, table: Table) -> TableRef {
        if let Some(r) = self.table_index.get(&table) {
            return *r;
        }
        let r = TableRef(self.tables.len() as u32);
        self.tables.push(table.clone());
        self.table_index.insert(table, r);
        r
    }

    pub fn table(&self, r: TableRef) -> &Table {
        &self.tables[r.0 as usize]
    }

    /// Interns inline table data after checking each row has one value per column.
    pub fn intern_inline_table(&mut self, data: InlineTable) -> Result<InlineRef, QmError> {
        let expected = data.schema.columns.len();
        if let Some((row, r)) = data
            .rows
            .iter()
            .enumerate()
            .find(|(_, r)| r.values.len() != expected)
        {
            return Err(QmError::InlineRowArity {
                row,
                expected,
                got: r.values.len(),
            });
        }
        if let Some(r) = self.inline_index.get(&data) {
            return Ok(*r);
        }
        let r = InlineRef(self.inline_tables.len() as u32);
        self.inline_tables.push(data.clone());
        self.inline_index.insert(data, r);
        Ok(r)
    }

    pub fn inline_table(&self, r: InlineRef) -> &InlineTable {
        &self.inline_tables[r.0 as usize]
    }

    /// The parent of a non-patient domain (`None` for the patient domain).
    pub fn domain_parent(&self, domain: Domain) -> Option<Domain> {
        match domain {
            Domain::Patient => None,
            Domain::Rows(id) => match self.node(id) {
                Node::Filter { source, .. } => Some(self.info(*source).domain),
                _ => Some(Domain::Patient),
            },
        }
    }

    /// Whether `ancestor` is `domain` or one of its ancestors.
    pub fn domain_is_ancestor(&self, ancestor: Domain, domain: Domain) -> bool {
        let mut d = Some(domain);
        while let Some(cur) = d {
            if cur == ancestor {
                return true;
            }
            d = self.domain_parent(cur);
        }
        false
    }

    /// The table at the root of a domain (`None` for the patient domain), for messages such
    /// as "series drawn from `clinical_events` and `medications`".
    pub fn domain_table(&self, domain: Domain) -> Option<&Table> {
        let mut d = domain;
        loop {
            match d {
                Domain::Patient => return None,
                Domain::Rows(id) => match self.node(id) {
                    Node::SelectTable(t) => return Some(self.table(*t)),
                    Node::Filter { source, .. } => d = self.info(*source).domain,
                    _ => return None,
                },
            }
        }
    }

    /// Every node reachable from `roots`, each once, inputs before the nodes that use them.
    pub fn post_order(&self, roots: &[NodeId]) -> Vec<NodeId> {
        let mut seen = vec![false; self.nodes.len()];
        let mut out = Vec::new();
        // An explicit stack: definitions chain thousands of `|` and would overflow recursion.
        for &root in roots {
            if seen[root.index()] {
                continue;
            }
            let mut stack = vec![(root, false)];
            while let Some((id, expanded)) = stack.pop() {
                if expanded {
                    out.push(id);
                    continue;
                }
                if seen[id.index()] {
                    continue;
                }
                seen[id.index()] = true;
                stack.push((id, true));
                let inputs = self.node(id).inputs();
                for input in inputs.into_iter().rev() {
                    if !seen[input.index()] {
                        stack.push((input, false));
                    }
                }
            }
        }
        out
    }
}
