//! Reading Arrow IPC files for `table_from_file`: the file's rows become the same CSV text
//! the CSV path parses, so both formats share one set of validation rules and messages.

use std::fmt::Write;
use std::io::Cursor;

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Float32Type, Float64Type, Int16Type, Int32Type, Int64Type, Int8Type, UInt16Type, UInt32Type,
    UInt64Type, UInt8Type,
};
use arrow_array::{Array, ArrayRef};
use arrow_ipc::reader::FileReader;
use arrow_schema::DataType;

use crate::qm::Date;

/// The Arrow IPC file in `bytes` as CSV text (header, then one line per row).
pub fn arrow_to_csv(bytes: &[u8]) -> Result<String, String> {
    let reader = FileReader::try_new(Cursor::new(bytes), None)
        .map_err(|e| format!("not a readable Arrow IPC file ({e})"))?;
    let schema = reader.schema();
    let mut out = String::new();
    let names: Vec<String> = schema.fields().iter().map(|f| quote(f.name())).collect();
    out.push_str(&names.join(","));
    out.push('\n');
    for batch in reader {
        let batch = batch.map_err(|e| format!("unreadable record batch ({e})"))?;
        let columns = batch.columns();
        for row in 0..batch.num_rows() {
            for (i, column) in columns.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&quote(&cell(column, row)?));
            }
            out.push('\n');
        }
    }
    Ok(out)
}

/// One cell in the CSV spelling `table_from_file` reads: empty for NULL, `T`/`F`, ISO dates.
fn cell(array: &ArrayRef, row: usize) -> Result<String, String> {
    if array.is_null(row) {
        return Ok(String::new());
    }
    macro_rules! num {
        ($t:ty) => {
            array.as_primitive::<$t>().value(row).to_string()
        };
    }
    Ok(match array.data_type() {
        DataType::Boolean => if array.as_boolean().value(row) {
            "T"
        } else {
            "F"
        }
        .to_string(),
        DataType::Int8 => num!(Int8Type),
        DataType::Int16 => num!(Int16Type),
        DataType::Int32 => num!(Int32Type),
        DataType::Int64 => num!(Int64Type),
        DataType::UInt8 => num!(UInt8Type),
        DataType::UInt16 => num!(UInt16Type),
        DataType::UInt32 => num!(UInt32Type),
        DataType::UInt64 => num!(UInt64Type),
        DataType::Float32 => num!(Float32Type),
        DataType::Float64 => num!(Float64Type),
        DataType::Utf8 => array.as_string::<i32>().value(row).to_string(),
        DataType::LargeUtf8 => array.as_string::<i64>().value(row).to_string(),
        DataType::Date32 => iso(array
            .as_primitive::<arrow_array::types::Date32Type>()
            .value(row)),
        DataType::Date64 => {
            let ms = array
                .as_primitive::<arrow_array::types::Date64Type>()
                .value(row);
            iso(ms.div_euclid(86_400_000) as i32)
        }
        DataType::Dictionary(_, _) => {
            let dict = array.as_any_dictionary();
            let key = dict.normalized_keys()[row];
            cell(dict.values(), key)?
        }
        other => return Err(format!("columns of Arrow type {other} are not supported")),
    })
}

fn iso(days: i32) -> String {
    let (y, m, d) = Date(days).ymd();
    let mut s = String::new();
    let _ = write!(s, "{y:04}-{m:02}-{d:02}");
    s
}

/// Quotes a CSV field when it needs it.
fn quote(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}
