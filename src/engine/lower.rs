//! Lowering: query-model nodes to DataFusion logical plans and expressions.
//!
//! Every frame becomes a plan whose columns are `patient_id` and the table's columns under
//! their own names (sorts are carried to the pick that needs them; filters keep column
//! values, so any frame of a domain can read the columns of its ancestors by name). A series
//! is an expression evaluated in a *context*: a plan with one row per frame row (or per
//! patient). Patient-level inputs of a series (aggregations, picked rows, patient tables)
//! are *leaves*: each is planned once as `(patient id, values…)` and left-joined onto the
//! context on `patient_id` the first time it is used there, under fresh column names.

use std::collections::HashMap;
use std::sync::Arc;

use datafusion::catalog::MemTable;
use datafusion::common::{Column, JoinType, ScalarValue};
use datafusion::datasource::provider_as_source;
use datafusion::functions::expr_fn as f;
use datafusion::functions_aggregate::expr_fn as agg;
use datafusion::logical_expr::{
    binary_expr, cast, lit, when, Expr, LogicalPlan, LogicalPlanBuilder, Operator,
};

use arrow_schema::{DataType, Field, Fields};

use super::pick::Pick;

use super::udf::Udfs;
use super::{arrow_type, EngineError};
use crate::qm::{
    AggregateFn, Arena, BinaryFn, Domain, InlineRef, NaryFn, Node, NodeId, Position, TableRef,
    Type, UnaryFn, Value,
};

pub(crate) type R<T> = Result<T, EngineError>;

pub(crate) fn df(e: datafusion::error::DataFusionError) -> EngineError {
    EngineError::from_datafusion(e)
}

/// An unqualified column reference (names may contain anything).
pub(crate) fn c(name: &str) -> Expr {
    Expr::Column(Column::new_unqualified(name))
}

/// The plan so far for one context, and which leaves are already joined onto it.
pub(crate) struct Ctx {
    pub plan: LogicalPlan,
    /// Patient frame → its columns' names in this context (and the joined id column).
    frames: HashMap<NodeId, (String, HashMap<String, String>)>,
    /// Aggregate or `In` node → the expression reading its joined value.
    values: HashMap<NodeId, Expr>,
}

impl Ctx {
    pub fn new(plan: LogicalPlan) -> Ctx {
        Ctx {
            plan,
            frames: HashMap::new(),
            values: HashMap::new(),
        }
    }
}

pub(crate) struct Lowerer<'a> {
    arena: &'a Arena,
    udfs: Udfs,
    /// Loaded tables: a scan projected to `patient_id` and the needed columns.
    tables: HashMap<TableRef, LogicalPlan>,
    inline: HashMap<InlineRef, LogicalPlan>,
    frames: HashMap<NodeId, LogicalPlan>,
    next: usize,
}

impl<'a> Lowerer<'a> {
    pub fn new(arena: &'a Arena) -> Lowerer<'a> {
        Lowerer {
            arena,
            udfs: Udfs::new(),
            tables: HashMap::new(),
            inline: HashMap::new(),
            frames: HashMap::new(),
            next: 0,
        }
    }

    /// The loaded tables' scans (before any frame is planned).
    pub fn set_tables(&mut self, tables: HashMap<TableRef, LogicalPlan>) {
        self.tables = tables;
    }

    fn fresh(&mut self, what: &str) -> String {
        self.next += 1;
        format!("__{what}{}", self.next)
    }

    fn node(&self, id: NodeId) -> &'a Node {
        self.arena.node(id)
    }

    fn ty(&self, id: NodeId) -> Type {
        self.arena
            .series_type(id)
            .cloned()
            .expect("a series has a type")
    }

    // ----- frames -------------------------------------------------------------------

    /// The plan of a frame: `patient_id` plus the columns read from it.
    pub fn frame_plan(&mut self, frame: NodeId) -> R<LogicalPlan> {
        if let Some(p) = self.frames.get(&frame) {
            return Ok(p.clone());
        }
        let plan = match self.node(frame) {
            Node::SelectTable(t) | Node::SelectPatientTable(t) => self.tables[t].clone(),
            Node::InlinePatientTable(t) => self.inline_plan(*t)?,
            Node::Sort { source, .. } => self.frame_plan(*source)?,
            Node::Filter { source, condition } => {
                let base = self.frame_plan(*source)?;
                let columns: Vec<Expr> = base
                    .schema()
                    .columns()
                    .into_iter()
                    .map(Expr::Column)
                    .collect();
                let mut ctx = Ctx::new(base);
                let cond = self.expr(*condition, &mut ctx)?;
                LogicalPlanBuilder::from(ctx.plan)
                    .filter(cond.is_true())
                    .and_then(|b| b.project(columns))
                    .and_then(|b| b.build())
                    .map_err(df)?
            }
            Node::PickOneRowPerPatientWithColumns {
                source,
                position,
                selected_columns,
            } => self.pick_plan(*source, *position, selected_columns)?,
            other => {
                return Err(EngineError::Internal(format!(
                    "{} is not a frame the engine can read",
                    other.kind_name()
                )))
            }
        };
        self.frames.insert(frame, plan.clone());
        Ok(plan)
    }

    fn inline_plan(&mut self, t: InlineRef) -> R<LogicalPlan> {
        if let Some(p) = self.inline.get(&t) {
            return Ok(p.clone());
        }
        let batch = super::load::inline_batch(self.arena.inline_table(t))?;
        let schema = batch.schema();
        let mem = MemTable::try_new(schema, vec![vec![batch]]).map_err(df)?;
        let name = self.fresh("inline");
        let plan = LogicalPlanBuilder::scan(name, provider_as_source(Arc::new(mem)), None)
            .and_then(|b| b.build())
            .map_err(df)?;
        let plan = unqualify(plan)?;
        self.inline.insert(t, plan.clone());
        Ok(plan)
    }

    /// One row per patient: the first or last row of `source` in its sort order, with the
    /// selected columns. Sort keys are ascending with NULL first (see `pick.rs`).
    fn pick_plan(
        &mut self,
        source: NodeId,
        position: Position,
        selected: &[NodeId],
    ) -> R<LogicalPlan> {
        let base = self.frame_plan(source)?;
        let mut ctx = Ctx::new(base);
        let mut keys: Vec<Expr> = Vec::new();
        let mut key_types = Vec::new();
        for sort in crate::qm::rewrite::sorts_of(self.arena, source) {
            let Node::Sort { sort_by, .. } = self.node(sort) else {
                unreachable!("sorts_of gives Sorts")
            };
            let key = self.expr(*sort_by, &mut ctx)?;
            // A key repeated lower down cannot change the order.
            if !keys.contains(&key) {
                keys.push(key);
                key_types.push(arrow_type(&self.ty(*sort_by)));
            }
        }
        let mut names = Vec::new();
        let mut fields = Vec::new();
        let mut values = Vec::new();
        for &column in selected {
            let Node::SelectColumn { name, .. } = self.node(column) else {
                unreachable!("selected columns are SelectColumns")
            };
            names.push(name.clone());
            fields.push(Field::new(name, arrow_type(&self.ty(column)), true));
            values.push(c(name));
        }
        let b = LogicalPlanBuilder::from(ctx.plan);
        if values.is_empty() {
            return b
                .aggregate(vec![c("patient_id")], Vec::<Expr>::new())
                .and_then(|b| b.build())
                .map_err(df);
        }
        let udaf = Pick::udaf(key_types, Fields::from(fields), position == Position::Last);
        let mut args = keys;
        args.extend(values);
        let picked = self.fresh("pick");
        let mut exprs = vec![c("patient_id")];
        for n in &names {
            exprs.push(f::get_field(c(&picked), n.as_str()).alias(n));
        }
        b.aggregate(
            vec![c("patient_id")],
            vec![Arc::new(udaf).call(args).alias(&picked)],
        )
        .and_then(|b| b.project(exprs))
        .and_then(|b| b.build())
        .map_err(df)
    }

    /// The frame whose rows a series has one value for (its domain's frame).
    fn domain_frame(&self, series: NodeId) -> R<NodeId> {
        match self.arena.info(series).domain {
            Domain::Rows(frame) => Ok(frame),
            Domain::Patient => Err(EngineError::Internal(
                "an aggregation over a patient-level series".into(),
            )),
        }
    }

    // ----- leaves -------------------------------------------------------------------

    /// Left-joins `leaf` (whose id column is `leaf_pid`) onto the context. The leaf, at most
    /// one narrow row per patient, is the join's build side and the context streams past
    /// it, so the wide context is never copied into a hash table.
    fn join(&mut self, ctx: &mut Ctx, leaf: LogicalPlan, leaf_pid: &str) -> R<()> {
        let plan = std::mem::take(&mut ctx.plan);
        ctx.plan = LogicalPlanBuilder::from(leaf)
            .join(
                plan,
                JoinType::Right,
                (
                    vec![Column::new_unqualified(leaf_pid)],
                    vec![Column::new_unqualified("patient_id")],
                ),
                None,
            )
            .and_then(|b| b.build())
            .map_err(df)?;
        Ok(())
    }

    /// The column name of `name` from patient frame `frame` in this context, joining the
    /// frame first if needed.
    fn patient_column(&mut self, ctx: &mut Ctx, frame: NodeId, name: &str) -> R<Expr> {
        if !ctx.frames.contains_key(&frame) {
            let plan = self.frame_plan(frame)?;
            let pid = self.fresh("pid");
            let mut map = HashMap::new();
            let mut exprs = vec![c("patient_id").alias(&pid)];
            for fld in plan.schema().fields() {
                if fld.name() != "patient_id" {
                    let new = self.fresh("col");
                    exprs.push(c(fld.name()).alias(&new));
                    map.insert(fld.name().clone(), new);
                }
            }
            let right = LogicalPlanBuilder::from(plan)
                .project(exprs)
                .and_then(|b| b.build())
                .map_err(df)?;
            self.join(ctx, right, &pid)?;
            ctx.frames.insert(frame, (pid, map));
        }
        let (_, map) = &ctx.frames[&frame];
        map.get(name).map(|n| c(n)).ok_or_else(|| {
            EngineError::Internal(format!("column {name} was not loaded for its frame"))
        })
    }

    /// Whether the patient has a row in patient frame `frame` (joined if needed).
    fn patient_frame_exists(&mut self, ctx: &mut Ctx, frame: NodeId) -> R<Expr> {
        if !ctx.frames.contains_key(&frame) {
            // Joining the frame records its id column.
            let plan = self.frame_plan(frame)?;
            let any = plan
                .schema()
                .fields()
                .iter()
                .find(|f| f.name() != "patient_id")
                .map(|f| f.name().clone());
            match any {
                Some(n) => {
                    self.patient_column(ctx, frame, &n)?;
                }
                None => {
                    let pid = self.fresh("pid");
                    let right = LogicalPlanBuilder::from(plan)
                        .project(vec![c("patient_id").alias(&pid)])
                        .and_then(|b| b.build())
                        .map_err(df)?;
                    self.join(ctx, right, &pid)?;
                    ctx.frames.insert(frame, (pid, HashMap::new()));
                }
            }
        }
        Ok(c(&ctx.frames[&frame].0).is_not_null())
    }

    /// An aggregation's value in this context.
    fn aggregate(&mut self, ctx: &mut Ctx, id: NodeId, op: AggregateFn, source: NodeId) -> R<Expr> {
        if let Some(e) = ctx.values.get(&id) {
            return Ok(e.clone());
        }
        // Exists and Count over a frame; the rest over a series in its domain's frame.
        let (plan, value) = match op {
            AggregateFn::Exists | AggregateFn::Count if self.arena.info(source).is_frame() => {
                if op == AggregateFn::Exists && self.arena.info(source).is_patient_level() {
                    let e = self.patient_frame_exists(ctx, source)?;
                    ctx.values.insert(id, e.clone());
                    return Ok(e);
                }
                (self.frame_plan(source)?, None)
            }
            _ => {
                let frame = self.domain_frame(source)?;
                let base = self.frame_plan(frame)?;
                let mut inner = Ctx::new(base);
                let v = self.expr(source, &mut inner)?;
                (inner.plan, Some(v))
            }
        };
        let pid = self.fresh("pid");
        let out = self.fresh("agg");
        let aggregate = match (op, value) {
            (AggregateFn::Exists, _) => None,
            (AggregateFn::Count, _) => Some(agg::count(lit(1i64))),
            (AggregateFn::CountDistinct, Some(v)) => Some(agg::count_distinct(
                if self.arena.series_type(source) == Some(&Type::Float) {
                    unsigned_zero(v)
                } else {
                    v
                },
            )),
            (AggregateFn::Min, Some(v)) => Some(agg::min(v)),
            (AggregateFn::Max, Some(v)) => Some(agg::max(v)),
            // Float sums and means are correctly rounded (Python's fsum; the reference's
            // mean is `statistics.fmean`), so they do not depend on row order.
            (AggregateFn::Sum | AggregateFn::Mean, Some(v))
                if self.arena.series_type(source) == Some(&Type::Float) =>
            {
                Some(agg::array_agg(v))
            }
            (AggregateFn::Sum, Some(v)) => Some(agg::sum(v)),
            (AggregateFn::Mean, Some(v)) => Some(agg::avg(cast(v, DataType::Float64))),
            (AggregateFn::CountEpisodes { .. }, Some(v)) => Some(agg::array_agg(v)),
            (op, _) => {
                return Err(EngineError::Internal(format!(
                    "{} cannot be computed here",
                    op.name()
                )))
            }
        };
        let b = LogicalPlanBuilder::from(plan);
        let b = match &aggregate {
            Some(a) => b.aggregate(vec![c("patient_id")], vec![a.clone().alias(&out)]),
            None => b.aggregate(vec![c("patient_id")], Vec::<Expr>::new()),
        }
        .map_err(df)?;
        let mut exprs = vec![c("patient_id").alias(&pid)];
        if aggregate.is_some() {
            exprs.push(c(&out));
        }
        let right = b.project(exprs).and_then(|b| b.build()).map_err(df)?;
        self.join(ctx, right, &pid)?;
        let e = match op {
            AggregateFn::Exists => c(&pid).is_not_null(),
            AggregateFn::Count | AggregateFn::CountDistinct => {
                f::coalesce(vec![c(&out), lit(0i64)])
            }
            AggregateFn::CountEpisodes { maximum_gap_days } => f::coalesce(vec![
                self.udfs
                    .count_episodes
                    .call(vec![c(&out), lit(maximum_gap_days)]),
                lit(0i64),
            ]),
            AggregateFn::Sum | AggregateFn::Mean
                if self.arena.series_type(source) == Some(&Type::Float) =>
            {
                let f = if op == AggregateFn::Sum {
                    &self.udfs.float_sum
                } else {
                    &self.udfs.float_mean
                };
                f.call(vec![c(&out)])
            }
            _ => c(&out),
        };
        ctx.values.insert(id, e.clone());
        Ok(e)
    }

    /// `lhs is_in CombineAsSet(series)`: False when the patient's set is empty, NULL when
    /// `lhs` is NULL, else membership.
    fn in_event_set(&mut self, ctx: &mut Ctx, id: NodeId, lhs: NodeId, series: NodeId) -> R<Expr> {
        if let Some(e) = ctx.values.get(&id) {
            return Ok(e.clone());
        }
        let mut l = self.expr(lhs, ctx)?;
        let frame = self.domain_frame(series)?;
        let base = self.frame_plan(frame)?;
        let mut inner = Ctx::new(base);
        let mut v = self.expr(series, &mut inner)?;
        if self.arena.series_type(series) == Some(&Type::Float) {
            l = unsigned_zero(l);
            v = unsigned_zero(v);
        }
        let (spid, sval, npid, lcol) = (
            self.fresh("pid"),
            self.fresh("set"),
            self.fresh("pid"),
            self.fresh("lhs"),
        );
        let set = LogicalPlanBuilder::from(inner.plan)
            .filter(v.clone().is_not_null())
            .and_then(|b| {
                b.aggregate(
                    vec![c("patient_id").alias(&spid), v.alias(&sval)],
                    Vec::<Expr>::new(),
                )
            })
            .and_then(|b| b.build())
            .map_err(df)?;
        let nonempty = LogicalPlanBuilder::from(set.clone())
            .aggregate(vec![c(&spid).alias(&npid)], Vec::<Expr>::new())
            .and_then(|b| b.build())
            .map_err(df)?;
        // Materialise lhs as a column so the join can match on it.
        let mut exprs: Vec<Expr> = ctx
            .plan
            .schema()
            .columns()
            .into_iter()
            .map(Expr::Column)
            .collect();
        exprs.push(l.alias(&lcol));
        let plan = std::mem::take(&mut ctx.plan);
        let projected = LogicalPlanBuilder::from(plan)
            .project(exprs)
            .and_then(|b| b.build())
            .map_err(df)?;
        ctx.plan = LogicalPlanBuilder::from(set)
            .join(
                projected,
                JoinType::Right,
                (
                    vec![
                        Column::new_unqualified(&spid),
                        Column::new_unqualified(&sval),
                    ],
                    vec![
                        Column::new_unqualified("patient_id"),
                        Column::new_unqualified(&lcol),
                    ],
                ),
                None,
            )
            .and_then(|b| b.build())
            .map_err(df)?;
        self.join(ctx, nonempty, &npid)?;
        let e = when(c(&npid).is_null(), lit(false))
            .when(c(&lcol).is_null(), lit(ScalarValue::Boolean(None)))
            .otherwise(c(&spid).is_not_null())
            .map_err(df)?;
        ctx.values.insert(id, e.clone());
        Ok(e)
    }

    // ----- series -------------------------------------------------------------------

    /// The expression for series `id` in `ctx` (joining leaves onto it as needed).
    pub fn expr(&mut self, id: NodeId, ctx: &mut Ctx) -> R<Expr> {
        Ok(match self.node(id) {
            Node::Value(v) => literal(v)?,
            Node::Parameter { name, .. } => {
                return Err(EngineError::Internal(format!(
                    "parameter {name} was not substituted"
                )))
            }
            Node::SelectColumn { source, name } => {
                if self.arena.info(*source).is_patient_level() {
                    self.patient_column(ctx, *source, name)?
                } else {
                    c(name)
                }
            }
            Node::Aggregate { op, source } => self.aggregate(ctx, id, *op, *source)?,
            Node::Unary { op, source } => {
                let x = self.expr(*source, ctx)?;
                self.unary(*op, x)
            }
            Node::Binary {
                op: BinaryFn::In,
                lhs,
                rhs,
            } => match self.node(*rhs) {
                Node::Aggregate {
                    op: AggregateFn::CombineAsSet,
                    source,
                } => self.in_event_set(ctx, id, *lhs, *source)?,
                Node::Value(Value::Set(s)) => {
                    if s.is_empty() {
                        lit(false)
                    } else {
                        let mut l = self.expr(*lhs, ctx)?;
                        if self.arena.series_type(*lhs) == Some(&Type::Float) {
                            l = unsigned_zero(l);
                        }
                        let list = s
                            .iter()
                            .map(|v| match v {
                                Value::Float(x) => Ok(lit(x.get() + 0.0)),
                                v => literal(v),
                            })
                            .collect::<R<Vec<_>>>()?;
                        l.in_list(list, false)
                    }
                }
                other => {
                    return Err(EngineError::Internal(format!(
                        "is_in against {}",
                        other.kind_name()
                    )))
                }
            },
            Node::Binary { op, lhs, rhs } => {
                let mut l = self.expr(*lhs, ctx)?;
                let mut r = self.expr(*rhs, ctx)?;
                let compares = matches!(
                    op,
                    BinaryFn::EQ
                        | BinaryFn::NE
                        | BinaryFn::LT
                        | BinaryFn::LE
                        | BinaryFn::GT
                        | BinaryFn::GE
                );
                if compares && self.arena.series_type(*lhs) == Some(&Type::Float) {
                    l = unsigned_zero(l);
                    r = unsigned_zero(r);
                }
                self.binary(*op, l, r)?
            }
            Node::Nary { op, sources } => {
                let args = sources
                    .iter()
                    .map(|s| self.expr(*s, ctx))
                    .collect::<R<Vec<_>>>()?;
                match op {
                    NaryFn::MinimumOf => f::least(args),
                    NaryFn::MaximumOf => f::greatest(args),
                }
            }
            Node::Case { cases, default } => {
                let null = typed_null(&self.ty(id))?;
                let mut builder: Option<
                    datafusion::logical_expr::conditional_expressions::CaseBuilder,
                > = None;
                for (cond, value) in cases {
                    let cond = self.expr(*cond, ctx)?;
                    let value = match value {
                        Some(v) => self.expr(*v, ctx)?,
                        None => null.clone(),
                    };
                    builder = Some(match builder {
                        None => when(cond, value),
                        Some(mut b) => {
                            b = b.when(cond, value);
                            b
                        }
                    });
                }
                let default = match default {
                    Some(d) => self.expr(*d, ctx)?,
                    None => null,
                };
                builder
                    .expect("a case has at least one condition")
                    .otherwise(default)
                    .map_err(df)?
            }
            other => {
                return Err(EngineError::Internal(format!(
                    "{} is not a series",
                    other.kind_name()
                )))
            }
        })
    }

    fn unary(&self, op: UnaryFn, x: Expr) -> Expr {
        use UnaryFn::*;
        match op {
            Not => Expr::Not(Box::new(x)),
            IsNull => x.is_null(),
            Negate => Expr::Negative(Box::new(x)),
            Absolute => f::abs(x),
            CastToInt => cast(x, DataType::Int64),
            CastToFloat => cast(x, DataType::Float64),
            YearFromDate => self.udfs.year.call(vec![x]),
            MonthFromDate => self.udfs.month.call(vec![x]),
            DayFromDate => self.udfs.day.call(vec![x]),
            ToFirstOfYear => self.udfs.first_of_year.call(vec![x]),
            ToFirstOfMonth => self.udfs.first_of_month.call(vec![x]),
        }
    }

    fn binary(&self, op: BinaryFn, l: Expr, r: Expr) -> R<Expr> {
        use BinaryFn::*;
        let float = |e: Expr| cast(e, DataType::Float64);
        let nonzero = |e: Expr| f::nullif(unsigned_zero(float(e)), lit(0.0f64));
        Ok(match op {
            EQ => l.eq(r),
            NE => l.not_eq(r),
            LT => l.lt(r),
            LE => l.lt_eq(r),
            GT => l.gt(r),
            GE => l.gt_eq(r),
            And => l.and(r),
            Or => l.or(r),
            Add => binary_expr(l, Operator::Plus, r),
            Subtract => binary_expr(l, Operator::Minus, r),
            Multiply => binary_expr(l, Operator::Multiply, r),
            TrueDivide => binary_expr(float(l), Operator::Divide, nonzero(r)),
            FloorDivide => cast(
                f::floor(binary_expr(float(l), Operator::Divide, nonzero(r))),
                DataType::Int64,
            ),
            Power => {
                let (x, y) = (float(l), float(r));
                let undefined = (x.clone().eq(lit(0.0f64)).and(y.clone().lt(lit(0.0f64)))).or(x
                    .clone()
                    .lt(lit(0.0f64))
                    .and(y.clone().not_eq(f::trunc(vec![y.clone()]))));
                when(undefined, lit(ScalarValue::Float64(None)))
                    .otherwise(f::power(x, y))
                    .map_err(df)?
            }
            DateAddDays => self.udfs.add_days.call(vec![l, r]),
            DateAddMonths => self.udfs.add_months.call(vec![l, r]),
            DateAddYears => self.udfs.add_years.call(vec![l, r]),
            DateDifferenceInDays => binary_expr(
                cast(cast(l, DataType::Int32), DataType::Int64),
                Operator::Minus,
                cast(cast(r, DataType::Int32), DataType::Int64),
            ),
            DateDifferenceInMonths => self.udfs.diff_months.call(vec![l, r]),
            DateDifferenceInYears => self.udfs.diff_years.call(vec![l, r]),
            StringContains => self.udfs.contains.call(vec![l, r]),
            In => unreachable!("In is lowered with its right-hand side"),
        })
    }
}

/// `x + 0.0`: IEEE addition turns -0.0 into 0.0, so Arrow's comparisons (which order
/// -0.0 before 0.0) agree with Python's, where the two are equal.
fn unsigned_zero(e: Expr) -> Expr {
    binary_expr(e, Operator::Plus, lit(0.0f64))
}

/// Renames a scan's qualified columns to bare names.
pub(crate) fn unqualify(plan: LogicalPlan) -> R<LogicalPlan> {
    let exprs: Vec<Expr> = plan
        .schema()
        .columns()
        .into_iter()
        .map(|col| {
            let name = col.name.clone();
            Expr::Column(col).alias(name)
        })
        .collect();
    LogicalPlanBuilder::from(plan)
        .project(exprs)
        .and_then(|b| b.build())
        .map_err(df)
}

pub(crate) fn literal(v: &Value) -> R<Expr> {
    Ok(lit(scalar(v)?))
}

pub(crate) fn scalar(v: &Value) -> R<ScalarValue> {
    Ok(match v {
        Value::Bool(b) => ScalarValue::Boolean(Some(*b)),
        Value::Int(i) => ScalarValue::Int64(Some(*i)),
        Value::Float(x) => ScalarValue::Float64(Some(x.get())),
        Value::Str(s) | Value::Code(_, s) | Value::MultiCode(_, s) => {
            ScalarValue::Utf8(Some(s.clone()))
        }
        Value::Date(d) => ScalarValue::Date32(Some(d.0)),
        Value::Set(_) => return Err(EngineError::Internal("a set value outside is_in".into())),
    })
}

fn typed_null(ty: &Type) -> R<Expr> {
    Ok(lit(ScalarValue::try_from(&arrow_type(ty)).map_err(df)?))
}
