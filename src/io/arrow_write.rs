//! Arrow IPC and Parquet output with the reference's column types: the smallest integer
//! type for a known range (unsigned when it cannot be negative), categorical strings as
//! ordered dictionaries with the smallest signed index type.

use std::collections::HashMap;
use std::io::Write;
use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::{Int16Type, Int32Type, Int64Type, Int8Type};
use arrow_array::{Array, ArrayRef, DictionaryArray, PrimitiveArray, RecordBatch, StringArray};
use arrow_cast::cast;
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};

use super::values::value_repr;
use crate::qm::introspect::ColumnSpec;
use crate::qm::{Type, Value};

/// The reference writes record batches of this many rows.
const ROWS_PER_BATCH: usize = 64_000;

/// The smallest integer type holding `min..=max`; Int64 when either is unknown.
pub fn smallest_int_type(min: Option<i64>, max: Option<i64>) -> DataType {
    let (Some(min), Some(max)) = (min, max) else {
        return DataType::Int64;
    };
    let abs_max = (max as i128).max((min as i128).abs());
    if min < 0 {
        match abs_max {
            m if m < 1 << 7 => DataType::Int8,
            m if m < 1 << 15 => DataType::Int16,
            m if m < 1 << 31 => DataType::Int32,
            _ => DataType::Int64,
        }
    } else {
        match abs_max {
            m if m < 1 << 8 => DataType::UInt8,
            m if m < 1 << 16 => DataType::UInt16,
            m if m < 1 << 32 => DataType::UInt32,
            _ => DataType::UInt64,
        }
    }
}

/// One output column: its field and, for categorical strings, the categories.
struct OutColumn {
    field: Field,
    categories: Option<Vec<String>>,
}

fn out_column(name: &str, spec: &ColumnSpec) -> OutColumn {
    let categories: Option<Vec<String>> = match (&spec.ty, &spec.categories) {
        (Type::Str | Type::Code(_) | Type::MultiCodeString(_), Some(cats)) => Some(
            cats.iter()
                .map(|v| match v {
                    Value::Str(s) | Value::Code(_, s) | Value::MultiCode(_, s) => s.clone(),
                    other => value_repr(other),
                })
                .collect(),
        ),
        _ => None,
    };
    let ty = match (&spec.ty, &categories) {
        (_, Some(cats)) => {
            let index = smallest_int_type(Some(-1), Some(cats.len() as i64 - 1));
            DataType::Dictionary(Box::new(index), Box::new(DataType::Utf8))
        }
        (Type::Int, None) => smallest_int_type(spec.min_value, spec.max_value),
        (ty, None) => crate::engine::arrow_type(ty),
    };
    let field = Field::new(name, ty, spec.nullable).with_dict_is_ordered(categories.is_some());
    OutColumn { field, categories }
}

/// The output schema and batches (of at most 64,000 rows) for a result.
pub fn prepare(
    specs: &[(String, ColumnSpec)],
    batches: &[RecordBatch],
) -> Result<(SchemaRef, Vec<RecordBatch>), String> {
    let columns: Vec<OutColumn> = specs.iter().map(|(n, s)| out_column(n, s)).collect();
    let schema = Arc::new(Schema::new(
        columns.iter().map(|c| c.field.clone()).collect::<Vec<_>>(),
    ));
    let mut out = Vec::new();
    for batch in batches {
        let mut offset = 0;
        while offset < batch.num_rows() {
            let len = ROWS_PER_BATCH.min(batch.num_rows() - offset);
            let slice = batch.slice(offset, len);
            let arrays = columns
                .iter()
                .zip(slice.columns())
                .map(|(c, a)| convert(c, a))
                .collect::<Result<Vec<_>, _>>()?;
            out.push(RecordBatch::try_new(schema.clone(), arrays).map_err(|e| e.to_string())?);
            offset += len;
        }
    }
    Ok((schema, out))
}

fn convert(column: &OutColumn, array: &ArrayRef) -> Result<ArrayRef, String> {
    let name = column.field.name();
    let Some(categories) = &column.categories else {
        return cast(array, column.field.data_type()).map_err(|e| format!("column '{name}': {e}"));
    };
    let strings = cast(array, &DataType::Utf8).map_err(|e| e.to_string())?;
    let strings = strings.as_string::<i32>();
    let lookup: HashMap<&str, i64> = categories
        .iter()
        .enumerate()
        .map(|(i, c)| (c.as_str(), i as i64))
        .collect();
    let mut keys = Vec::with_capacity(strings.len());
    for v in strings.iter() {
        match v {
            None => keys.push(None),
            Some(s) => match lookup.get(s) {
                Some(k) => keys.push(Some(*k)),
                None => {
                    let allowed: Vec<String> = categories
                        .iter()
                        .map(|c| crate::eval::repr::str_repr(c))
                        .collect();
                    return Err(format!(
                        "Invalid value {} for column '{name}'\nAllowed are: {}",
                        crate::eval::repr::str_repr(s),
                        allowed.join(", ")
                    ));
                }
            },
        }
    }
    let values: ArrayRef = Arc::new(StringArray::from_iter_values(categories.iter()));
    let keys = PrimitiveArray::<Int64Type>::from(keys);
    let DataType::Dictionary(index, _) = column.field.data_type() else {
        unreachable!("categorical columns are dictionaries")
    };
    let dict = |r: Result<ArrayRef, ArrowError>| r.map_err(|e| e.to_string());
    let keys = cast(&keys, index).map_err(|e| e.to_string())?;
    dict(match index.as_ref() {
        DataType::Int8 => dictionary::<Int8Type>(&keys, values),
        DataType::Int16 => dictionary::<Int16Type>(&keys, values),
        DataType::Int32 => dictionary::<Int32Type>(&keys, values),
        _ => dictionary::<Int64Type>(&keys, values),
    })
}

fn dictionary<K: arrow_array::types::ArrowDictionaryKeyType>(
    keys: &ArrayRef,
    values: ArrayRef,
) -> Result<ArrayRef, ArrowError> {
    let keys = keys.as_primitive::<K>().clone();
    Ok(Arc::new(DictionaryArray::<K>::try_new(keys, values)?))
}

/// Writes an Arrow IPC file (the file format, not the stream format). An empty result
/// writes the schema and no batches, as the reference does.
pub fn write_arrow(
    out: impl Write,
    schema: &SchemaRef,
    batches: &[RecordBatch],
) -> Result<(), String> {
    let mut writer =
        arrow_ipc::writer::FileWriter::try_new(out, schema).map_err(|e| e.to_string())?;
    for b in batches {
        writer.write(b).map_err(|e| e.to_string())?;
    }
    writer.finish().map_err(|e| e.to_string())
}

/// Writes a Parquet file (Snappy-compressed) with the same logical types.
pub fn write_parquet(
    out: impl Write + Send,
    schema: &SchemaRef,
    batches: &[RecordBatch],
) -> Result<(), String> {
    use parquet::arrow::ArrowWriter;
    use parquet::basic::Compression;
    use parquet::file::properties::WriterProperties;
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .build();
    let mut writer =
        ArrowWriter::try_new(out, schema.clone(), Some(props)).map_err(|e| e.to_string())?;
    for b in batches {
        writer.write(b).map_err(|e| e.to_string())?;
    }
    writer.close().map_err(|e| e.to_string())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smallest_types_like_the_reference() {
        assert_eq!(smallest_int_type(None, Some(3)), DataType::Int64);
        assert_eq!(smallest_int_type(Some(0), Some(65_535)), DataType::UInt16);
        assert_eq!(smallest_int_type(Some(0), Some(255)), DataType::UInt8);
        assert_eq!(smallest_int_type(Some(0), Some(256)), DataType::UInt16);
        assert_eq!(smallest_int_type(Some(-1), Some(3)), DataType::Int8);
        assert_eq!(smallest_int_type(Some(-128), Some(3)), DataType::Int16);
        assert_eq!(smallest_int_type(Some(-1), Some(1 << 40)), DataType::Int64);
    }
}
