//! Converting the split cells of a CSV chunk into Arrow arrays, one column at a time in a
//! tight loop per type, with the reference's conversions and messages.

use std::sync::Arc;

use arrow_array::{ArrayRef, BooleanArray, Date32Array, Float64Array, Int64Array, StringArray};
use arrow_buffer::{Buffer, NullBufferBuilder, OffsetBuffer, ScalarBuffer};

use super::columns::{ColumnReq, Kind};
use super::values::{parse_bool, parse_date, parse_float, parse_int, text_repr};

/// The split cells of a chunk: `bounds` holds start and end offsets into `text`, `width`
/// cells per row.
pub struct Cells<'a> {
    pub text: &'a [u8],
    pub bounds: &'a [u32],
    pub width: usize,
    pub rows: usize,
}

impl Cells<'_> {
    #[inline]
    fn get(&self, row: usize, column: usize) -> &[u8] {
        let k = 2 * (row * self.width + column);
        &self.text[self.bounds[k] as usize..self.bounds[k + 1] as usize]
    }
}

pub enum ColumnError {
    /// A bad value at a row (1-based within the chunk).
    At(usize, String),
    /// An empty cell in a non-nullable column.
    Null(usize),
    /// Not about a row (text that is not UTF-8).
    Invalid(String),
}

pub fn convert_column(
    cells: &Cells,
    column: usize,
    req: &ColumnReq,
) -> Result<ArrayRef, ColumnError> {
    let cats = req.categories.as_ref();
    let not_in = |text: &[u8]| {
        format!(
            "{} not in valid categories: {}",
            text_repr(text),
            cats.map(|c| c.repr_list()).unwrap_or_default()
        )
    };
    match req.kind {
        Kind::Int => {
            let (values, nulls) = primitive(cells, column, req.nullable, |t| {
                let v = parse_int(t)?;
                match cats {
                    Some(c) if !c.has_int(v) => Err(not_in(t)),
                    _ => Ok(v),
                }
            })?;
            Ok(Arc::new(Int64Array::new(values.into(), nulls)))
        }
        Kind::Float => {
            let (values, nulls) = primitive(cells, column, req.nullable, |t| {
                let v = parse_float(t)?;
                match cats {
                    Some(c) if !c.has_float(v) => Err(not_in(t)),
                    _ => Ok(v),
                }
            })?;
            Ok(Arc::new(Float64Array::new(values.into(), nulls)))
        }
        Kind::Date => {
            let (values, nulls) = primitive(cells, column, req.nullable, |t| {
                let v = parse_date(t)?;
                match cats {
                    Some(c) if !c.has_date(v) => Err(not_in(t)),
                    _ => Ok(v),
                }
            })?;
            Ok(Arc::new(Date32Array::new(values.into(), nulls)))
        }
        Kind::Bool => {
            let (values, nulls) = primitive(cells, column, req.nullable, |t| {
                let v = parse_bool(t)?;
                match cats {
                    Some(c) if !c.has_bool(v) => Err(not_in(t)),
                    _ => Ok(v),
                }
            })?;
            Ok(Arc::new(BooleanArray::new(values.into(), nulls)))
        }
        Kind::Str => {
            let mut offsets: Vec<i32> = Vec::with_capacity(cells.rows + 1);
            let mut data: Vec<u8> = Vec::with_capacity(cells.rows * 8);
            let mut nulls = NullBufferBuilder::new(cells.rows);
            offsets.push(0);
            for row in 0..cells.rows {
                let text = cells.get(row, column);
                if text.is_empty() {
                    if !req.nullable {
                        return Err(ColumnError::Null(row + 1));
                    }
                    nulls.append_null();
                } else {
                    if cats.is_some_and(|c| !c.has_str(text)) {
                        return Err(ColumnError::At(row + 1, not_in(text)));
                    }
                    data.extend_from_slice(text);
                    nulls.append_non_null();
                }
                offsets.push(data.len() as i32);
            }
            // Validates UTF-8 (once per chunk column, vectorised) and the offsets.
            let offsets = OffsetBuffer::new(ScalarBuffer::from(offsets));
            StringArray::try_new(offsets, Buffer::from_vec(data), nulls.finish())
                .map(|a| Arc::new(a) as ArrayRef)
                .map_err(|_| ColumnError::Invalid("text is not valid UTF-8".into()))
        }
    }
}

/// Converts one column's cells with `parse`; empty cells are NULL (or an error when the
/// column is not nullable).
#[inline]
fn primitive<T: Default>(
    cells: &Cells,
    column: usize,
    nullable: bool,
    mut parse: impl FnMut(&[u8]) -> Result<T, String>,
) -> Result<(Vec<T>, Option<arrow_buffer::NullBuffer>), ColumnError> {
    let mut values = Vec::with_capacity(cells.rows);
    let mut nulls = NullBufferBuilder::new(cells.rows);
    for row in 0..cells.rows {
        let text = cells.get(row, column);
        if text.is_empty() {
            if !nullable {
                return Err(ColumnError::Null(row + 1));
            }
            values.push(T::default());
            nulls.append_null();
        } else {
            values.push(parse(text).map_err(|m| ColumnError::At(row + 1, m))?);
            nulls.append_non_null();
        }
    }
    Ok((values, nulls.finish()))
}
