//! The checks every node passes before it enters an arena: field types (see `typing`),
//! domains, and sortedness; and the type, dimension and domain each node gets.

use super::arena::{Arena, Domain, NodeInfo, Shape};
use super::error::{Expected, QmError, Received};
use super::nodes::{AggregateFn, BinaryFn, Node, NodeId, UnaryFn};
use super::types::Type;
use super::typing::{Binding, Constraint, Fields, Spec, Type0};

fn comparison(op: BinaryFn) -> Option<Constraint> {
    use BinaryFn::*;
    match op {
        EQ | NE => Some(Constraint::T),
        LT | LE | GT | GE => Some(Constraint::Comparable),
        _ => None,
    }
}

impl Arena {
    /// Checks `node` (about to get id `id`) and computes its facts.
    pub(super) fn check(&self, node: &Node, id: NodeId) -> Result<NodeInfo, QmError> {
        for input in node.inputs() {
            self.get_info(input)?;
        }
        let mut f = Fields {
            arena: self,
            node: node.kind_name(),
            binding: Binding::default(),
        };
        let patient = |shape| NodeInfo {
            shape,
            domain: Domain::Patient,
            domain_depth: 0,
        };
        let frame = |many_rows, sorted| Shape::Frame { many_rows, sorted };
        let series = Shape::Series;
        use Spec::*;
        match node {
            Node::Value(v) => Ok(patient(series(v.ty().map_err(|_| QmError::MixedSet)?))),
            Node::Parameter { ty, .. } => Ok(patient(series(ty.clone()))),
            Node::SelectTable(_) => Ok(NodeInfo {
                shape: frame(true, false),
                domain: Domain::Rows(id),
                domain_depth: 1,
            }),
            Node::SelectPatientTable(_) | Node::InlinePatientTable(_) => {
                Ok(patient(frame(false, false)))
            }
            Node::SelectColumn { source, name } => {
                f.frame("source", *source, false)?;
                let ty = self.column_type(*source, name)?;
                let src = self.info(*source);
                Ok(NodeInfo {
                    shape: series(ty),
                    domain: src.domain,
                    domain_depth: src.domain_depth,
                })
            }
            Node::Filter { source, condition } => {
                f.frame("source", *source, true)?;
                f.series("condition", *condition, Exact(Type0::Bool))?;
                self.check_frame_series("Filter", *source, *condition)?;
                let src = self.info(*source);
                let sorted = matches!(src.shape, Shape::Frame { sorted: true, .. });
                let depth = src.domain_depth + 1;
                Ok(NodeInfo {
                    shape: frame(true, sorted),
                    domain: Domain::Rows(id),
                    domain_depth: depth,
                })
            }
            Node::Sort { source, sort_by } => {
                f.frame("source", *source, true)?;
                f.series("sort_by", *sort_by, Var(Constraint::Comparable))?;
                self.check_frame_series("Sort", *source, *sort_by)?;
                if self.info(*sort_by).is_patient_level() {
                    return Err(QmError::InvalidSort {
                        frame: *source,
                        sort_by: *sort_by,
                    });
                }
                let src = self.info(*source);
                Ok(NodeInfo {
                    shape: frame(true, true),
                    ..src.clone()
                })
            }
            Node::PickOneRowPerPatient { source, .. }
            | Node::PickOneRowPerPatientWithColumns { source, .. } => {
                f.frame("source", *source, true)?;
                if let Node::PickOneRowPerPatientWithColumns {
                    selected_columns, ..
                } = node
                {
                    for c in selected_columns {
                        f.series("selected_columns", *c, Any)?;
                    }
                }
                if !matches!(self.info(*source).shape, Shape::Frame { sorted: true, .. }) {
                    return Err(QmError::Type {
                        node: f.node,
                        field: "source",
                        input: *source,
                        expected: Expected::SortedFrame,
                        received: Received::UnsortedFrame,
                    });
                }
                Ok(patient(frame(false, false)))
            }
            Node::Aggregate { op, source } => {
                let ty = match op {
                    AggregateFn::Exists | AggregateFn::Count => {
                        f.frame("source", *source, false)?;
                        let ty = if *op == AggregateFn::Exists {
                            Type::Bool
                        } else {
                            Type::Int
                        };
                        // Exists and Count accept frames of either dimension.
                        return Ok(patient(series(ty)));
                    }
                    AggregateFn::CountDistinct | AggregateFn::CountEpisodes { .. } => {
                        f.series("source", *source, Any)?;
                        Type::Int
                    }
                    AggregateFn::Min | AggregateFn::Max => {
                        f.series("source", *source, Var(Constraint::Comparable))?;
                        f.result()
                    }
                    AggregateFn::Sum => {
                        f.series("source", *source, Var(Constraint::Numeric))?;
                        f.result()
                    }
                    AggregateFn::Mean => {
                        f.series("source", *source, Var(Constraint::Numeric))?;
                        Type::Float
                    }
                    AggregateFn::CombineAsSet => {
                        f.series("source", *source, Var(Constraint::T))?;
                        Type::Set(Some(Box::new(f.result())))
                    }
                };
                if self.info(*source).is_patient_level() {
                    return Err(QmError::PatientDomain {
                        node: f.node,
                        input: *source,
                    });
                }
                Ok(patient(series(ty)))
            }
            Node::Unary { op, source } => {
                use UnaryFn::*;
                let ty = match op {
                    Not => {
                        f.series("source", *source, Exact(Type0::Bool))?;
                        Type::Bool
                    }
                    IsNull => {
                        f.series("source", *source, Any)?;
                        Type::Bool
                    }
                    Negate | Absolute => {
                        f.series("source", *source, Var(Constraint::Numeric))?;
                        f.result()
                    }
                    CastToInt => {
                        f.series("source", *source, NumericOrBool)?;
                        Type::Int
                    }
                    CastToFloat => {
                        f.series("source", *source, Var(Constraint::Numeric))?;
                        Type::Float
                    }
                    YearFromDate | MonthFromDate | DayFromDate => {
                        f.series("source", *source, Exact(Type0::Date))?;
                        Type::Int
                    }
                    ToFirstOfYear | ToFirstOfMonth => {
                        f.series("source", *source, Exact(Type0::Date))?;
                        Type::Date
                    }
                };
                self.function_info(node, series(ty))
            }
            Node::Binary { op, lhs, rhs } => {
                use BinaryFn::*;
                let (l, r, ty) = match op {
                    _ if comparison(*op).is_some() => {
                        let c = comparison(*op).unwrap_or(Constraint::T);
                        (Var(c), Var(c), Some(Type::Bool))
                    }
                    And | Or => (Exact(Type0::Bool), Exact(Type0::Bool), Some(Type::Bool)),
                    Add | Subtract | Multiply => {
                        (Var(Constraint::Numeric), Var(Constraint::Numeric), None)
                    }
                    TrueDivide | Power => (
                        Var(Constraint::Numeric),
                        Var(Constraint::Numeric),
                        Some(Type::Float),
                    ),
                    FloorDivide => (
                        Var(Constraint::Numeric),
                        Var(Constraint::Numeric),
                        Some(Type::Int),
                    ),
                    DateAddYears | DateAddMonths | DateAddDays => {
                        (Exact(Type0::Date), Exact(Type0::Int), Some(Type::Date))
                    }
                    DateDifferenceInYears | DateDifferenceInMonths | DateDifferenceInDays => {
                        (Exact(Type0::Date), Exact(Type0::Date), Some(Type::Int))
                    }
                    StringContains => (Exact(Type0::Str), Exact(Type0::Str), Some(Type::Bool)),
                    In => (Var(Constraint::T), SetOfVar, Some(Type::Bool)),
                    EQ | NE | LT | LE | GT | GE => unreachable!("comparisons are matched above"),
                };
                f.series("lhs", *lhs, l)?;
                f.series("rhs", *rhs, r)?;
                let ty = ty.unwrap_or_else(|| f.result());
                self.function_info(node, series(ty))
            }
            Node::Nary { sources, .. } => {
                if sources.is_empty() {
                    return Err(QmError::NoSources { node: f.node });
                }
                for s in sources {
                    f.series("sources", *s, Var(Constraint::Comparable))?;
                }
                let ty = f.result();
                self.function_info(node, series(ty))
            }
            Node::Case { cases, default } => {
                let mut seen = std::collections::HashSet::new();
                for (condition, _) in cases {
                    if !seen.insert(*condition) {
                        return Err(QmError::DuplicateCaseCondition {
                            condition: *condition,
                        });
                    }
                    f.series("cases", *condition, Exact(Type0::Bool))?;
                }
                for value in cases.iter().filter_map(|(_, v)| *v) {
                    f.series("cases", value, Var(Constraint::T))?;
                }
                if let Some(d) = default {
                    f.series("default", *d, Var(Constraint::T))?;
                }
                let ty = f.binding.0.clone().ok_or(QmError::CaseWithoutType)?;
                self.function_info(node, series(ty))
            }
            Node::SeriesCollectionFrame { members } => {
                for (_, m) in members {
                    f.series("members", *m, Any)?;
                }
                let info = self.function_info(node, frame(true, false))?;
                if info.is_patient_level() {
                    let source = members.first().map(|(_, m)| *m).unwrap_or(id);
                    return Err(QmError::PatientDomain {
                        node: f.node,
                        input: source,
                    });
                }
                Ok(info)
            }
        }
    }

    /// The generic domain rule for functions, `Case` and event tables: after removing the
    /// patient domain at most one domain may remain, and the node takes it.
    fn function_info(&self, node: &Node, shape: Shape) -> Result<NodeInfo, QmError> {
        let mut found: Option<(NodeId, Domain, u32)> = None;
        for input in node.inputs() {
            let info = self.info(input);
            if info.domain == Domain::Patient {
                continue;
            }
            match found {
                None => found = Some((input, info.domain, info.domain_depth)),
                Some((first, d, _)) if d != info.domain => {
                    return Err(QmError::DomainMismatch {
                        node: node.kind_name(),
                        first,
                        second: input,
                    })
                }
                Some(_) => {}
            }
        }
        let (domain, domain_depth) = found.map_or((Domain::Patient, 0), |(_, d, depth)| (d, depth));
        Ok(NodeInfo {
            shape,
            domain,
            domain_depth,
        })
    }

    /// `Filter` and `Sort`: the series must come from the frame's domain or an ancestor.
    fn check_frame_series(
        &self,
        node: &'static str,
        frame: NodeId,
        series: NodeId,
    ) -> Result<(), QmError> {
        if self.domain_is_ancestor(self.info(series).domain, self.info(frame).domain) {
            Ok(())
        } else {
            Err(QmError::FrameDomainMismatch {
                node,
                frame,
                series,
            })
        }
    }

    /// The type of column `name` of the table at the root of frame `source`.
    fn column_type(&self, source: NodeId, name: &str) -> Result<Type, QmError> {
        let mut frame = source;
        loop {
            let unknown = |table: &str| QmError::UnknownColumn {
                frame: source,
                table: table.to_string(),
                column: name.to_string(),
            };
            match self.node(frame) {
                Node::SelectTable(t) | Node::SelectPatientTable(t) => {
                    let table = self.table(*t);
                    return table
                        .schema
                        .column_type(name)
                        .cloned()
                        .ok_or_else(|| unknown(&table.name));
                }
                Node::InlinePatientTable(t) => {
                    let schema = &self.inline_table(*t).schema;
                    return schema
                        .column_type(name)
                        .cloned()
                        .ok_or_else(|| unknown("<inline table>"));
                }
                Node::SeriesCollectionFrame { members } => {
                    return members
                        .iter()
                        .find(|(n, _)| n == name)
                        .and_then(|(_, m)| self.series_type(*m).cloned())
                        .ok_or_else(|| unknown("<event table>"));
                }
                Node::Filter { source, .. }
                | Node::Sort { source, .. }
                | Node::PickOneRowPerPatient { source, .. }
                | Node::PickOneRowPerPatientWithColumns { source, .. } => frame = *source,
                _ => unreachable!("checked to be a frame"),
            }
        }
    }
}
