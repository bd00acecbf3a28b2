//! A case's input tables as engine input: one Arrow batch per table, `patient_id` (Int64)
//! then the columns the case gives, each typed by [`crate::engine::arrow_type`], in a
//! [`MemorySource`].

use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float64Builder, Int64Builder, StringBuilder,
};
use arrow_array::{ArrayRef, Int64Array, RecordBatch};
use arrow_schema::{DataType, Field, Schema};

use crate::engine::{arrow_type, MemorySource};

use super::{Case, Cell, InputTable};

/// The case's tables as a [`MemorySource`]; tables the case does not give are left out,
/// which the engine reads as empty.
pub fn memory_source(case: &Case) -> Result<MemorySource, String> {
    let mut source = MemorySource::new();
    for table in &case.tables {
        source.insert(table.name.clone(), vec![table_batch(table)?]);
    }
    Ok(source)
}

fn table_batch(table: &InputTable) -> Result<RecordBatch, String> {
    let mut fields = vec![Field::new("patient_id", DataType::Int64, false)];
    let ids: Int64Array = table.rows.iter().map(|r| Some(r.patient_id)).collect();
    let mut arrays: Vec<ArrayRef> = vec![Arc::new(ids)];
    for (k, col) in table.columns.iter().enumerate() {
        let ty = arrow_type(&col.ty);
        let cells = table.rows.iter().map(|r| &r.cells[k]);
        arrays.push(column_array(&ty, cells).ok_or_else(|| {
            format!(
                "table {}: column {} does not fit {ty}",
                table.name, col.name
            )
        })?);
        fields.push(Field::new(&col.name, ty, true));
    }
    RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays).map_err(|e| e.to_string())
}

/// One column's cells as an array of `ty`, or None if a cell has another type (the parser
/// types cells by column, so this only happens if the two disagree on a type's mapping).
fn column_array<'a>(ty: &DataType, cells: impl Iterator<Item = &'a Cell>) -> Option<ArrayRef> {
    Some(match ty {
        DataType::Int64 => {
            let mut b = Int64Builder::new();
            for c in cells {
                match c {
                    Cell::Int(v) => b.append_value(*v),
                    Cell::Null => b.append_null(),
                    _ => return None,
                }
            }
            Arc::new(b.finish())
        }
        DataType::Float64 => {
            let mut b = Float64Builder::new();
            for c in cells {
                match c {
                    Cell::Float(v) => b.append_value(*v),
                    Cell::Null => b.append_null(),
                    _ => return None,
                }
            }
            Arc::new(b.finish())
        }
        DataType::Boolean => {
            let mut b = BooleanBuilder::new();
            for c in cells {
                match c {
                    Cell::Bool(v) => b.append_value(*v),
                    Cell::Null => b.append_null(),
                    _ => return None,
                }
            }
            Arc::new(b.finish())
        }
        DataType::Date32 => {
            let mut b = Date32Builder::new();
            for c in cells {
                match c {
                    Cell::Date(d) => b.append_value(d.0),
                    Cell::Null => b.append_null(),
                    _ => return None,
                }
            }
            Arc::new(b.finish())
        }
        DataType::Utf8 => {
            let mut b = StringBuilder::new();
            for c in cells {
                match c {
                    Cell::Str(s) => b.append_value(s),
                    Cell::Null => b.append_null(),
                    _ => return None,
                }
            }
            Arc::new(b.finish())
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use arrow_array::cast::AsArray;
    use arrow_array::types::{Date32Type, Int64Type};
    use arrow_array::Array;

    use super::*;
    use crate::spec::{parse_columns, parse_file};

    #[test]
    fn tables_become_typed_batches() {
        let cols = parse_columns(
            "    i1 = Series(int)\n    d1 = Series(datetime.date)\n    s1 = Series(str)\n",
        )
        .unwrap();
        let text = "# T\n## c\n```tables\ne (event)\npatient_id | d1 | s1\n1 | 1970-01-02 | a\n1 | |\n```\n```ehrql\ne.count_for_patient()\n```\n```expected\npatient_id | value\n1 | 2\n```\n";
        let topic = parse_file(Path::new("t.md"), text, &cols).unwrap();
        let table = &topic.cases[0].tables[0];
        let batch = table_batch(table).unwrap();
        let schema = batch.schema();
        let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
        assert_eq!(names, ["patient_id", "d1", "s1"]);
        assert_eq!(
            batch.column(0).as_primitive::<Int64Type>().values(),
            &[1, 1]
        );
        let dates = batch.column(1).as_primitive::<Date32Type>();
        assert_eq!((dates.value(0), dates.is_null(1)), (1, true));
        assert_eq!(batch.column(2).as_string::<i32>().value(0), "a");
        assert!(memory_source(&topic.cases[0]).is_ok());
    }

    #[test]
    fn the_source_gives_the_columns_asked_for() {
        use crate::engine::TableSource;
        use crate::qm::{Table, TableSchema, Type};
        let cols = parse_columns("    i1 = Series(int)\n    s1 = Series(str)\n").unwrap();
        let text = "# T\n## c\n```tables\ne (event)\npatient_id | s1\n1 | a\n2 | b\n```\n```ehrql\ne.count_for_patient()\n```\n```expected\npatient_id | value\n1 | 1\n```\n";
        let case = &parse_file(Path::new("t.md"), text, &cols).unwrap().cases[0];
        let schema = TableSchema::from_types([("i1", Type::Int), ("s1", Type::Str)]);
        let source = memory_source(case).unwrap();
        let batches = source
            .load(
                &Table::new("e", schema.clone()),
                &["s1".into(), "i1".into()],
            )
            .unwrap();
        let names: Vec<String> = batches[0]
            .schema()
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect();
        assert_eq!(names, ["patient_id", "s1", "i1"]);
        assert_eq!(batches[0].column(2).null_count(), 2);
        assert_eq!(batches[0].column(1).as_string::<i32>().value(1), "b");
        let empty = source
            .load(&Table::new("p", schema), &["i1".into()])
            .unwrap();
        assert_eq!(empty.iter().map(|b| b.num_rows()).sum::<usize>(), 0);
    }
}
