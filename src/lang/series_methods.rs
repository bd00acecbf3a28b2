//! The named methods of series (`is_in`, `map_values`, the date helpers, aggregations,
//! `contains`, ...), dispatched by name from the series' native `call_method`.

use crate::eval::error::{attribute_error, type_error, PyResult};
use crate::eval::{Args, Interpreter, Value};
use crate::qm::{self, AggregateFn, BinaryFn, NodeId, Type, UnaryFn};

use super::convert::{as_series, literal};
use super::duration;
use super::series::{build, build_series, operand, wrap, SeriesObj};
use super::state::with_state;

impl SeriesObj {
    pub(super) fn is_in(&self, it: &mut Interpreter, other: &Value) -> PyResult<NodeId> {
        if let Type::MultiCodeString(_) = self.ty {
            return Err(multi_code_eq_error(&self.ty));
        }
        let n = self.node;
        if let Some(s) = as_series(other) {
            if s.patient {
                return Err(type_error("Argument must be an EventSeries"));
            }
            let o = s.node;
            return build(it, |a| {
                let set = a.aggregate(AggregateFn::CombineAsSet, o)?;
                a.binary(BinaryFn::In, n, set)
            });
        }
        if super::native::is_frame(it, other) {
            return Err(type_error("Expecting a list of values or an event series, got a frame: are you missing a column name?"));
        }
        let members = match other {
            Value::Str(_) => {
                return Err(type_error(format!(
                    "Note `is_in()` usually expects a list of values rather than a single value; got {}",
                    super::native::py_repr(it, other)
                )))
            }
            Value::List(_) | Value::Tuple(_) | Value::Set(_) => it.iterate(other)?,
            Value::Dict(_) => it.iterate(other)?,
            _ if super::native::is_frozenset(other) => it.iterate(other)?,
            _ => {
                return Err(type_error(format!(
                    "Not a valid ehrQL type: {}",
                    super::native::py_repr(it, other)
                )))
            }
        };
        let mut set = std::collections::BTreeSet::new();
        for m in &members {
            match literal(it, m, Some(&self.ty)) {
                Ok(v) => {
                    set.insert(v);
                }
                Err(_) if m.is_none() => {
                    return Err(type_error(format!(
                        "Expected type 'Series[{}]' but got 'None' in the values of `is_in()`",
                        self.ty
                    )))
                }
                Err(e) => {
                    let origin = match m {
                        Value::Str(code) => {
                            with_state(it, |s| s.code_origins.get(&**code).cloned())
                        }
                        _ => None,
                    };
                    return Err(match origin {
                        Some((file, line)) => {
                            let message =
                                format!("{} (in {file}, line {line})", it.to_eval_error(e).message);
                            super::state::ehrql_exception(it, "CodelistError", message)
                        }
                        None => e,
                    });
                }
            }
        }
        build(it, |a| {
            let v = a.value(qm::Value::Set(set))?;
            a.binary(BinaryFn::In, n, v)
        })
    }

    pub(super) fn map_values(&self, it: &mut Interpreter, mut args: Args) -> PyResult<Value> {
        if let Type::MultiCodeString(_) = self.ty {
            return Err(multi_code_eq_error(&self.ty));
        }
        let mapping = args
            .pos
            .first()
            .cloned()
            .or_else(|| args.take_kw("mapping"))
            .or_else(|| args.take_kw("categorisation"));
        let default = args
            .pos
            .get(1)
            .cloned()
            .or_else(|| args.take_kw("default"))
            .unwrap_or(Value::None);
        let Some(mapping) = mapping else {
            return Err(type_error(
                "map_values() missing required argument: 'mapping'",
            ));
        };
        let items = it.mapping_items(&mapping)?;
        if items.is_empty() {
            return Err(type_error("`map_values()` requires at least one case"));
        }
        let mut cases = Vec::new();
        for (k, v) in items {
            let key = operand(it, &k, Some(&self.ty))?;
            let n = self.node;
            let cond = build(it, |a| a.eq(n, key))?;
            let value = if v.is_none() {
                None
            } else {
                Some(operand(it, &v, None)?)
            };
            cases.push((cond, value));
        }
        let default = if default.is_none() {
            None
        } else {
            Some(operand(it, &default, None)?)
        };
        build_series(it, |a| a.case(cases, default))
    }

    fn date_arg(
        &self,
        it: &mut Interpreter,
        args: &Args,
        i: usize,
        name: &str,
    ) -> PyResult<NodeId> {
        let v = args
            .pos
            .get(i)
            .cloned()
            .or_else(|| {
                args.kw
                    .iter()
                    .find(|(k, _)| &**k == name)
                    .map(|(_, v)| v.clone())
            })
            .ok_or_else(|| type_error(format!("missing required argument: '{name}'")))?;
        operand(it, &v, Some(&Type::Date))
    }

    fn date_cmp(&self, it: &mut Interpreter, op: BinaryFn, rhs: NodeId) -> PyResult<NodeId> {
        let n = self.node;
        build(it, |a| a.binary(op, n, rhs))
    }

    pub(super) fn call(
        &self,
        this: &Value,
        name: &str,
        mut args: Args,
        it: &mut Interpreter,
    ) -> PyResult<Value> {
        let arg0 = |args: &Args| args.pos.first().cloned();
        let n = self.node;
        match name {
            "is_null" => self.unary(it, UnaryFn::IsNull),
            "is_not_null" => build_series(it, |a| {
                let x = a.is_null(n)?;
                a.not(x)
            }),
            "when_null_then" => {
                let other = arg0(&args)
                    .or_else(|| args.take_kw("other"))
                    .unwrap_or(Value::None);
                let o = operand(it, &other, Some(&self.ty))?;
                build_series(it, |a| {
                    let isnull = a.is_null(n)?;
                    let c = a.not(isnull)?;
                    a.case(vec![(c, Some(n))], Some(o))
                })
            }
            "is_in" => {
                let other = arg0(&args)
                    .or_else(|| args.take_kw("other"))
                    .unwrap_or(Value::None);
                let id = self.is_in(it, &other)?;
                Ok(wrap(it, id))
            }
            "is_not_in" => {
                let other = arg0(&args)
                    .or_else(|| args.take_kw("other"))
                    .unwrap_or(Value::None);
                let id = self.is_in(it, &other)?;
                build_series(it, |a| a.not(id))
            }
            "map_values" | "to_category" => self.map_values(it, args),
            "count_distinct_for_patient" => self.aggregate(it, AggregateFn::CountDistinct),
            "sum_for_patient" => self.aggregate(it, AggregateFn::Sum),
            "mean_for_patient" => self.aggregate(it, AggregateFn::Mean),
            "minimum_for_patient" => self.aggregate(it, AggregateFn::Min),
            "maximum_for_patient" => self.aggregate(it, AggregateFn::Max),
            "as_int" => self.unary(it, UnaryFn::CastToInt),
            "as_float" => self.unary(it, UnaryFn::CastToFloat),
            "absolute" => self.unary(it, UnaryFn::Absolute),
            "to_first_of_year" => self.unary(it, UnaryFn::ToFirstOfYear),
            "to_first_of_month" => self.unary(it, UnaryFn::ToFirstOfMonth),
            "is_before" | "is_on_or_before" | "is_after" | "is_on_or_after" => {
                let rhs = self.date_arg(it, &args, 0, "other")?;
                let op = match name {
                    "is_before" => BinaryFn::LT,
                    "is_on_or_before" => BinaryFn::LE,
                    "is_after" => BinaryFn::GT,
                    _ => BinaryFn::GE,
                };
                let id = self.date_cmp(it, op, rhs)?;
                Ok(wrap(it, id))
            }
            "is_between_but_not_on" | "is_on_or_between" => {
                let s = self.date_arg(it, &args, 0, "start")?;
                let e = self.date_arg(it, &args, 1, "end")?;
                let (lo, hi) = if name == "is_on_or_between" {
                    (BinaryFn::GE, BinaryFn::LE)
                } else {
                    (BinaryFn::GT, BinaryFn::LT)
                };
                build_series(it, |a| {
                    let l = a.binary(lo, n, s)?;
                    let h = a.binary(hi, n, e)?;
                    a.and(l, h)
                })
            }
            "is_during" => {
                let interval = arg0(&args)
                    .or_else(|| args.take_kw("interval"))
                    .unwrap_or(Value::None);
                let items = it.iterate(&interval)?;
                if items.len() != 2 {
                    return Err(type_error(
                        "`is_during()` expects an interval: a pair of (start, end) dates",
                    ));
                }
                let s = operand(it, &items[0], Some(&Type::Date))?;
                let e = operand(it, &items[1], Some(&Type::Date))?;
                build_series(it, |a| {
                    let l = a.binary(BinaryFn::GE, n, s)?;
                    let h = a.binary(BinaryFn::LE, n, e)?;
                    a.and(l, h)
                })
            }
            "count_episodes_for_patient" => {
                let gap = arg0(&args)
                    .or_else(|| args.take_kw("maximum_gap"))
                    .unwrap_or(Value::None);
                let days = duration::episode_gap_days(it, &gap)?;
                self.aggregate(
                    it,
                    AggregateFn::CountEpisodes {
                        maximum_gap_days: days,
                    },
                )
            }
            "contains" => {
                let other = arg0(&args)
                    .or_else(|| args.take_kw("value"))
                    .unwrap_or(Value::None);
                if let Type::MultiCodeString(m) = self.ty {
                    let o = super::codes::multi_code_arg(it, m, &other)?;
                    return build_series(it, |a| {
                        let v = a.value(qm::Value::Str(o))?;
                        a.binary(BinaryFn::StringContains, n, v)
                    });
                }
                self.binary(it, BinaryFn::StringContains, &other, false)
            }
            "contains_any_of" => {
                let Type::MultiCodeString(m) = self.ty else {
                    unreachable!("method list")
                };
                let codelist = arg0(&args)
                    .or_else(|| args.take_kw("codelist"))
                    .unwrap_or(Value::None);
                let items = it.iterate(&codelist)?;
                if items.is_empty() {
                    return Err(type_error(
                        "reduce() of empty iterable with no initial value",
                    ));
                }
                let mut acc: Option<NodeId> = None;
                for item in items {
                    let o = super::codes::multi_code_arg(it, m, &item)?;
                    acc = Some(build(it, |a| {
                        let v = a.value(qm::Value::Str(o))?;
                        let c = a.binary(BinaryFn::StringContains, n, v)?;
                        match acc {
                            Some(prev) => a.or(prev, c),
                            None => Ok(c),
                        }
                    })?);
                }
                Ok(wrap(it, acc.expect("non-empty")))
            }
            _ => {
                let _ = this;
                Err(attribute_error(format!(
                    "'{}' object has no attribute '{name}'",
                    self.class_name()
                )))
            }
        }
    }
}

pub(super) fn multi_code_eq_error(ty: &Type) -> crate::eval::PyErr {
    type_error(format!(
        "This column stores several codes in one string ({ty}): comparing it with `==` or `is_in()` \
         is not supported; use `.contains(code)` or `.contains_any_of(codelist)` instead"
    ))
}
