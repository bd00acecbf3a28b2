//! Input files: `--dummy-tables` directories (every validation error, with the
//! reference's messages) and `--dummy-data-file` datasets, in every format.

use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::Int8Type;
use arrow_array::types::{Date32Type, Float64Type, Int64Type};
use arrow_array::{
    ArrayRef, DictionaryArray, Int32Array, LargeStringArray, RecordBatch, StringArray,
};
use arrow_schema::{Field, Schema};
use ehrql::engine::{table_arrow_schema, TableSource};
use ehrql::io::input::{read_dataset_file, DummyTables};
use ehrql::qm::introspect::ColumnSpec;
use ehrql::qm::{Column, Constraint, Date, Table, TableSchema, Type, Value};

/// A table like `patients` plus one column of each other type.
fn table() -> Table {
    let col = |name: &str, ty: Type, constraints: Vec<Constraint>| Column {
        name: name.into(),
        ty,
        constraints,
    };
    Table::new(
        "people",
        TableSchema::new(vec![
            col(
                "sex",
                Type::Str,
                vec![Constraint::Categorical(vec![
                    Value::Str("female".into()),
                    Value::Str("male".into()),
                ])],
            ),
            col("dob", Type::Date, vec![]),
            col("n", Type::Int, vec![]),
            col("x", Type::Float, vec![]),
            col("ok", Type::Bool, vec![]),
        ]),
    )
}

fn all() -> Vec<String> {
    ["sex", "dob", "n", "x", "ok"].map(String::from).to_vec()
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

fn load_err(dir: &Path, columns: &[String]) -> String {
    DummyTables::new(dir)
        .unwrap()
        .load(&table(), columns)
        .unwrap_err()
        .to_string()
}

fn load(dir: &Path, columns: &[String]) -> Vec<RecordBatch> {
    DummyTables::new(dir)
        .unwrap()
        .load(&table(), columns)
        .unwrap()
}

fn concat(batches: &[RecordBatch]) -> RecordBatch {
    arrow_select::concat::concat_batches(&batches[0].schema(), batches).unwrap()
}

#[test]
fn the_directory_must_exist() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope");
    assert_eq!(
        DummyTables::new(&missing).unwrap_err(),
        format!("{} does not exist", missing.display())
    );
    let file = dir.path().join("f.csv");
    write(dir.path(), "f.csv", "");
    assert_eq!(
        DummyTables::new(&file).unwrap_err(),
        format!("{} is not a directory", file.display())
    );
}

#[test]
fn directory_format_errors() {
    let dir = tempfile::tempdir().unwrap();
    let shown = dir.path().display().to_string();
    write(dir.path(), "README.md", "notes");
    assert_eq!(
        load_err(dir.path(), &all()),
        format!("No supported file formats found in: {shown}")
    );
    write(dir.path(), "other.csv", "patient_id\n");
    assert_eq!(
        load_err(dir.path(), &all()),
        format!("Missing file: {shown}/people.csv")
    );
    write(dir.path(), "more.arrow", "");
    assert_eq!(
        load_err(dir.path(), &all()),
        format!("Found multiple file formats (.arrow, .csv) in: {shown}")
    );
}

/// Reads `text` as people.csv, returning the error message with the directory removed.
fn csv_err(text: &str, columns: &[String]) -> String {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "people.csv", text);
    let prefix = format!("{}/", dir.path().display());
    load_err(dir.path(), columns).replace(&prefix, "")
}

#[test]
fn csv_errors_name_file_row_and_column() {
    let header = "patient_id,sex,dob,n,x,ok\n";
    let cases = [
        ("sex\nmale\n", "Missing columns: patient_id"),
        ("", "Missing columns: patient_id"),
        ("patient_id,sex\n1,male\n2\n", "'people.csv', row 2: expected 2 columns but got 1"),
        ("patient_id,sex\n1,male\n\n", "'people.csv', row 2: expected 2 columns but got 0"),
        ("patient_id,sex\n,male\n", "'people.csv', row 1: NULL value in non-nullable column 'patient_id'"),
        ("patient_id\nabc\n", "'people.csv', row 1: column 'patient_id': invalid literal for int() with base 10: 'abc'"),
    ];
    for (text, expected) in cases {
        assert_eq!(csv_err(text, &all()), expected, "{text:?}");
    }
    let row_cases = [
        (
            "1,robot,,,,",
            "column 'sex': 'robot' not in valid categories: 'female', 'male'",
        ),
        (
            "1,,2020-1-01,,,",
            "column 'dob': Invalid isoformat string: '2020-1-01'",
        ),
        (
            "1,,2021-02-29,,,",
            "column 'dob': day is out of range for month",
        ),
        (
            "1,,,1.5,,",
            "column 'n': invalid literal for int() with base 10: '1.5'",
        ),
        (
            "1,,,,x,",
            "column 'x': could not convert string to float: 'x'",
        ),
        (
            "1,,,,,True",
            "column 'ok': invalid boolean, must be 'T' or 'F'",
        ),
    ];
    for (row, expected) in row_cases {
        let text = format!("{header}2,male,2020-01-01,1,1.0,T\n{row}\n");
        assert_eq!(
            csv_err(&text, &all()),
            format!("'people.csv', row 2: {expected}"),
            "{row}"
        );
    }
}

#[test]
fn csv_values_nulls_and_quoting() {
    let dir = tempfile::tempdir().unwrap();
    // Extra columns are ignored, `x` is missing (NULL), CRLF and quoted fields work, and
    // Python's lenient forms are accepted.
    write(
        dir.path(),
        "people.csv",
        "extra,patient_id,ok,n,dob,sex\r\n\"a,\"\"b\"\"\nc\",1,T, 1_000 ,20200102,male\r\nz,2,F,,,\r\nz,\"3\",,-7,2020-W01-1,\"female\"\r\n",
    );
    let batches = load(dir.path(), &all());
    let batch = concat(&batches);
    assert_eq!(batch.schema(), table_arrow_schema(&table(), &all()));
    assert_eq!(batch.num_rows(), 3);
    let ids: Vec<i64> = batch
        .column(0)
        .as_primitive::<Int64Type>()
        .values()
        .to_vec();
    assert_eq!(ids, vec![1, 2, 3]);
    let sex: Vec<Option<&str>> = batch.column(1).as_string::<i32>().iter().collect();
    assert_eq!(sex, vec![Some("male"), None, Some("female")]);
    let dob: Vec<Option<i32>> = batch
        .column(2)
        .as_primitive::<Date32Type>()
        .iter()
        .collect();
    let day = |s: &str| Some(Date::parse_iso(s).unwrap().0);
    assert_eq!(dob, vec![day("2020-01-02"), None, day("2019-12-30")]);
    let n: Vec<Option<i64>> = batch.column(3).as_primitive::<Int64Type>().iter().collect();
    assert_eq!(n, vec![Some(1000), None, Some(-7)]);
    assert_eq!(batch.column(4).null_count(), 3);
    let ok: Vec<Option<bool>> = batch.column(5).as_boolean().iter().collect();
    assert_eq!(ok, vec![Some(true), Some(false), None]);
}

#[test]
fn only_requested_columns_in_the_order_asked() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "people.csv", "patient_id,sex,x\n1,male,0.5\n");
    let columns = vec!["x".to_string(), "sex".to_string()];
    let batch = concat(&load(dir.path(), &columns));
    assert_eq!(batch.schema(), table_arrow_schema(&table(), &columns));
    assert_eq!(batch.column(1).as_primitive::<Float64Type>().value(0), 0.5);
}

/// A CSV of many chunks, with quoted multi-line fields scattered through it, and an error
/// near the end: the row number counts records across chunks.
#[test]
fn large_csv_rows_are_counted_across_chunks() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("patient_id,sex,n,x\n");
    let rows = 300_000;
    for i in 1..=rows {
        if i % 50_000 == 0 {
            text.push_str(&format!("{i},\"male\",\"{i}\",\"1\n\"\n"));
        } else {
            text.push_str(&format!("{i},female,{i},{}.5\n", i % 7));
        }
    }
    let columns = vec!["sex".to_string(), "n".to_string()];
    write(dir.path(), "people.csv", &text);
    let batches = load(dir.path(), &columns);
    assert!(batches.len() > 1, "several chunks");
    let batch = concat(&batches);
    assert_eq!(batch.num_rows(), rows);
    let n = batch.column(2).as_primitive::<Int64Type>();
    assert!((0..rows).all(|r| n.value(r) == r as i64 + 1));
    assert_eq!(batch.column(1).as_string::<i32>().value(49_999), "male");

    text.push_str("300001,female,1,1\n300002,robot,1,1\n300003,female,1,1\n");
    write(dir.path(), "people.csv", &text);
    let prefix = format!("{}/", dir.path().display());
    assert_eq!(
        load_err(dir.path(), &columns).replace(&prefix, ""),
        "'people.csv', row 300002: column 'sex': 'robot' not in valid categories: 'female', 'male'"
    );
}

#[test]
fn csv_gz_tables() {
    let dir = tempfile::tempdir().unwrap();
    let file = std::fs::File::create(dir.path().join("people.csv.gz")).unwrap();
    let mut gz = flate2::write::GzEncoder::new(file, flate2::Compression::default());
    gz.write_all(b"patient_id,n\n1,5\n2,\n").unwrap();
    gz.finish().unwrap();
    let batch = concat(&load(dir.path(), &["n".to_string()]));
    let n: Vec<Option<i64>> = batch.column(1).as_primitive::<Int64Type>().iter().collect();
    assert_eq!(n, vec![Some(5), None]);
}

fn arrow_file(path: &Path, batch: &RecordBatch) {
    let file = std::fs::File::create(path).unwrap();
    let mut w = arrow_ipc::writer::FileWriter::try_new(file, &batch.schema()).unwrap();
    w.write(batch).unwrap();
    w.finish().unwrap();
}

fn parquet_file(path: &Path, batch: &RecordBatch) {
    let file = std::fs::File::create(path).unwrap();
    let mut w = parquet::arrow::ArrowWriter::try_new(file, batch.schema(), None).unwrap();
    w.write(batch).unwrap();
    w.close().unwrap();
}

/// patient_id as int32, sex as a dictionary, n as int32: any integer and dictionaries of
/// strings are accepted and cast.
fn foreign_batch(sex: &[&str]) -> RecordBatch {
    let dict: DictionaryArray<Int8Type> = sex.iter().copied().collect();
    let columns: Vec<ArrayRef> = vec![
        Arc::new(Int32Array::from(vec![1, 2])),
        Arc::new(dict),
        Arc::new(Int32Array::from(vec![Some(7), None])),
    ];
    let schema = Schema::new(vec![
        Field::new("patient_id", arrow_schema::DataType::Int32, false),
        Field::new("sex", columns[1].data_type().clone(), true),
        Field::new("n", arrow_schema::DataType::Int32, true),
    ]);
    RecordBatch::try_new(Arc::new(schema), columns).unwrap()
}

#[test]
fn arrow_and_parquet_tables() {
    for ext in ["arrow", "parquet"] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(format!("people.{ext}"));
        let write = |b: &RecordBatch| {
            if ext == "arrow" {
                arrow_file(&path, b)
            } else {
                parquet_file(&path, b)
            }
        };
        write(&foreign_batch(&["male", "female"]));
        let columns = vec!["n".to_string(), "sex".to_string(), "x".to_string()];
        let batch = concat(&load(dir.path(), &columns));
        assert_eq!(
            batch.schema(),
            table_arrow_schema(&table(), &columns),
            "{ext}"
        );
        let n: Vec<Option<i64>> = batch.column(1).as_primitive::<Int64Type>().iter().collect();
        assert_eq!(n, vec![Some(7), None]);
        let sex: Vec<Option<&str>> = batch.column(2).as_string::<i32>().iter().collect();
        assert_eq!(sex, vec![Some("male"), Some("female")]);
        assert_eq!(batch.column(3).null_count(), 2);

        write(&foreign_batch(&["male", "robot"]));
        let err = load_err(dir.path(), &columns);
        assert_eq!(
            err,
            "Unexpected categories in column 'sex'\n  Categories: male, robot\n  Expected: female, male\n",
            "{ext}"
        );
    }
}

#[test]
fn arrow_type_mismatches() {
    let dir = tempfile::tempdir().unwrap();
    let columns: Vec<ArrayRef> = vec![
        Arc::new(StringArray::from(vec!["1"])),
        Arc::new(LargeStringArray::from(vec!["male"])),
    ];
    let schema = Schema::new(vec![
        Field::new("patient_id", arrow_schema::DataType::Utf8, false),
        Field::new("sex", arrow_schema::DataType::LargeUtf8, true),
    ]);
    arrow_file(
        &dir.path().join("people.arrow"),
        &RecordBatch::try_new(Arc::new(schema), columns).unwrap(),
    );
    assert_eq!(
        load_err(dir.path(), &all()),
        "Type mismatch in column 'patient_id': expected <class 'int'>, got string\n\
         Type mismatch in column 'sex': expected <class 'str'>, got large_string"
    );
}

fn dataset_specs() -> Vec<(String, ColumnSpec)> {
    let spec = |ty: Type, nullable: bool| ColumnSpec {
        ty,
        nullable,
        categories: None,
        min_value: None,
        max_value: None,
    };
    vec![
        ("patient_id".into(), spec(Type::Int, false)),
        ("age".into(), spec(Type::Int, true)),
        ("died".into(), spec(Type::Bool, true)),
    ]
}

#[test]
fn dataset_files() {
    let dir = tempfile::tempdir().unwrap();
    let shown = dir.path().display();
    let path = dir.path().join("d.csv");
    std::fs::write(&path, "patient_id,died,age,extra\n1,T,50,x\n2,,,y\n").unwrap();
    let result = read_dataset_file(&path, &dataset_specs()).unwrap();
    let batch = concat(&result.batches);
    assert_eq!(batch.schema(), result.schema);
    let names: Vec<&str> = result
        .schema
        .fields()
        .iter()
        .map(|f| f.name().as_str())
        .collect();
    assert_eq!(names, ["patient_id", "age", "died"]);
    assert_eq!(batch.column(1).as_primitive::<Int64Type>().value(0), 50);

    // Every column is required in a dataset file.
    std::fs::write(&path, "patient_id\n1\n").unwrap();
    let err = read_dataset_file(&path, &dataset_specs())
        .unwrap_err()
        .to_string();
    assert_eq!(err, "Missing columns: age, died");
    std::fs::write(&path, "patient_id,age,died\n1,old,T\n").unwrap();
    let err = read_dataset_file(&path, &dataset_specs())
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        format!(
            "'{shown}/d.csv', row 1: column 'age': invalid literal for int() with base 10: 'old'"
        )
    );

    let txt = dir.path().join("d.txt");
    std::fs::write(&txt, "").unwrap();
    let err = read_dataset_file(&txt, &dataset_specs())
        .unwrap_err()
        .to_string();
    assert_eq!(err, "Unsupported file type: .txt");
    let err = read_dataset_file(&dir.path().join("nope.csv"), &dataset_specs())
        .unwrap_err()
        .to_string();
    assert_eq!(err, format!("Missing file or directory: {shown}/nope.csv"));

    // A directory holds `dataset.<ext>`.
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("dataset.csv"), "patient_id,age,died\n3,1,F\n").unwrap();
    let result = read_dataset_file(&sub, &dataset_specs()).unwrap();
    assert_eq!(concat(&result.batches).num_rows(), 1);
}

/// `load_filtered` applies the engine's row filter to each chunk or batch as it is read.
#[test]
fn filtered_loads_keep_only_wanted_rows() {
    let even = |b: &RecordBatch| -> Result<RecordBatch, ehrql::engine::EngineError> {
        let ids = b.column(0).as_primitive::<Int64Type>();
        let mask: arrow_array::BooleanArray = ids.iter().map(|v| v.map(|v| v % 2 == 0)).collect();
        Ok(arrow_select::filter::filter_record_batch(b, &mask).unwrap())
    };
    let columns = vec!["n".to_string()];
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("patient_id,n\n");
    for i in 1..=400_000 {
        text.push_str(&format!("{i},{}\n", i * 3));
    }
    write(dir.path(), "people.csv", &text);
    let source = DummyTables::new(dir.path()).unwrap();
    let batch = concat(&source.load_filtered(&table(), &columns, &even).unwrap());
    assert_eq!(batch.num_rows(), 200_000);
    let n = batch.column(1).as_primitive::<Int64Type>();
    assert!((0..200_000).all(|r| n.value(r) == (r as i64 + 1) * 6));

    // Nothing kept still gives a (empty) batch with the schema.
    let none =
        |b: &RecordBatch| -> Result<RecordBatch, ehrql::engine::EngineError> { Ok(b.slice(0, 0)) };
    let batches = source.load_filtered(&table(), &columns, &none).unwrap();
    assert_eq!(batches.len(), 1);
    assert_eq!(batches[0].num_rows(), 0);
    assert_eq!(batches[0].schema(), table_arrow_schema(&table(), &columns));

    let dir = tempfile::tempdir().unwrap();
    arrow_file(
        &dir.path().join("people.arrow"),
        &foreign_batch(&["male", "female"]),
    );
    let source = DummyTables::new(dir.path()).unwrap();
    let batch = concat(&source.load_filtered(&table(), &columns, &even).unwrap());
    assert_eq!(batch.num_rows(), 1);
    assert_eq!(batch.column(0).as_primitive::<Int64Type>().value(0), 2);
}

#[test]
fn dataset_files_with_event_tables() {
    use ehrql::io::input::read_dataset_files;
    let dir = tempfile::tempdir().unwrap();
    let specs = dataset_specs();
    let events = &specs[..2];
    let tables = [("dataset", &specs[..]), ("events", events)];
    let file = dir.path().join("d.csv");
    std::fs::write(&file, "patient_id,age,died\n").unwrap();
    let shown = dir.path().display();
    assert_eq!(
        read_dataset_files(&file, &tables).unwrap_err().to_string(),
        format!(
            "Attempting to read 2 tables, but input only provides a single table\n      Try moving -> {shown}/d.csv\n              to -> {shown}/d/dataset.csv\n          adding -> events.csv\n  and using path -> {shown}/d/"
        )
    );
    let sub = dir.path().join("d");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("dataset.csv"), "patient_id,age,died\n1,2,T\n").unwrap();
    assert_eq!(
        read_dataset_files(&sub, &tables).unwrap_err().to_string(),
        format!("Missing file: {shown}/d/events.csv")
    );
    std::fs::write(sub.join("events.csv"), "patient_id,age\n1,5\n1,6\n").unwrap();
    let results = read_dataset_files(&sub, &tables).unwrap();
    assert_eq!(results.len(), 2);
    assert_eq!(concat(&results[1].batches).num_rows(), 2);
    assert_eq!(results[1].schema.fields().len(), 2);
}

/// Quoting cases (random mixes of quoted, doubled-quote, multi-line and stray-quote
/// fields), with the records Python's `csv.reader` gave for each, in
/// tests/io/csv_quoting_cases.json (made with the standard library's csv module).
#[test]
fn quoting_matches_pythons_csv_reader() {
    let text = std::fs::read_to_string("tests/io/csv_quoting_cases.json").unwrap();
    let cases: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    let str_table = Table::new(
        "t",
        TableSchema::from_types([("a", Type::Str), ("b", Type::Str)]),
    );
    let columns = vec!["a".to_string(), "b".to_string()];
    let dir = tempfile::tempdir().unwrap();
    for case in &cases {
        write(dir.path(), "t.csv", case["text"].as_str().unwrap());
        let batches = DummyTables::new(dir.path())
            .unwrap()
            .load(&str_table, &columns)
            .unwrap();
        let batch = concat(&batches);
        let got: Vec<Vec<Option<String>>> = (0..batch.num_rows())
            .map(|r| {
                (1..3)
                    .map(|c| {
                        let a = batch.column(c).as_string::<i32>();
                        (!arrow_array::Array::is_null(a, r)).then(|| a.value(r).to_string())
                    })
                    .collect()
            })
            .collect();
        let expected: Vec<Vec<Option<String>>> =
            serde_json::from_value(case["rows"].clone()).unwrap();
        assert_eq!(got, expected, "{:?}", case["text"]);
    }
}
