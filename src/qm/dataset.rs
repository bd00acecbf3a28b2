//! The root of a query graph: `Dataset` (population, ordered variables, event tables,
//! measures) and its checked constructor.

use serde::{Deserialize, Serialize};

use super::arena::{Arena, Shape};
use super::error::{Expected, QmError, Received};
use super::nodes::{Node, NodeId};
use super::types::Type;

/// The measures of a dataset (`GroupedSum`): names of dataset variables to sum, the common
/// denominator, and for each group-by tuple the numerators summed under it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct GroupedSum {
    pub numerators: Vec<String>,
    pub denominator: String,
    pub group_bys: Vec<(Vec<String>, Vec<String>)>,
}

/// A checked dataset. Fields are private so that every `Dataset` has passed
/// [`Dataset::new`]; population validation ([`validate_population`](super::validate_population))
/// is separate, as in the reference, where `define_population` runs it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Dataset {
    population: NodeId,
    variables: Vec<(String, NodeId)>,
    events: Vec<(String, NodeId)>,
    measures: Option<GroupedSum>,
}

impl Dataset {
    /// Checks that the population is a bool series and that it and every variable have one
    /// value per patient; event tables must be `SeriesCollectionFrame`s and are exempt from
    /// the domain rule. Variable and event table names share one namespace.
    pub fn new(
        arena: &Arena,
        population: NodeId,
        variables: Vec<(String, NodeId)>,
        events: Vec<(String, NodeId)>,
        measures: Option<GroupedSum>,
    ) -> Result<Dataset, QmError> {
        let type_error = |field, input, expected, received| QmError::Type {
            node: "Dataset",
            field,
            input,
            expected,
            received,
        };
        match &arena.get_info(population)?.shape {
            Shape::Series(Type::Bool) => {}
            Shape::Series(t) => {
                return Err(type_error(
                    "population",
                    population,
                    Expected::Series(Type::Bool),
                    Received::Series(t.clone()),
                ))
            }
            Shape::Frame { .. } => {
                return Err(type_error(
                    "population",
                    population,
                    Expected::Series(Type::Bool),
                    Received::Frame,
                ))
            }
        }
        for (_, v) in &variables {
            if arena.get_info(*v)?.is_frame() {
                return Err(type_error(
                    "variables",
                    *v,
                    Expected::AnySeries,
                    Received::Frame,
                ));
            }
        }
        for (_, e) in &events {
            arena.get(*e)?;
            if !matches!(arena.node(*e), Node::SeriesCollectionFrame { .. }) {
                let received = match arena.series_type(*e) {
                    Some(t) => Received::Series(t.clone()),
                    None => Received::Frame,
                };
                return Err(type_error("events", *e, Expected::EventTable, received));
            }
        }
        let mut names = std::collections::HashSet::new();
        for (name, _) in variables.iter().chain(&events) {
            if !names.insert(name.as_str()) {
                return Err(QmError::DuplicateName { name: name.clone() });
            }
        }
        if !arena.info(population).is_patient_level() {
            return Err(QmError::DatasetNotOneRowPerPatient {
                name: None,
                series: population,
            });
        }
        for (name, v) in &variables {
            if !arena.info(*v).is_patient_level() {
                return Err(QmError::DatasetNotOneRowPerPatient {
                    name: Some(name.clone()),
                    series: *v,
                });
            }
        }
        Ok(Dataset {
            population,
            variables,
            events,
            measures,
        })
    }

    pub fn population(&self) -> NodeId {
        self.population
    }

    /// Variables in the order they were defined (the output column order).
    pub fn variables(&self) -> &[(String, NodeId)] {
        &self.variables
    }

    pub fn events(&self) -> &[(String, NodeId)] {
        &self.events
    }

    pub fn measures(&self) -> Option<&GroupedSum> {
        self.measures.as_ref()
    }

    pub fn variable(&self, name: &str) -> Option<NodeId> {
        self.variables
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, id)| *id)
    }

    /// The population, then the variables, then the event tables: every root of the graph.
    pub fn roots(&self) -> Vec<NodeId> {
        let mut roots = vec![self.population];
        roots.extend(self.variables.iter().map(|(_, id)| *id));
        roots.extend(self.events.iter().map(|(_, id)| *id));
        roots
    }

    /// The same dataset with every root passed through `f` (used by rewrites), rechecked.
    pub fn map_roots(
        &self,
        arena: &Arena,
        mut f: impl FnMut(NodeId) -> Result<NodeId, QmError>,
    ) -> Result<Dataset, QmError> {
        let population = f(self.population)?;
        let variables = self
            .variables
            .iter()
            .map(|(n, v)| Ok((n.clone(), f(*v)?)))
            .collect::<Result<Vec<_>, QmError>>()?;
        let events = self
            .events
            .iter()
            .map(|(n, e)| Ok((n.clone(), f(*e)?)))
            .collect::<Result<Vec<_>, QmError>>()?;
        Dataset::new(arena, population, variables, events, self.measures.clone())
    }
}
