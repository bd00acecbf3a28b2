//! Reading Arrow IPC files and Parquet: columns checked by type family (any integer for
//! int, any float, `string`, any date, boolean; dictionaries by their values), categories
//! checked, then cast to the engine's types.

use std::fs::File;
use std::path::Path;

use arrow_array::cast::AsArray;
use arrow_array::{new_null_array, Array, ArrayRef, RecordBatch, RecordBatchReader, StringArray};
use arrow_cast::cast;
use arrow_schema::{DataType, Schema, TimeUnit};

use super::columns::{ColumnReq, Kind, TableReq};
use crate::engine::{EngineError, RowFilter};
use crate::eval::repr::str_repr;

/// Reads an Arrow IPC file, keeping the rows `keep` returns from each batch.
pub fn read_arrow(
    path: &Path,
    name: &str,
    req: &TableReq,
    keep: Option<RowFilter>,
) -> Result<Vec<RecordBatch>, EngineError> {
    let file = File::open(path).map_err(|e| input(format!("'{name}': {e}")))?;
    let reader = arrow_ipc::reader::FileReader::try_new(file, None)
        .map_err(|e| input(format!("'{name}': not a readable Arrow IPC file: {e}")))?;
    convert_all(reader, name, req, keep)
}

/// Converts and filters every batch a reader gives.
fn convert_all(
    reader: impl RecordBatchReader,
    name: &str,
    req: &TableReq,
    keep: Option<RowFilter>,
) -> Result<Vec<RecordBatch>, EngineError> {
    let schema = reader.schema();
    let plan = plan(&schema, req).map_err(input)?;
    let mut out = Vec::new();
    for batch in reader {
        let batch = batch.map_err(|e| input(format!("'{name}': {e}")))?;
        let batch = convert(&batch, &plan, req, name).map_err(input)?;
        push_kept(&mut out, batch, keep)?;
    }
    Ok(out)
}

/// Reads a Parquet file, decoding only the requested columns and keeping the rows `keep`
/// returns from each batch.
pub fn read_parquet(
    path: &Path,
    name: &str,
    req: &TableReq,
    keep: Option<RowFilter>,
) -> Result<Vec<RecordBatch>, EngineError> {
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    use parquet::arrow::ProjectionMask;
    let file = File::open(path).map_err(|e| input(format!("'{name}': {e}")))?;
    let builder = ParquetRecordBatchReaderBuilder::try_new(file)
        .map_err(|e| input(format!("'{name}': not a readable Parquet file: {e}")))?;
    let full = builder.schema().clone();
    plan(&full, req).map_err(input)?;
    let wanted: Vec<usize> = (0..full.fields().len())
        .filter(|&i| req.columns.iter().any(|c| c.name == *full.field(i).name()))
        .collect();
    let mask = ProjectionMask::roots(builder.parquet_schema(), wanted);
    // Row groups are decoded on two threads, each taking a contiguous half, so rows come
    // back in file order.
    let groups = builder.metadata().num_row_groups();
    let halves: Vec<Vec<usize>> = if groups >= 2 {
        vec![(0..groups / 2).collect(), (groups / 2..groups).collect()]
    } else {
        vec![(0..groups).collect()]
    };
    let read_part = |row_groups: Vec<usize>| -> Result<Vec<RecordBatch>, EngineError> {
        let file = File::open(path).map_err(|e| input(format!("'{name}': {e}")))?;
        let reader = ParquetRecordBatchReaderBuilder::try_new(file)
            .map_err(|e| input(format!("'{name}': not a readable Parquet file: {e}")))?
            .with_projection(mask.clone())
            .with_row_groups(row_groups)
            .with_batch_size(64 * 1024)
            .build()
            .map_err(|e| input(format!("'{name}': {e}")))?;
        convert_all(reader, name, req, keep)
    };
    let parts: Vec<Result<Vec<RecordBatch>, EngineError>> = std::thread::scope(|s| {
        let handles: Vec<_> = halves
            .into_iter()
            .map(|h| s.spawn(move || read_part(h)))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(input(format!("'{name}': reading failed"))))
            })
            .collect()
    });
    let mut out = Vec::new();
    for part in parts {
        out.extend(part?);
    }
    if out.is_empty() {
        out.push(RecordBatch::new_empty(req.schema.clone()));
    }
    Ok(out)
}

fn input(message: String) -> EngineError {
    EngineError::Input(message)
}

fn push_kept(
    out: &mut Vec<RecordBatch>,
    batch: RecordBatch,
    keep: Option<RowFilter>,
) -> Result<(), EngineError> {
    let batch = match keep {
        Some(keep) => keep(&batch)?,
        None => batch,
    };
    if batch.num_rows() > 0 {
        out.push(batch);
    }
    Ok(())
}

/// For each requested column, its index in the file (None: absent, read as NULL).
fn plan(schema: &Schema, req: &TableReq) -> Result<Vec<Option<usize>>, String> {
    let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
    req.check_header(&names)?;
    let mut errors = Vec::new();
    let mut plan = Vec::new();
    for c in &req.columns {
        let index = names.iter().position(|n| *n == c.name);
        if let Some(i) = index {
            let ty = schema.field(i).data_type();
            if !family_matches(c.kind, ty) {
                errors.push(format!(
                    "Type mismatch in column {}: expected {}, got {}",
                    quoted(&c.name),
                    c.kind.python_class(),
                    pyarrow_name(ty)
                ));
            }
        }
        plan.push(index);
    }
    if errors.is_empty() {
        Ok(plan)
    } else {
        Err(errors.join("\n"))
    }
}

/// `'name'` as the reference quotes column names in Arrow messages (plain quotes).
fn quoted(name: &str) -> String {
    format!("'{name}'")
}

fn family_matches(kind: Kind, ty: &DataType) -> bool {
    let ty = match ty {
        DataType::Dictionary(_, values) => values.as_ref(),
        other => other,
    };
    match kind {
        Kind::Bool => matches!(ty, DataType::Boolean),
        Kind::Int => ty.is_integer(),
        Kind::Float => ty.is_floating(),
        Kind::Date => matches!(ty, DataType::Date32 | DataType::Date64),
        Kind::Str => matches!(ty, DataType::Utf8 | DataType::Utf8View),
    }
}

/// How pyarrow prints a type, for mismatch messages.
fn pyarrow_name(ty: &DataType) -> String {
    match ty {
        DataType::Boolean => "bool".into(),
        DataType::Int8 => "int8".into(),
        DataType::Int16 => "int16".into(),
        DataType::Int32 => "int32".into(),
        DataType::Int64 => "int64".into(),
        DataType::UInt8 => "uint8".into(),
        DataType::UInt16 => "uint16".into(),
        DataType::UInt32 => "uint32".into(),
        DataType::UInt64 => "uint64".into(),
        DataType::Float16 => "halffloat".into(),
        DataType::Float32 => "float".into(),
        DataType::Float64 => "double".into(),
        DataType::Utf8 => "string".into(),
        DataType::LargeUtf8 => "large_string".into(),
        DataType::Utf8View => "string_view".into(),
        DataType::Binary => "binary".into(),
        DataType::LargeBinary => "large_binary".into(),
        DataType::Date32 => "date32[day]".into(),
        DataType::Date64 => "date64[ms]".into(),
        DataType::Null => "null".into(),
        DataType::Timestamp(unit, tz) => {
            let unit = match unit {
                TimeUnit::Second => "s",
                TimeUnit::Millisecond => "ms",
                TimeUnit::Microsecond => "us",
                TimeUnit::Nanosecond => "ns",
            };
            match tz {
                Some(tz) => format!("timestamp[{unit}, tz={tz}]"),
                None => format!("timestamp[{unit}]"),
            }
        }
        DataType::Dictionary(k, v) => format!(
            "dictionary<values={}, indices={}, ordered=0>",
            pyarrow_name(v),
            pyarrow_name(k)
        ),
        other => other.to_string().to_lowercase(),
    }
}

fn convert(
    batch: &RecordBatch,
    plan: &[Option<usize>],
    req: &TableReq,
    name: &str,
) -> Result<RecordBatch, String> {
    let mut columns: Vec<ArrayRef> = Vec::with_capacity(req.columns.len());
    let mut errors = Vec::new();
    for (c, index) in req.columns.iter().zip(plan) {
        let Some(i) = *index else {
            columns.push(new_null_array(&c.kind.arrow_type(), batch.num_rows()));
            continue;
        };
        let array = batch.column(i);
        if let Some(error) = check_categories(c, array) {
            errors.push(error);
        }
        let cast_array = cast(array, &c.kind.arrow_type())
            .map_err(|e| format!("'{name}': column {}: {e}", str_repr(&c.name)))?;
        if !c.nullable && cast_array.null_count() > 0 {
            return Err(format!(
                "'{name}': NULL value in non-nullable column {}",
                str_repr(&c.name)
            ));
        }
        columns.push(cast_array);
    }
    if !errors.is_empty() {
        return Err(errors.join("\n"));
    }
    RecordBatch::try_new(req.schema.clone(), columns).map_err(|e| format!("'{name}': {e}"))
}

/// The reference's categories check: a dictionary's values, or the distinct non-NULL
/// values (sorted), must all be allowed.
fn check_categories(c: &ColumnReq, array: &ArrayRef) -> Option<String> {
    let allowed = c.categories.as_ref()?.strings()?;
    let present: Vec<String> = match array.data_type() {
        DataType::Dictionary(_, _) => {
            let values = array.as_any_dictionary_opt()?.values();
            distinct(values, false)
        }
        _ => distinct(array, true),
    };
    if present.iter().all(|p| allowed.contains(p)) {
        return None;
    }
    Some(format!(
        "Unexpected categories in column {}\n  Categories: {}\n  Expected: {}\n",
        quoted(&c.name),
        present.join(", "),
        allowed.join(", ")
    ))
}

fn distinct(array: &ArrayRef, sort: bool) -> Vec<String> {
    let Ok(strings) = cast(array, &DataType::Utf8) else {
        return vec![];
    };
    let Some(strings) = strings.as_any().downcast_ref::<StringArray>() else {
        return vec![];
    };
    let mut out: Vec<String> = Vec::new();
    if sort {
        let set: std::collections::BTreeSet<&str> = strings.iter().flatten().collect();
        out.extend(set.into_iter().map(String::from));
    } else {
        out.extend(strings.iter().flatten().map(String::from));
    }
    out
}
