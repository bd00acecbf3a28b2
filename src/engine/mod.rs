//! The embedded engine: the query model lowered to DataFusion logical plans over Arrow
//! tables.
//!
//! Inputs come from a [`TableSource`] (dummy tables on disk in `crate::io`, or rows in
//! memory for tests and the spec suite); the result is Arrow record batches sorted by
//! `patient_id`, with one column per dataset variable typed by [`arrow_type`].

mod load;
mod lower;
mod pick;
mod pushdown;
mod run;
mod udf;

use std::collections::HashMap;
use std::sync::Arc;

use arrow_array::{new_null_array, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};

use crate::qm::{Arena, Dataset, Table, Type};

pub use load::values_array;
pub use run::{run_dataset_with_events, run_dataset_with_progress, RunOutput};

/// The Arrow type the engine uses for values of a query-model type: bool → Boolean,
/// int → Int64, float → Float64, date → Date32, str, codes and multi-code strings → Utf8.
pub fn arrow_type(ty: &Type) -> DataType {
    match ty {
        Type::Bool => DataType::Boolean,
        Type::Int => DataType::Int64,
        Type::Float => DataType::Float64,
        Type::Date => DataType::Date32,
        Type::Str | Type::Code(_) | Type::MultiCodeString(_) => DataType::Utf8,
        Type::Set(_) => DataType::Utf8,
    }
}

/// The Arrow schema of a table as the engine reads it: `patient_id` (Int64, not null) then
/// `columns` in the order given, each nullable and typed by [`arrow_type`].
pub fn table_arrow_schema(table: &Table, columns: &[String]) -> SchemaRef {
    let mut fields = vec![Field::new("patient_id", DataType::Int64, false)];
    for c in columns {
        let ty = table
            .schema
            .column_type(c)
            .map(arrow_type)
            .unwrap_or(DataType::Utf8);
        fields.push(Field::new(c, ty, true));
    }
    Arc::new(Schema::new(fields))
}

/// Something that can supply a table's rows.
pub trait TableSource: Sync {
    /// The rows of `table`, restricted to `columns` (a subset of its schema's columns, in the
    /// order asked), as batches with exactly the schema [`table_arrow_schema`] gives.
    fn load(&self, table: &Table, columns: &[String]) -> Result<Vec<RecordBatch>, EngineError>;

    /// As [`load`](TableSource::load), keeping only the rows of each batch that `keep`
    /// returns. The engine passes the rows the definition can read at all; a source that
    /// reads in chunks should apply `keep` to each chunk as it is read, so the whole table
    /// is never held in memory.
    fn load_filtered(
        &self,
        table: &Table,
        columns: &[String],
        keep: RowFilter,
    ) -> Result<Vec<RecordBatch>, EngineError> {
        self.load(table, columns)?.iter().map(keep).collect()
    }
}

/// A row filter: the batch with only the rows to keep.
pub type RowFilter<'a> = &'a (dyn Fn(&RecordBatch) -> Result<RecordBatch, EngineError> + Sync);

/// Tables held in memory, by name; a table not present is empty.
#[derive(Debug, Default, Clone)]
pub struct MemorySource {
    tables: HashMap<String, Vec<RecordBatch>>,
}

impl MemorySource {
    pub fn new() -> MemorySource {
        MemorySource::default()
    }

    /// Adds a table's rows: batches with `patient_id` (Int64) and any of the table's
    /// columns (typed by [`arrow_type`]); columns left out are NULL.
    pub fn insert(&mut self, name: impl Into<String>, batches: Vec<RecordBatch>) {
        self.tables.insert(name.into(), batches);
    }
}

impl TableSource for MemorySource {
    fn load(&self, table: &Table, columns: &[String]) -> Result<Vec<RecordBatch>, EngineError> {
        let schema = table_arrow_schema(table, columns);
        let Some(batches) = self.tables.get(&table.name) else {
            return Ok(vec![RecordBatch::new_empty(schema)]);
        };
        let mut out = Vec::new();
        for b in batches {
            let mut arrays = Vec::new();
            for field in schema.fields() {
                let array = match b.column_by_name(field.name()) {
                    Some(a) if a.data_type() == field.data_type() => a.clone(),
                    Some(a) => arrow_cast::cast(a, field.data_type())
                        .map_err(|e| EngineError::Input(format!("table {}: {e}", table.name)))?,
                    None if field.name() == "patient_id" => {
                        return Err(EngineError::Input(format!(
                            "table {} has no patient_id column",
                            table.name
                        )))
                    }
                    None => new_null_array(field.data_type(), b.num_rows()),
                };
                arrays.push(array);
            }
            out.push(
                RecordBatch::try_new(schema.clone(), arrays)
                    .map_err(|e| EngineError::Input(format!("table {}: {e}", table.name)))?,
            );
        }
        Ok(out)
    }
}

/// What went wrong running a query.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// Bad input data (a dummy table or file): exit code 11. The message names the file, row
    /// and column where known.
    #[error("{0}")]
    Input(String),
    /// A failure inside the engine.
    #[error("internal engine error: {0}")]
    Internal(String),
    /// An error the definition's data caused while running (the reference raises too): a
    /// date out of range, integer overflow.
    #[error("{0}")]
    Runtime(String),
}

impl EngineError {
    pub(crate) fn from_datafusion(e: datafusion::error::DataFusionError) -> EngineError {
        let text = e.to_string();
        match text.find("ehrql: ") {
            Some(at) => EngineError::Runtime(text[at + 7..].to_string()),
            None if text.contains("Overflow") || text.contains("overflow") => {
                EngineError::Runtime(format!("arithmetic overflow ({text})"))
            }
            None => EngineError::Internal(text),
        }
    }
}

/// The result of running a dataset.
#[derive(Debug, Clone)]
pub struct DatasetResult {
    /// `patient_id` (Int64) then one column per variable, in definition order.
    pub schema: SchemaRef,
    /// Rows sorted by `patient_id`.
    pub batches: Vec<RecordBatch>,
}

/// Runs `dataset` over the tables in `source`.
pub fn run_dataset(
    arena: &Arena,
    dataset: &Dataset,
    source: &dyn TableSource,
) -> Result<DatasetResult, EngineError> {
    run_dataset_with_events(arena, dataset, source).map(|out| out.dataset)
}
