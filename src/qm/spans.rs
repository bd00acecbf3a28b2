//! `SpanTable`: where in the definition each query-model node was first built.

use std::collections::HashMap;

use crate::diagnostics::{FileId, Span};

use super::nodes::NodeId;

/// Node → source location, filled by the language layer as it builds nodes. Nodes are
/// shared by interning, so the first recording wins: a diagnostic then points at the
/// first place the researcher wrote that expression.
#[derive(Debug, Clone, Default)]
pub struct SpanTable {
    spans: HashMap<NodeId, (FileId, Span)>,
}

impl SpanTable {
    pub fn new() -> SpanTable {
        SpanTable::default()
    }

    /// Records where `node` came from, unless it already has a location.
    pub fn record(&mut self, node: NodeId, file: FileId, span: Span) {
        self.spans.entry(node).or_insert((file, span));
    }

    pub fn get(&self, node: NodeId) -> Option<(FileId, Span)> {
        self.spans.get(&node).copied()
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }
}
