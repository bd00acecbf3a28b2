//! Tests of result comparison and the diff, on hand-made results.

use std::path::Path;
use std::sync::Arc;

use arrow_array::{
    ArrayRef, BooleanArray, Date32Array, Float64Array, Int32Array, Int64Array, RecordBatch,
    StringArray,
};
use arrow_schema::{DataType, Field, Schema};

use super::*;
use crate::spec::{parse_columns, parse_file};

fn expected(block: &str) -> ExpectedTable {
    let cols = parse_columns("    i1 = Series(int)\n").unwrap();
    let text = format!(
        "# T\n## c\n```tables\np (patient)\npatient_id | i1\n1 | 1\n```\n```ehrql\np.i1\n```\n```expected\n{block}\n```\n"
    );
    let topic = parse_file(Path::new("t.md"), &text, &cols).unwrap();
    topic.cases[0].expected.clone()
}

fn result(columns: Vec<(&str, ArrayRef)>) -> DatasetResult {
    let fields: Vec<Field> = columns
        .iter()
        .map(|(n, a)| Field::new(*n, a.data_type().clone(), true))
        .collect();
    let schema = Arc::new(Schema::new(fields));
    let arrays = columns.into_iter().map(|(_, a)| a).collect();
    let batch = RecordBatch::try_new(schema.clone(), arrays).unwrap();
    DatasetResult {
        schema,
        batches: vec![batch],
    }
}

fn ids(v: &[i64]) -> ArrayRef {
    Arc::new(Int64Array::from(v.to_vec()))
}

#[test]
fn matching_results_pass_with_typed_cells() {
    let exp = expected(
        "patient_id | f | b | d | s | i\n1 | 0.30000000000000004 | T | 2020-02-29 | A\\|B | 7\n2 | 1e-07 | F | | x |",
    );
    let actual = result(vec![
        ("patient_id", ids(&[1, 2])),
        (
            "f",
            Arc::new(Float64Array::from(vec![0.1 + 0.2, 1.0000000001e-7])),
        ),
        ("b", Arc::new(BooleanArray::from(vec![true, false]))),
        ("d", Arc::new(Date32Array::from(vec![Some(18321), None]))),
        ("s", Arc::new(StringArray::from(vec!["A|B", "x"]))),
        // Any integer width an engine returns reads as an int.
        ("i", Arc::new(Int32Array::from(vec![Some(7), None]))),
    ]);
    assert_eq!(compare(&exp, &actual), Ok(()));
}

#[test]
fn float_tolerance_is_relative() {
    assert!(cell_matches(
        Some("1000000000.0"),
        &Cell::Float(1000000000.5)
    ));
    assert!(!cell_matches(Some("1.0"), &Cell::Float(1.00001)));
    assert!(!cell_matches(Some("1.0"), &Cell::Null));
    assert!(!cell_matches(None, &Cell::Int(0)));
    assert!(cell_matches(Some("inf"), &Cell::Float(f64::INFINITY)));
    // Ints and floats are told apart by how the value is written.
    assert!(!cell_matches(Some("2"), &Cell::Float(2.0)));
    assert!(!cell_matches(Some("2.0"), &Cell::Int(2)));
}

#[test]
fn a_wrong_value_gives_an_aligned_diff() {
    let exp = expected("patient_id | value\n1 | 1\n3 | 0\n10 | 5");
    let actual = result(vec![
        ("patient_id", ids(&[1, 3, 10])),
        (
            "value",
            Arc::new(Int64Array::from(vec![Some(1), Some(2), None])),
        ),
    ]);
    let diff = compare(&exp, &actual).unwrap_err();
    assert_eq!(
        diff,
        "expected (-) and actual (+) differ:\n\
         \x20   patient_id | value\n\
         \x20   1          | 1\n\
         \x20 - 3          | 0\n\
         \x20 + 3          | 2\n\
         \x20 - 10         | 5\n\
         \x20 + 10         |\n"
    );
}

#[test]
fn missing_and_extra_patients_and_columns_are_shown() {
    let exp = expected("patient_id | value\n1 | T\n2 | F");
    let actual = result(vec![
        ("patient_id", ids(&[2, 3])),
        ("other", Arc::new(BooleanArray::from(vec![false, true]))),
    ]);
    let diff = compare(&exp, &actual).unwrap_err();
    assert_eq!(
        diff,
        "expected (-) and actual (+) differ:\n\
         \x20 - patient_id | value\n\
         \x20 + patient_id | other\n\
         \x20 - 1          | T\n\
         \x20 - 2          | F\n\
         \x20 + 2          | F\n\
         \x20 + 3          | T\n\
         note: the columns differ\n"
    );
}

#[test]
fn unsorted_results_fail_even_with_the_right_rows() {
    let exp = expected("patient_id | value\n1 | a\n2 | b");
    let actual = result(vec![
        ("patient_id", ids(&[2, 1])),
        ("value", Arc::new(StringArray::from(vec!["b", "a"]))),
    ]);
    let diff = compare(&exp, &actual).unwrap_err();
    assert!(
        diff.ends_with("note: the actual rows are not sorted by patient_id, or repeat one\n"),
        "{diff}"
    );
    let dict = arrow_cast::cast(
        &(Arc::new(StringArray::from(vec!["a", "b"])) as ArrayRef),
        &DataType::Dictionary(Box::new(DataType::Int8), Box::new(DataType::Utf8)),
    )
    .unwrap();
    let sorted = result(vec![("patient_id", ids(&[1, 2])), ("value", dict)]);
    assert_eq!(compare(&exp, &sorted), Ok(()));
}
