//! CSV text exactly as the reference writes it (Python's `csv.writer`, minimal quoting,
//! CRLF): header, NULL as an empty field, `T`/`F`, ISO dates, Python float repr.

use std::io::Write;

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float64Type, Int64Type};
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_cast::cast;
use arrow_schema::DataType;

use crate::eval::format::float_repr;
use crate::qm::Date;

/// Writes a header of `names` and every row of `batches` (columns in the same order).
pub fn write_csv(
    out: &mut dyn Write,
    names: &[&str],
    batches: &[RecordBatch],
) -> std::io::Result<()> {
    let mut buf = Vec::with_capacity(1 << 16);
    let header: Vec<&[u8]> = names.iter().map(|n| n.as_bytes()).collect();
    for (i, name) in header.iter().enumerate() {
        if i > 0 {
            buf.push(b',');
        }
        write_text(&mut buf, name, header.len() == 1);
    }
    buf.extend_from_slice(b"\r\n");
    for batch in batches {
        let columns: Vec<Column> = batch.columns().iter().map(Column::new).collect();
        let single = columns.len() == 1;
        for row in 0..batch.num_rows() {
            for (i, column) in columns.iter().enumerate() {
                if i > 0 {
                    buf.push(b',');
                }
                column.write(&mut buf, row, single);
            }
            buf.extend_from_slice(b"\r\n");
            if buf.len() >= 1 << 16 {
                out.write_all(&buf)?;
                buf.clear();
            }
        }
    }
    out.write_all(&buf)
}

/// A column in one of the engine's types (others are cast to one).
enum Column {
    Int(ArrayRef),
    Float(ArrayRef),
    Bool(ArrayRef),
    Date(ArrayRef),
    Str(ArrayRef),
}

impl Column {
    fn new(array: &ArrayRef) -> Column {
        let to = |ty: DataType| cast(array, &ty).expect("cast to a CSV column type");
        match array.data_type() {
            DataType::Boolean => Column::Bool(array.clone()),
            DataType::Float64 => Column::Float(array.clone()),
            DataType::Float16 | DataType::Float32 => Column::Float(to(DataType::Float64)),
            DataType::Date32 => Column::Date(array.clone()),
            DataType::Date64 => Column::Date(to(DataType::Date32)),
            t if t.is_integer() => Column::Int(to(DataType::Int64)),
            DataType::Utf8 => Column::Str(array.clone()),
            _ => Column::Str(to(DataType::Utf8)),
        }
    }

    fn write(&self, buf: &mut Vec<u8>, row: usize, single: bool) {
        let array = match self {
            Column::Int(a)
            | Column::Float(a)
            | Column::Bool(a)
            | Column::Date(a)
            | Column::Str(a) => a,
        };
        if array.is_null(row) {
            if single {
                // Python quotes a lone empty field so the row is not a blank line.
                buf.extend_from_slice(b"\"\"");
            }
            return;
        }
        match self {
            Column::Int(a) => write_int(buf, a.as_primitive::<Int64Type>().value(row)),
            Column::Float(a) => buf.extend_from_slice(
                float_repr(a.as_primitive::<Float64Type>().value(row)).as_bytes(),
            ),
            Column::Bool(a) => buf.push(if a.as_boolean().value(row) {
                b'T'
            } else {
                b'F'
            }),
            Column::Date(a) => write_date(buf, a.as_primitive::<Date32Type>().value(row)),
            Column::Str(a) => write_text(buf, a.as_string::<i32>().value(row).as_bytes(), single),
        }
    }
}

fn write_int(buf: &mut Vec<u8>, v: i64) {
    let mut digits = [0u8; 20];
    let mut n = v.unsigned_abs();
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if v < 0 {
        buf.push(b'-');
    }
    buf.extend_from_slice(&digits[i..]);
}

fn write_date(buf: &mut Vec<u8>, days: i32) {
    let (y, m, d) = Date(days).ymd();
    let two = |buf: &mut Vec<u8>, v: u32| {
        buf.push(b'0' + (v / 10) as u8);
        buf.push(b'0' + (v % 10) as u8);
    };
    // Python prints years below 1000 with leading zeros (`0099-01-01`).
    let y = y.max(0) as u32;
    two(buf, y / 100);
    two(buf, y % 100);
    buf.push(b'-');
    two(buf, m);
    buf.push(b'-');
    two(buf, d);
}

/// Text quoted only when it holds a comma, a quote or a line break (quotes doubled), or
/// is an empty lone field.
fn write_text(buf: &mut Vec<u8>, text: &[u8], single: bool) {
    let needs_quotes = text
        .iter()
        .any(|&b| matches!(b, b',' | b'"' | b'\r' | b'\n'))
        || (single && text.is_empty());
    if !needs_quotes {
        buf.extend_from_slice(text);
        return;
    }
    buf.push(b'"');
    for &b in text {
        if b == b'"' {
            buf.push(b'"');
        }
        buf.push(b);
    }
    buf.push(b'"');
}
