//! Running a dataset: the required rewrites, loading, lowering the population, variables
//! and event tables into plans, and executing them on DataFusion.

use std::sync::Arc;

use arrow_array::RecordBatch;
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use datafusion::common::{Column, JoinType};
use datafusion::execution::context::SessionContext;
use datafusion::logical_expr::{cast, lit, Expr, LogicalPlan, LogicalPlanBuilder, SortExpr};
use datafusion::prelude::{DataFrame, SessionConfig};

use super::load::load_tables;
use super::lower::{c, df, Ctx, Lowerer, R};
use super::{arrow_type, DatasetResult, EngineError, TableSource};
use crate::qm::rewrite::rewrite_dataset_sorts;
use crate::qm::{Arena, Dataset, Domain, Node, NodeId};

/// A dataset's rows and its event tables' rows (`add_event_table`), in definition order.
#[derive(Debug, Clone)]
pub struct RunOutput {
    pub dataset: DatasetResult,
    pub events: Vec<(String, DatasetResult)>,
}

/// Stack for planning and execution: definitions can nest thousands of operations, and
/// both our lowering and DataFusion's planner recurse over expressions.
const STACK: usize = 256 << 20;

fn threads() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
}

/// Runs a dataset and its event tables over `source`.
pub fn run_dataset_with_events(
    arena: &Arena,
    dataset: &Dataset,
    source: &dyn TableSource,
) -> Result<RunOutput, EngineError> {
    run_dataset_with_progress(arena, dataset, source, &|_| {})
}

/// As [`run_dataset_with_events`], reporting each stage (a table read, the query run) to
/// `progress` as it finishes, for a progress display.
pub fn run_dataset_with_progress(
    arena: &Arena,
    dataset: &Dataset,
    source: &dyn TableSource,
    progress: &(dyn Fn(&str) + Sync),
) -> Result<RunOutput, EngineError> {
    std::thread::scope(|s| {
        std::thread::Builder::new()
            .name("ehrql-engine".into())
            .stack_size(STACK)
            .spawn_scoped(s, || run(arena, dataset, source, progress))
            .map_err(|e| EngineError::Internal(format!("cannot start the engine thread: {e}")))?
            .join()
            .unwrap_or_else(|_| Err(EngineError::Internal("the engine panicked".into())))
    })
}

fn run(
    arena: &Arena,
    dataset: &Dataset,
    source: &dyn TableSource,
    progress: &(dyn Fn(&str) + Sync),
) -> R<RunOutput> {
    let mut arena = arena.clone();
    let dataset = rewrite_dataset_sorts(&mut arena, dataset)
        .map_err(|e| EngineError::Internal(format!("sort rewrite: {e}")))?;
    let roots = dataset.roots();
    let mut lw = Lowerer::new(&arena);
    let filters = super::pushdown::row_filters(&arena, &dataset, &mut lw)?;
    let tables = load_tables(&arena, &roots, source, threads(), &filters, progress)?;
    lw.set_tables(tables);

    // The population is evaluated over every patient in the tables it reads; population
    // validation guarantees that patients in no such table are not in the population.
    let population = dataset.population();
    let universe = universe(&mut lw, &arena, population)?;
    let mut ctx = Ctx::new(universe);
    let keep = lw.expr(population, &mut ctx)?;
    ctx.plan = LogicalPlanBuilder::from(std::mem::take(&mut ctx.plan))
        .filter(keep.is_true())
        .and_then(|b| b.build())
        .map_err(df)?;
    let population_ids = LogicalPlanBuilder::from(ctx.plan.clone())
        .project(vec![c("patient_id")])
        .and_then(|b| b.build())
        .map_err(df)?;

    let mut exprs = vec![c("patient_id")];
    let mut fields = vec![Field::new("patient_id", DataType::Int64, false)];
    for (name, v) in dataset.variables() {
        let ty = arrow_type(arena.series_type(*v).expect("variables are series"));
        let e = lw.expr(*v, &mut ctx)?;
        exprs.push(cast(e, ty.clone()).alias(name));
        fields.push(Field::new(name, ty, true));
    }
    let plan = sorted_projection(ctx.plan, exprs)?;
    let session = session();
    let started = std::time::Instant::now();
    let dataset_result = execute(&session, plan, Arc::new(Schema::new(fields)))?;
    progress(&format!(
        "Computed {} columns for {} patients in {:.1}s",
        dataset.variables().len(),
        dataset_result
            .batches
            .iter()
            .map(|b| b.num_rows())
            .sum::<usize>(),
        started.elapsed().as_secs_f64()
    ));

    let mut events = Vec::new();
    for (name, frame) in dataset.events() {
        let plan = event_table_plan(&mut lw, &arena, *frame, population_ids.clone())?;
        let (plan, schema) = plan;
        events.push((name.clone(), execute(&session, plan, schema)?));
    }
    Ok(RunOutput {
        dataset: dataset_result,
        events,
    })
}

/// Every patient id in the tables the population reads, once each.
fn universe(lw: &mut Lowerer, arena: &Arena, population: NodeId) -> R<LogicalPlan> {
    let mut parts = Vec::new();
    for id in arena.post_order(&[population]) {
        if matches!(
            arena.node(id),
            Node::SelectTable(_) | Node::SelectPatientTable(_) | Node::InlinePatientTable(_)
        ) {
            let plan = lw.frame_plan(id)?;
            parts.push(
                LogicalPlanBuilder::from(plan)
                    .project(vec![c("patient_id")])
                    .and_then(|b| b.build())
                    .map_err(df)?,
            );
        }
    }
    let mut parts = parts.into_iter();
    let b = match parts.next() {
        Some(first) => {
            let mut b = LogicalPlanBuilder::from(first);
            for p in parts {
                b = b.union(p).map_err(df)?;
            }
            b
        }
        None => LogicalPlanBuilder::empty(false)
            .project(vec![cast(lit(0i64), DataType::Int64).alias("patient_id")])
            .map_err(df)?,
    };
    b.aggregate(vec![c("patient_id")], Vec::<Expr>::new())
        .and_then(|b| b.build())
        .map_err(df)
}

/// An `add_event_table` frame: its domain's rows for population patients, with its
/// members as columns.
fn event_table_plan(
    lw: &mut Lowerer,
    arena: &Arena,
    frame: NodeId,
    population_ids: LogicalPlan,
) -> R<(LogicalPlan, SchemaRef)> {
    let Node::SeriesCollectionFrame { members } = arena.node(frame) else {
        return Err(EngineError::Internal(
            "an event table that is not a SeriesCollectionFrame".into(),
        ));
    };
    let Domain::Rows(rows) = arena.info(frame).domain else {
        return Err(EngineError::Internal(
            "an event table without event-level members".into(),
        ));
    };
    let base = lw.frame_plan(rows)?;
    let ids = LogicalPlanBuilder::from(population_ids)
        .project(vec![c("patient_id").alias("__population_id")])
        .and_then(|b| b.build())
        .map_err(df)?;
    let base = LogicalPlanBuilder::from(base)
        .join(
            ids,
            JoinType::LeftSemi,
            (
                vec![Column::new_unqualified("patient_id")],
                vec![Column::new_unqualified("__population_id")],
            ),
            None,
        )
        .and_then(|b| b.build())
        .map_err(df)?;
    let mut ctx = Ctx::new(base);
    let mut exprs = vec![c("patient_id")];
    let mut fields = vec![Field::new("patient_id", DataType::Int64, false)];
    for (name, m) in members {
        let ty = arrow_type(arena.series_type(*m).expect("members are series"));
        let e = lw.expr(*m, &mut ctx)?;
        exprs.push(cast(e, ty.clone()).alias(name));
        fields.push(Field::new(name, ty, true));
    }
    Ok((
        sorted_projection(ctx.plan, exprs)?,
        Arc::new(Schema::new(fields)),
    ))
}

fn sorted_projection(plan: LogicalPlan, exprs: Vec<Expr>) -> R<LogicalPlan> {
    LogicalPlanBuilder::from(plan)
        .project(exprs)
        .and_then(|b| b.sort(vec![SortExpr::new(c("patient_id"), true, false)]))
        .and_then(|b| b.build())
        .map_err(df)
}

fn session() -> SessionContext {
    let config = SessionConfig::new()
        .with_target_partitions(threads())
        .with_batch_size(8192);
    SessionContext::new_with_config(config)
}

fn execute(session: &SessionContext, plan: LogicalPlan, schema: SchemaRef) -> R<DatasetResult> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads())
        .thread_stack_size(64 << 20)
        .build()
        .map_err(|e| EngineError::Internal(format!("cannot start the runtime: {e}")))?;
    let frame = DataFrame::new(session.state(), plan);
    if std::env::var_os("EHRQL_EXPLAIN").is_some() {
        // For engine work: the physical plan with each operator's measured cost.
        let explained = runtime
            .block_on(frame.clone().explain(false, true).map_err(df)?.collect())
            .map_err(df)?;
        if let Ok(text) = arrow_cast::pretty::pretty_format_batches(&explained) {
            eprintln!("{text}");
        }
    }
    let batches = runtime.block_on(frame.collect()).map_err(df)?;
    let batches = batches
        .into_iter()
        .filter(|b| b.num_rows() > 0)
        .map(|b| {
            RecordBatch::try_new(schema.clone(), b.columns().to_vec())
                .map_err(|e| EngineError::Internal(format!("result batch: {e}")))
        })
        .collect::<R<Vec<_>>>()?;
    Ok(DatasetResult { schema, batches })
}
