//! Comparing an engine's result with a case's `expected` block: cells are read by the result
//! column's type (floats within a relative tolerance, `T`/`F` bools, ISO dates, empty for
//! NULL), and a mismatch is shown as an aligned table diff.

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float64Type, Int64Type};
use arrow_array::{Array, ArrayRef};
use arrow_schema::DataType;

use crate::engine::DatasetResult;
use crate::qm::Date;

use super::{Cell, ExpectedTable, FLOAT_RELATIVE_TOLERANCE};

/// A result as rows of typed cells.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultTable {
    /// Column names after `patient_id`.
    pub columns: Vec<String>,
    /// (patient_id, cells), in the order the engine gave them.
    pub rows: Vec<(i64, Vec<Cell>)>,
}

/// Reads a [`DatasetResult`] into rows; its first column must be an integer `patient_id`.
pub fn result_table(result: &DatasetResult) -> Result<ResultTable, String> {
    let fields = result.schema.fields();
    if fields.first().map(|f| f.name().as_str()) != Some("patient_id") {
        return Err("the result's first column is not patient_id".into());
    }
    let columns = fields.iter().skip(1).map(|f| f.name().clone()).collect();
    let mut rows = Vec::new();
    for batch in &result.batches {
        let mut cols = Vec::new();
        for array in batch.columns() {
            cols.push(normalise(array)?);
        }
        for r in 0..batch.num_rows() {
            let Cell::Int(id) = cell_at(&cols[0], r) else {
                return Err(format!("row {}: patient_id is NULL", rows.len() + 1));
            };
            rows.push((id, cols[1..].iter().map(|c| cell_at(c, r)).collect()));
        }
    }
    Ok(ResultTable { columns, rows })
}

/// The array cast to the one Arrow type per kind of value that [`cell_at`] reads, so any
/// integer width, dictionary or string view an engine returns compares the same.
fn normalise(array: &ArrayRef) -> Result<ArrayRef, String> {
    let dt = array.data_type();
    let target = match dt {
        DataType::Boolean | DataType::Null => return Ok(array.clone()),
        d if d.is_integer() => DataType::Int64,
        d if d.is_floating() || matches!(d, DataType::Decimal128(..)) => DataType::Float64,
        DataType::Date32 | DataType::Date64 | DataType::Timestamp(..) => DataType::Date32,
        _ => DataType::Utf8,
    };
    arrow_cast::cast(array, &target).map_err(|e| format!("cannot read a {dt} column: {e}"))
}

fn cell_at(array: &ArrayRef, row: usize) -> Cell {
    if array.is_null(row) {
        return Cell::Null;
    }
    match array.data_type() {
        DataType::Boolean => Cell::Bool(array.as_boolean().value(row)),
        DataType::Int64 => Cell::Int(array.as_primitive::<Int64Type>().value(row)),
        DataType::Float64 => Cell::Float(array.as_primitive::<Float64Type>().value(row)),
        DataType::Date32 => Cell::Date(Date(array.as_primitive::<Date32Type>().value(row))),
        _ => Cell::Str(array.as_string::<i32>().value(row).to_string()),
    }
}

/// A cell as the spec writes it: empty for NULL, `T`/`F`, ISO dates, `\|` inside strings.
pub fn format_cell(cell: &Cell) -> String {
    match cell {
        Cell::Null => String::new(),
        Cell::Bool(b) => (if *b { "T" } else { "F" }).into(),
        Cell::Int(i) => i.to_string(),
        Cell::Float(f) => format!("{f:?}"),
        Cell::Date(d) => d.to_string(),
        Cell::Str(s) => s.replace('|', "\\|"),
    }
}

/// Whether an expected cell (as written; `None` is NULL) is the actual value.
pub fn cell_matches(expected: Option<&str>, actual: &Cell) -> bool {
    let Some(text) = expected else {
        return *actual == Cell::Null;
    };
    match actual {
        Cell::Null => false,
        Cell::Bool(b) => text == if *b { "T" } else { "F" },
        Cell::Int(i) => text.parse::<i64>() == Ok(*i),
        // A float is written as one (`2.0`, not `2`), so an int where a float is expected
        // (or the reverse) is a wrong result, not a formatting detail.
        Cell::Float(f) => {
            text.parse::<i64>().is_err() && text.parse::<f64>().is_ok_and(|e| floats_close(e, *f))
        }
        Cell::Date(d) => Date::parse_iso(text) == Some(*d),
        Cell::Str(s) => text == s,
    }
}

/// Equal within [`FLOAT_RELATIVE_TOLERANCE`] (and an absolute 1e-12 near zero, as the
/// reference check uses); NaN matches NaN and infinities match exactly.
fn floats_close(e: f64, a: f64) -> bool {
    if e.is_nan() || a.is_nan() {
        return e.is_nan() && a.is_nan();
    }
    e == a || (e - a).abs() <= (FLOAT_RELATIVE_TOLERANCE * e.abs().max(a.abs())).max(1e-12)
}

/// Compares a result with the expected rows: Ok, or Err with a readable diff (expected rows
/// marked `-`, actual rows `+`, matching rows unmarked).
pub fn compare(expected: &ExpectedTable, actual: &DatasetResult) -> Result<(), String> {
    let table = result_table(actual)?;
    compare_table(expected, &table)
}

/// [`compare`] on an already-read result.
pub fn compare_table(expected: &ExpectedTable, actual: &ResultTable) -> Result<(), String> {
    let same_header = expected.columns == actual.columns;
    let mut notes = Vec::new();
    if !same_header {
        notes.push("the columns differ".to_string());
    }
    if actual.rows.windows(2).any(|w| w[0].0 >= w[1].0) {
        notes.push("the actual rows are not sorted by patient_id, or repeat one".to_string());
    }
    let mut sorted: Vec<&(i64, Vec<Cell>)> = actual.rows.iter().collect();
    sorted.sort_by_key(|(id, _)| *id);
    let header = |cols: &[String]| {
        std::iter::once("patient_id".to_string())
            .chain(cols.iter().cloned())
            .collect::<Vec<_>>()
    };
    let mut lines: Vec<(char, Vec<String>)> = Vec::new();
    if same_header {
        lines.push((' ', header(&expected.columns)));
    } else {
        lines.push(('-', header(&expected.columns)));
        lines.push(('+', header(&actual.columns)));
    }
    let exp_line = |r: &super::ExpectedRow| {
        let cells = r
            .cells
            .iter()
            .map(|c| c.as_deref().unwrap_or("").replace('|', "\\|"));
        std::iter::once(r.patient_id.to_string())
            .chain(cells)
            .collect::<Vec<_>>()
    };
    let act_line = |(id, cells): &(i64, Vec<Cell>)| {
        std::iter::once(id.to_string())
            .chain(cells.iter().map(format_cell))
            .collect::<Vec<_>>()
    };
    let (mut i, mut j) = (0, 0);
    let mut differ = !notes.is_empty();
    while i < expected.rows.len() || j < sorted.len() {
        let e = expected.rows.get(i);
        let a = sorted.get(j).copied();
        match (e, a) {
            (Some(e), Some(a)) if e.patient_id == a.0 => {
                let equal = same_header
                    && e.cells.len() == a.1.len()
                    && e.cells
                        .iter()
                        .zip(&a.1)
                        .all(|(x, y)| cell_matches(x.as_deref(), y));
                if equal {
                    lines.push((' ', exp_line(e)));
                } else {
                    differ = true;
                    lines.push(('-', exp_line(e)));
                    lines.push(('+', act_line(a)));
                }
                i += 1;
                j += 1;
            }
            (Some(e), a) if a.is_none_or(|a| e.patient_id < a.0) => {
                differ = true;
                lines.push(('-', exp_line(e)));
                i += 1;
            }
            (_, Some(a)) => {
                differ = true;
                lines.push(('+', act_line(a)));
                j += 1;
            }
            (_, None) => break,
        }
    }
    if !differ {
        return Ok(());
    }
    let mut out = String::from("expected (-) and actual (+) differ:\n");
    out.push_str(&align(&lines));
    for note in notes {
        out.push_str(&format!("note: {note}\n"));
    }
    Err(out)
}

/// Lines as a table with padded columns, each prefixed by its marker.
fn align(lines: &[(char, Vec<String>)]) -> String {
    let mut widths: Vec<usize> = Vec::new();
    for (_, cells) in lines {
        for (k, c) in cells.iter().enumerate() {
            let w = c.chars().count();
            match widths.get_mut(k) {
                Some(old) => *old = (*old).max(w),
                None => widths.push(w),
            }
        }
    }
    let mut out = String::new();
    for (mark, cells) in lines {
        let padded: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(k, c)| format!("{c:<w$}", w = widths[k]))
            .collect();
        out.push_str(&format!("  {mark} {}\n", padded.join(" | ").trim_end()));
    }
    out
}

#[cfg(test)]
#[path = "compare_tests.rs"]
mod tests;
