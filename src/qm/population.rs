//! Population validation: a population must not be True for a patient with no rows in any
//! table (so that the patients in the tables it reads are enough to find every member).
//!
//! As in the reference, the population is evaluated for one patient against empty tables:
//! every column read from a one-row-per-patient frame is NULL, aggregations give their
//! value on no rows (`Exists` False, counts 0, `CombineAsSet` the empty set, the others
//! NULL), and literals keep their values. Functions and `Case` follow their row-level
//! semantics, so three-valued logic decides the answer. Only True rejects.

use std::collections::{BTreeSet, HashMap};

use super::arena::{Arena, Shape};
use super::error::{Expected, QmError, Received};
use super::nodes::{AggregateFn, Node, NodeId};
use super::scalar::{self, Scalar};
use super::types::{Type, Value};

/// Checks that `population` is a bool series with one value per patient that is not True
/// for a patient with no rows.
pub fn validate_population(arena: &Arena, population: NodeId) -> Result<(), QmError> {
    let info = arena.get_info(population)?;
    let received = match &info.shape {
        Shape::Series(Type::Bool) => None,
        Shape::Series(t) => Some(Received::Series(t.clone())),
        Shape::Frame { .. } => Some(Received::Frame),
    };
    if let Some(received) = received {
        return Err(QmError::Type {
            node: "Dataset",
            field: "population",
            input: population,
            expected: Expected::Series(Type::Bool),
            received,
        });
    }
    if !info.is_patient_level() {
        return Err(QmError::DatasetNotOneRowPerPatient {
            name: None,
            series: population,
        });
    }
    if evaluate_without_rows(arena, population)? == Some(Value::Bool(true)) {
        return Err(QmError::PopulationTrueForNoRows { population });
    }
    Ok(())
}

/// The value of a one-row-per-patient series for a patient with no rows in any table.
pub fn evaluate_without_rows(arena: &Arena, series: NodeId) -> Result<Scalar, QmError> {
    let mut memo: HashMap<NodeId, Scalar> = HashMap::new();
    // Post-order over the inputs the value depends on: functions and `Case` need their
    // inputs; literals, columns and aggregates do not (their value on no rows is fixed), so
    // event-level sub-graphs are never visited. An explicit stack because definitions chain
    // thousands of `|`.
    let mut stack = vec![(series, false)];
    while let Some((id, ready)) = stack.pop() {
        if memo.contains_key(&id) {
            continue;
        }
        let node = arena.get(id)?;
        let needs_inputs = matches!(
            node,
            Node::Unary { .. } | Node::Binary { .. } | Node::Nary { .. } | Node::Case { .. }
        );
        if ready || !needs_inputs {
            let v = eval(arena, id, &memo)?;
            memo.insert(id, v);
        } else {
            stack.push((id, true));
            node.for_each_input(|input| stack.push((input, false)));
        }
    }
    Ok(memo.get(&series).cloned().flatten())
}

fn eval(arena: &Arena, id: NodeId, memo: &HashMap<NodeId, Scalar>) -> Result<Scalar, QmError> {
    let get = |input: &NodeId| -> Scalar { memo.get(input).cloned().flatten() };
    let failed = |e: scalar::ScalarError| QmError::PopulationEvaluation {
        node: id,
        message: e.0,
    };
    Ok(match arena.node(id) {
        Node::Value(v) => Some(v.clone()),
        Node::Parameter { name, .. } => {
            return Err(QmError::PopulationParameter {
                parameter: id,
                name: name.clone(),
            })
        }
        // A patient-level column: the patient has no row, so NULL.
        Node::SelectColumn { .. } => None,
        Node::Aggregate { op, .. } => match op {
            AggregateFn::Exists => Some(Value::Bool(false)),
            AggregateFn::Count | AggregateFn::CountDistinct | AggregateFn::CountEpisodes { .. } => {
                Some(Value::Int(0))
            }
            AggregateFn::CombineAsSet => Some(Value::Set(BTreeSet::new())),
            AggregateFn::Min | AggregateFn::Max | AggregateFn::Sum | AggregateFn::Mean => None,
        },
        Node::Unary { op, source } => scalar::unary(*op, &get(source)).map_err(failed)?,
        Node::Binary { op, lhs, rhs } => {
            scalar::binary(*op, &get(lhs), &get(rhs)).map_err(failed)?
        }
        Node::Nary { op, sources } => {
            scalar::nary(*op, &sources.iter().map(get).collect::<Vec<_>>())
        }
        Node::Case { cases, default } => {
            // The first True condition wins; NULL counts as not matching.
            let hit = cases
                .iter()
                .find(|(c, _)| get(c) == Some(Value::Bool(true)));
            match hit {
                Some((_, value)) => value.as_ref().and_then(get),
                None => default.as_ref().and_then(get),
            }
        }
        // Frames are never evaluated (only their columns and aggregates are).
        Node::SelectTable(_)
        | Node::SelectPatientTable(_)
        | Node::InlinePatientTable(_)
        | Node::Filter { .. }
        | Node::Sort { .. }
        | Node::PickOneRowPerPatient { .. }
        | Node::PickOneRowPerPatientWithColumns { .. }
        | Node::SeriesCollectionFrame { .. } => None,
    })
}
