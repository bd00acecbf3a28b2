//! Getting rows into the engine: which columns of each table a graph reads, loading them
//! from a [`TableSource`] into in-memory tables, and inline tables as Arrow batches.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float64Builder, Int64Builder, StringBuilder,
};
use arrow_array::cast::AsArray;
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use arrow_select::filter::filter_record_batch;
use datafusion::catalog::MemTable;
use datafusion::common::DFSchema;
use datafusion::datasource::provider_as_source;
use datafusion::execution::context::SessionContext;
use datafusion::logical_expr::{Expr, LogicalPlan, LogicalPlanBuilder};

use super::lower::{df, unqualify, R};
use super::{arrow_type, table_arrow_schema, EngineError, TableSource};
use crate::qm::introspect::root_frame;
use crate::qm::{Arena, InlineTable, Node, NodeId, TableRef, Value};

/// For every table the graph reads, the columns it reads (sorted, so loading is stable).
pub(crate) fn columns_used(
    arena: &Arena,
    roots: &[NodeId],
) -> BTreeMap<TableRef, BTreeSet<String>> {
    let mut used: BTreeMap<TableRef, BTreeSet<String>> = BTreeMap::new();
    for id in arena.post_order(roots) {
        match arena.node(id) {
            Node::SelectTable(t) | Node::SelectPatientTable(t) => {
                used.entry(*t).or_default();
            }
            Node::SelectColumn { source, name } => {
                if let Node::SelectTable(t) | Node::SelectPatientTable(t) =
                    arena.node(root_frame(arena, *source))
                {
                    used.entry(*t).or_default().insert(name.clone());
                }
            }
            _ => {}
        }
    }
    used
}

/// Loads each used table and returns its scan plan (`patient_id` then the used columns,
/// unqualified). Batches are spread over `partitions` partitions so scans run in parallel.
pub(crate) fn load_tables(
    arena: &Arena,
    roots: &[NodeId],
    source: &dyn TableSource,
    partitions: usize,
    filters: &HashMap<TableRef, Expr>,
    progress: &(dyn Fn(&str) + Sync),
) -> R<HashMap<TableRef, LogicalPlan>> {
    let mut plans = HashMap::new();
    let session = SessionContext::new();
    for (t, cols) in columns_used(arena, roots) {
        let table = arena.table(t);
        let cols: Vec<String> = table
            .schema
            .column_names()
            .filter(|c| cols.contains(*c))
            .map(str::to_string)
            .collect();
        let schema = table_arrow_schema(table, &cols);
        let started = std::time::Instant::now();
        let batches = match filters.get(&t) {
            Some(condition) => {
                let df_schema = DFSchema::try_from(schema.as_ref().clone()).map_err(df)?;
                let predicate = session
                    .create_physical_expr(condition.clone(), &df_schema)
                    .map_err(df)?;
                let keep = |b: &RecordBatch| -> Result<RecordBatch, EngineError> {
                    let mask = predicate
                        .evaluate(b)
                        .and_then(|v| v.into_array(b.num_rows()))
                        .map_err(df)?;
                    filter_record_batch(b, mask.as_boolean())
                        .map_err(|e| EngineError::Internal(format!("filtering rows: {e}")))
                };
                source.load_filtered(table, &cols, &keep)?
            }
            None => source.load(table, &cols)?,
        };
        for b in &batches {
            if b.schema().fields() != schema.fields() {
                return Err(EngineError::Internal(format!(
                    "table {} was loaded with the wrong columns or types",
                    table.name
                )));
            }
        }
        let rows: usize = batches.iter().map(|b| b.num_rows()).sum();
        progress(&format!(
            "Read {}: {rows} rows{} in {:.1}s",
            table.name,
            if filters.contains_key(&t) {
                " kept"
            } else {
                ""
            },
            started.elapsed().as_secs_f64()
        ));
        let mut parts: Vec<Vec<RecordBatch>> = vec![Vec::new(); partitions.max(1)];
        for (i, b) in batches.into_iter().enumerate() {
            parts[i % partitions.max(1)].push(b);
        }
        let mem = MemTable::try_new(schema, parts).map_err(df)?;
        let plan = LogicalPlanBuilder::scan(
            format!("t_{}", table.name),
            provider_as_source(Arc::new(mem)),
            None,
        )
        .and_then(|b| b.build())
        .map_err(df)?;
        plans.insert(t, unqualify(plan)?);
    }
    Ok(plans)
}

/// An inline patient table's rows as one batch.
pub(crate) fn inline_batch(table: &InlineTable) -> R<RecordBatch> {
    let mut fields = vec![Field::new("patient_id", DataType::Int64, false)];
    let mut ids = Int64Builder::new();
    for row in &table.rows {
        ids.append_value(row.patient_id);
    }
    let mut columns: Vec<ArrayRef> = vec![Arc::new(ids.finish())];
    for (k, col) in table.schema.columns.iter().enumerate() {
        let ty = arrow_type(&col.ty);
        fields.push(Field::new(&col.name, ty.clone(), true));
        let values = table.rows.iter().map(|r| r.values[k].as_ref());
        columns.push(values_array(&ty, values)?);
    }
    RecordBatch::try_new(Arc::new(Schema::new(fields)), columns)
        .map_err(|e| EngineError::Internal(e.to_string()))
}

/// An Arrow array of `ty` from query-model values (None is NULL).
pub fn values_array<'v>(
    ty: &DataType,
    values: impl Iterator<Item = Option<&'v Value>>,
) -> R<ArrayRef> {
    let bad = |v: &Value| EngineError::Internal(format!("value {v} does not fit {ty}"));
    Ok(match ty {
        DataType::Boolean => {
            let mut b = BooleanBuilder::new();
            for v in values {
                match v {
                    None => b.append_null(),
                    Some(Value::Bool(x)) => b.append_value(*x),
                    Some(v) => return Err(bad(v)),
                }
            }
            Arc::new(b.finish())
        }
        DataType::Int64 => {
            let mut b = Int64Builder::new();
            for v in values {
                match v {
                    None => b.append_null(),
                    Some(Value::Int(x)) => b.append_value(*x),
                    Some(v) => return Err(bad(v)),
                }
            }
            Arc::new(b.finish())
        }
        DataType::Float64 => {
            let mut b = Float64Builder::new();
            for v in values {
                match v {
                    None => b.append_null(),
                    Some(Value::Float(x)) => b.append_value(x.get()),
                    Some(Value::Int(x)) => b.append_value(*x as f64),
                    Some(v) => return Err(bad(v)),
                }
            }
            Arc::new(b.finish())
        }
        DataType::Date32 => {
            let mut b = Date32Builder::new();
            for v in values {
                match v {
                    None => b.append_null(),
                    Some(Value::Date(d)) => b.append_value(d.0),
                    Some(v) => return Err(bad(v)),
                }
            }
            Arc::new(b.finish())
        }
        _ => {
            let mut b = StringBuilder::new();
            for v in values {
                match v {
                    None => b.append_null(),
                    Some(Value::Str(s) | Value::Code(_, s) | Value::MultiCode(_, s)) => {
                        b.append_value(s)
                    }
                    Some(v) => return Err(bad(v)),
                }
            }
            Arc::new(b.finish())
        }
    })
}
