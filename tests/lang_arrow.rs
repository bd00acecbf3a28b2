//! `table_from_file` over Arrow IPC files: the same rows and validation as the CSV path.

use std::sync::Arc;

use arrow_array::types::Int32Type;
use arrow_array::{
    ArrayRef, BooleanArray, Date32Array, DictionaryArray, Float64Array, Int64Array, RecordBatch,
    StringArray,
};
use arrow_ipc::writer::FileWriter;
use arrow_schema::{Field, Schema};

fn write_arrow(path: &std::path::Path, columns: Vec<(&str, ArrayRef)>) {
    let fields: Vec<Field> = columns
        .iter()
        .map(|(name, a)| Field::new(*name, a.data_type().clone(), true))
        .collect();
    let schema = Arc::new(Schema::new(fields));
    let batch = RecordBatch::try_new(
        schema.clone(),
        columns.into_iter().map(|(_, a)| a).collect(),
    )
    .unwrap();
    let mut writer = FileWriter::try_new(std::fs::File::create(path).unwrap(), &schema).unwrap();
    writer.write(&batch).unwrap();
    writer.finish().unwrap();
}

fn compile(dir: &std::path::Path, def: &str) -> Result<String, String> {
    std::fs::write(dir.join("dataset_definition.py"), def).unwrap();
    ehrql::lang::compile_definition(std::path::Path::new("dataset_definition.py"), &[], dir)
        .map(|c| match &c.output {
            ehrql::lang::Output::Dataset(d) => ehrql::qm::serial::to_json(&c.arena, d),
            _ => panic!("expected a dataset"),
        })
        .map_err(|e| {
            e.diagnostics
                .iter()
                .map(|d| d.message.clone())
                .collect::<Vec<_>>()
                .join("\n")
        })
}

const DEF: &str = "from ehrql import create_dataset\nfrom ehrql.tables import table_from_file, PatientFrame, Series\nimport datetime\n\
@table_from_file(\"output/t.arrow\")\nclass t(PatientFrame):\n    i = Series(int)\n    f = Series(float)\n    b = Series(bool)\n    d = Series(datetime.date)\n    s = Series(str)\n\
dataset = create_dataset()\ndataset.define_population(t.exists_for_patient())\ndataset.i = t.i\ndataset.s = t.s\ndataset.d = t.d\n";

#[test]
fn arrow_rows_match_the_csv_spelling() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("output")).unwrap();
    let categories: DictionaryArray<Int32Type> =
        vec![Some("a,b"), None, Some("c")].into_iter().collect();
    write_arrow(
        &dir.path().join("output/t.arrow"),
        vec![
            (
                "patient_id",
                Arc::new(Int64Array::from(vec![1, 2, 3])) as ArrayRef,
            ),
            (
                "i",
                Arc::new(Int64Array::from(vec![Some(5), None, Some(-7)])),
            ),
            (
                "f",
                Arc::new(Float64Array::from(vec![Some(0.5), Some(1e-7), None])),
            ),
            (
                "b",
                Arc::new(BooleanArray::from(vec![Some(true), Some(false), None])),
            ),
            (
                "d",
                Arc::new(Date32Array::from(vec![Some(18262), None, Some(-1)])),
            ),
            ("s", Arc::new(categories)),
        ],
    );
    let arrow = compile(dir.path(), DEF).expect("compiles");

    // The same table as CSV gives the same query model.
    std::fs::write(
        dir.path().join("output/t.csv"),
        "patient_id,i,f,b,d,s\n1,5,0.5,T,2020-01-01,\"a,b\"\n2,,1e-7,F,,\n3,-7,,,1969-12-31,c\n",
    )
    .unwrap();
    let csv = compile(dir.path(), &DEF.replace("t.arrow", "t.csv")).expect("compiles");
    assert_eq!(arrow, csv);
    assert!(
        arrow.contains("2020-01-01") && arrow.contains("1969-12-31"),
        "{arrow}"
    );
}

#[test]
fn arrow_files_are_validated_like_csv() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("output")).unwrap();
    // Missing column `s`.
    write_arrow(
        &dir.path().join("output/t.arrow"),
        vec![
            (
                "patient_id",
                Arc::new(Int64Array::from(vec![1])) as ArrayRef,
            ),
            ("i", Arc::new(Int64Array::from(vec![1]))),
            ("f", Arc::new(Float64Array::from(vec![1.0]))),
            ("b", Arc::new(BooleanArray::from(vec![true]))),
            ("d", Arc::new(Date32Array::from(vec![0]))),
        ],
    );
    let e = compile(dir.path(), DEF).unwrap_err();
    assert!(e.contains("output/t.arrow: missing column 's'"), "{e}");

    std::fs::write(dir.path().join("output/t.arrow"), b"not arrow").unwrap();
    let e = compile(dir.path(), DEF).unwrap_err();
    assert!(
        e.contains("output/t.arrow: not a readable Arrow IPC file"),
        "{e}"
    );

    // A string where an int is declared.
    write_arrow(
        &dir.path().join("output/t.arrow"),
        vec![
            (
                "patient_id",
                Arc::new(Int64Array::from(vec![1])) as ArrayRef,
            ),
            ("i", Arc::new(StringArray::from(vec!["x"]))),
            ("f", Arc::new(Float64Array::from(vec![1.0]))),
            ("b", Arc::new(BooleanArray::from(vec![true]))),
            ("d", Arc::new(Date32Array::from(vec![0]))),
            ("s", Arc::new(StringArray::from(vec!["y"]))),
        ],
    );
    let e = compile(dir.path(), DEF).unwrap_err();
    assert!(e.contains("invalid int \"x\""), "{e}");
}
