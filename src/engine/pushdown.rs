//! Row filters pushed into loading: which rows of each table the whole graph can ever read.
//!
//! Every place that reads a table's rows (the *uses*: a frame that is aggregated, picked
//! from, written as an event table, or scanned for the population's patients) sees only the
//! rows passing the filters on its chain. Filter conditions that depend on nothing but the
//! row itself (no aggregation, no patient-level value) can be checked while the table is
//! read; a row failing the *row-local* part of every use's chain can be dropped there.
//! A table with any use that has no row-local condition is read whole.
//!
//! This keeps memory and work proportional to the rows a definition looks at: the usual
//! definition reads a few codelists' worth of a large event table.

use std::collections::{BTreeMap, HashMap};

use datafusion::logical_expr::{Expr, LogicalPlan};

use super::lower::{Ctx, Lowerer, R};
use crate::qm::introspect::root_frame;
use crate::qm::{AggregateFn, Arena, BinaryFn, Dataset, Domain, Node, NodeId, TableRef};

/// For each table whose rows can be narrowed, the condition a row must meet to be kept.
pub(crate) fn row_filters(
    arena: &Arena,
    dataset: &Dataset,
    lw: &mut Lowerer,
) -> R<HashMap<TableRef, Expr>> {
    let mut uses: BTreeMap<TableRef, Vec<Vec<NodeId>>> = BTreeMap::new();
    let mut unfiltered: Vec<TableRef> = Vec::new();
    let mut record = |frame: NodeId| {
        let Node::SelectTable(t) = arena.node(root_frame(arena, frame)) else {
            return;
        };
        let conditions = row_local_conditions(arena, frame);
        if conditions.is_empty() {
            unfiltered.push(*t);
        } else {
            uses.entry(*t).or_default().push(conditions);
        }
    };
    let roots = dataset.roots();
    for id in arena.post_order(&roots) {
        match arena.node(id) {
            Node::Aggregate { source, op } => {
                if arena.info(*source).is_frame() {
                    record(*source);
                } else if let Domain::Rows(frame) = arena.info(*source).domain {
                    record(frame);
                } else if *op != AggregateFn::Exists {
                    // A patient-level source reads no rows of its own.
                }
            }
            Node::PickOneRowPerPatient { source, .. }
            | Node::PickOneRowPerPatientWithColumns { source, .. } => record(*source),
            Node::SeriesCollectionFrame { .. } => {
                if let Domain::Rows(frame) = arena.info(id).domain {
                    record(frame);
                }
            }
            _ => {}
        }
    }
    // The population is evaluated over every patient of the tables it reads.
    for id in arena.post_order(&[dataset.population()]) {
        if let Node::SelectTable(t) = arena.node(id) {
            unfiltered.push(*t);
        }
    }
    let mut out = HashMap::new();
    for (t, chains) in uses {
        if unfiltered.contains(&t) {
            continue;
        }
        let mut any: Option<Expr> = None;
        for chain in chains {
            let mut all: Option<Expr> = None;
            for cond in chain {
                // Row-local conditions join nothing, so an empty context is enough.
                let mut ctx = Ctx::new(LogicalPlan::default());
                let e = lw.expr(cond, &mut ctx)?;
                all = Some(match all {
                    None => e,
                    Some(a) => a.and(e),
                });
            }
            let all = all.expect("chains with no conditions were set aside");
            any = Some(match any {
                None => all,
                Some(a) => a.or(all),
            });
        }
        if let Some(e) = any {
            out.insert(t, e.is_true());
        }
    }
    Ok(out)
}

/// The row-local filter conditions on a frame's chain down to its table.
fn row_local_conditions(arena: &Arena, frame: NodeId) -> Vec<NodeId> {
    let mut out = Vec::new();
    let mut cur = frame;
    loop {
        match arena.node(cur) {
            Node::Filter { source, condition } => {
                if is_row_local(arena, *condition) {
                    out.push(*condition);
                }
                cur = *source;
            }
            Node::Sort { source, .. } => cur = *source,
            _ => return out,
        }
    }
}

/// Whether a series depends only on the columns of the row it is evaluated on.
fn is_row_local(arena: &Arena, series: NodeId) -> bool {
    arena
        .post_order(&[series])
        .into_iter()
        .all(|id| match arena.node(id) {
            Node::Value(_) | Node::Unary { .. } | Node::Nary { .. } | Node::Case { .. } => true,
            Node::Binary { op, rhs, .. } => {
                *op != BinaryFn::In || matches!(arena.node(*rhs), Node::Value(_))
            }
            Node::SelectColumn { source, .. } => !arena.info(*source).is_patient_level(),
            // Frames reached through a SelectColumn: only their columns are read.
            Node::SelectTable(_) | Node::Filter { .. } | Node::Sort { .. } => true,
            _ => false,
        })
}
