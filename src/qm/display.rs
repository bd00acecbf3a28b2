//! A stable text form of query graphs, one node per line, for `explain --emit qm` and
//! snapshots.
//!
//! Nodes are numbered `%0, %1, …` in the order they are first needed (inputs before their
//! users), not by arena id, so the text depends only on the graph. A shared node is printed
//! once. Each line ends with the node's type (or `frame`) and its domain: `patient`, or
//! `rows %k` where `%k` is the table or filter that made the domain.

use std::collections::HashMap;
use std::fmt::Write;

use super::arena::{Arena, Domain, Shape};
use super::dataset::Dataset;
use super::nodes::{AggregateFn, Node, NodeId, Position};

struct Names(HashMap<NodeId, usize>);

impl Names {
    fn of(&self, id: NodeId) -> String {
        match self.0.get(&id) {
            Some(n) => format!("%{n}"),
            None => format!("%?{}", id.0),
        }
    }

    fn list(&self, ids: &[NodeId]) -> String {
        ids.iter()
            .map(|id| self.of(*id))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The nodes reachable from `roots`, one per line.
pub fn display_nodes(arena: &Arena, roots: &[NodeId]) -> String {
    let (text, _) = render(arena, roots);
    text
}

/// Every node of the dataset, then its population, variables (in order), event tables and
/// measures.
pub fn display_dataset(arena: &Arena, dataset: &Dataset) -> String {
    let (mut out, names) = render(arena, &dataset.roots());
    let _ = writeln!(out, "population = {}", names.of(dataset.population()));
    for (name, id) in dataset.variables() {
        let _ = writeln!(out, "variable {name} = {}", names.of(*id));
    }
    for (name, id) in dataset.events() {
        let _ = writeln!(out, "event_table {name} = {}", names.of(*id));
    }
    if let Some(m) = dataset.measures() {
        let _ = writeln!(
            out,
            "measures numerators={:?} denominator={:?}",
            m.numerators, m.denominator
        );
        for (group, numerators) in &m.group_bys {
            let _ = writeln!(out, "  group_by {group:?} => {numerators:?}");
        }
    }
    out
}

fn render(arena: &Arena, roots: &[NodeId]) -> (String, Names) {
    let order = arena.post_order(roots);
    let names = Names(order.iter().enumerate().map(|(i, id)| (*id, i)).collect());
    let mut out = String::new();
    for id in order {
        let _ = writeln!(
            out,
            "{} = {}  # {}",
            names.of(id),
            describe(arena, &names, id),
            annotate(arena, &names, id)
        );
    }
    (out, names)
}

fn position(p: Position) -> &'static str {
    match p {
        Position::First => "first",
        Position::Last => "last",
    }
}

fn describe(arena: &Arena, names: &Names, id: NodeId) -> String {
    let n = |id: &NodeId| names.of(*id);
    let node = arena.node(id);
    let kind = node.kind_name();
    match node {
        Node::Value(v) => format!("Value({v})"),
        Node::Parameter { name, ty } => format!("Parameter(name={name:?}, type={ty})"),
        Node::SelectTable(t) | Node::SelectPatientTable(t) => {
            let table = arena.table(*t);
            match &table.required_permission {
                Some(p) => format!("{kind}(name={:?}, required_permission={p:?})", table.name),
                None => format!("{kind}(name={:?})", table.name),
            }
        }
        Node::InlinePatientTable(t) => {
            let data = arena.inline_table(*t);
            let columns: Vec<String> = data
                .schema
                .columns
                .iter()
                .map(|c| format!("{}: {}", c.name, c.ty))
                .collect();
            format!(
                "InlinePatientTable(rows={}, columns=[{}])",
                data.rows.len(),
                columns.join(", ")
            )
        }
        Node::SelectColumn { source, name } => {
            format!("SelectColumn(source={}, name={name:?})", n(source))
        }
        Node::Filter { source, condition } => {
            format!("Filter(source={}, condition={})", n(source), n(condition))
        }
        Node::Sort { source, sort_by } => {
            format!("Sort(source={}, sort_by={})", n(source), n(sort_by))
        }
        Node::PickOneRowPerPatient {
            source,
            position: p,
        } => {
            format!(
                "PickOneRowPerPatient(source={}, position={})",
                n(source),
                position(*p)
            )
        }
        Node::PickOneRowPerPatientWithColumns {
            source,
            position: p,
            selected_columns,
        } => format!(
            "PickOneRowPerPatientWithColumns(source={}, position={}, selected_columns=[{}])",
            n(source),
            position(*p),
            names.list(selected_columns)
        ),
        Node::Aggregate {
            op: AggregateFn::CountEpisodes { maximum_gap_days },
            source,
        } => {
            format!(
                "CountEpisodes(source={}, maximum_gap_days={maximum_gap_days})",
                n(source)
            )
        }
        Node::Aggregate { source, .. } | Node::Unary { source, .. } => {
            format!("{kind}(source={})", n(source))
        }
        Node::Binary { lhs, rhs, .. } => format!("{kind}(lhs={}, rhs={})", n(lhs), n(rhs)),
        Node::Nary { sources, .. } => format!("{kind}(sources=[{}])", names.list(sources)),
        Node::Case { cases, default } => {
            let or_null = |v: &Option<NodeId>| v.as_ref().map_or_else(|| "NULL".to_string(), n);
            let arms: Vec<String> = cases
                .iter()
                .map(|(c, v)| format!("{} => {}", n(c), or_null(v)))
                .collect();
            format!(
                "Case(cases=[{}], default={})",
                arms.join(", "),
                or_null(default)
            )
        }
        Node::SeriesCollectionFrame { members } => {
            let members: Vec<String> = members
                .iter()
                .map(|(name, m)| format!("{name}={}", n(m)))
                .collect();
            format!("SeriesCollectionFrame(members=[{}])", members.join(", "))
        }
    }
}

fn annotate(arena: &Arena, names: &Names, id: NodeId) -> String {
    let info = arena.info(id);
    let domain = match info.domain {
        Domain::Patient => "patient".to_string(),
        Domain::Rows(d) => format!("rows {}", names.of(d)),
    };
    match &info.shape {
        Shape::Series(t) => format!("{t}, {domain}"),
        Shape::Frame { sorted: true, .. } => format!("frame, {domain}, sorted"),
        Shape::Frame { .. } => format!("frame, {domain}"),
    }
}
