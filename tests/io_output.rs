//! Output formats: CSV byte for byte against the reference's golden file (made by running
//! the reference ehrQL on tests/io/golden), csv.gz, Arrow and Parquet read back, `--output`
//! parsing, multi-table targets and atomic writes.

use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use arrow_array::{
    ArrayRef, BooleanArray, Date32Array, Float64Array, Int64Array, RecordBatch, StringArray,
};
use arrow_schema::{DataType, Field, Schema};
use ehrql::engine::{arrow_type, DatasetResult};
use ehrql::io::input::read_dataset_file;
use ehrql::io::output::{write_dataset, OutputTarget};
use ehrql::io::FileFormat;
use ehrql::qm::introspect::ColumnSpec;
use ehrql::qm::{Date, Type, Value};

const GOLDEN: &str = "tests/io/golden";

fn spec(ty: Type) -> ColumnSpec {
    ColumnSpec {
        ty,
        nullable: true,
        categories: None,
        min_value: None,
        max_value: None,
    }
}

/// The golden definition's column specs.
fn specs() -> Vec<(String, ColumnSpec)> {
    let mut pid = spec(Type::Int);
    pid.nullable = false;
    let mut c = spec(Type::Str);
    c.categories = Some(vec![Value::Str("low".into()), Value::Str("high".into())]);
    let mut r = spec(Type::Int);
    (r.min_value, r.max_value) = (Some(0), Some(999));
    let mut n = spec(Type::Int);
    (n.min_value, n.max_value) = (Some(0), Some(65_535));
    vec![
        ("patient_id".into(), pid),
        ("b".into(), spec(Type::Bool)),
        ("i".into(), spec(Type::Int)),
        ("f".into(), spec(Type::Float)),
        ("s".into(), spec(Type::Str)),
        ("d".into(), spec(Type::Date)),
        ("c".into(), c),
        ("r".into(), r),
        ("n".into(), n),
    ]
}

fn date(s: &str) -> Option<i32> {
    Some(Date::parse_iso(s).expect("a date").0)
}

/// The rows the reference produced for tests/io/golden/dataset_definition.py, built here
/// by hand (split in two batches to cover batch boundaries).
fn golden_result() -> DatasetResult {
    let specs = specs();
    let fields: Vec<Field> = specs
        .iter()
        .map(|(n, s)| Field::new(n, arrow_type(&s.ty), s.nullable))
        .collect();
    let schema = Arc::new(Schema::new(fields));
    let b = [
        Some(true),
        Some(false),
        None,
        Some(true),
        Some(false),
        Some(true),
        None,
        None,
        Some(false),
        Some(true),
        Some(true),
        Some(false),
        Some(true),
        Some(false),
        Some(true),
        Some(false),
        None,
    ];
    let i = [
        Some(0),
        Some(-5),
        Some(i64::MAX),
        None,
        Some(42),
        Some(i64::MIN),
        Some(1),
        None,
        Some(7),
        Some(-1),
        Some(100),
        Some(2),
        Some(3),
        Some(4),
        Some(5),
        Some(6),
        None,
    ];
    let f = [
        Some(0.1),
        Some(1e-7),
        Some(1e16),
        Some(50.0),
        Some(-0.0),
        None,
        Some(0.1 + 0.2),
        Some(1.5e300),
        Some(f64::INFINITY),
        Some(f64::NEG_INFINITY),
        Some(123456789012345.6),
        Some(1e-5),
        Some(0.0001),
        Some(1e22),
        Some(9999999999999998.0),
        Some(1234567890123456.0),
        None,
    ];
    let s = [
        Some("plain"),
        Some("a,b"),
        Some("he said \"hi\""),
        Some("line\nbreak"),
        None,
        Some("trailing space "),
        Some("it's"),
        Some("caf\u{e9} \u{2603}"),
        Some("cr\rinside"),
        Some(","),
        Some("\""),
        Some(" lead"),
        Some("x\r\ny"),
        Some("tab\there"),
        Some("semi;colon"),
        Some("q\"q,\""),
        None,
    ];
    let d = [
        date("2020-01-01"),
        date("1999-12-31"),
        date("0001-01-01"),
        date("9999-12-31"),
        None,
        date("2024-02-29"),
        None,
        date("1970-01-01"),
        date("2000-02-29"),
        date("2020-12-31"),
        date("1900-01-01"),
        date("2021-06-15"),
        date("2022-01-31"),
        date("2023-03-01"),
        date("2023-03-02"),
        date("2023-03-03"),
        None,
    ];
    let mut c = vec![
        Some("low"),
        Some("high"),
        None,
        Some("low"),
        None,
        Some("high"),
    ];
    c.resize(17, None);
    let mut r = vec![Some(0), Some(999), None, Some(5), None, Some(1)];
    r.resize(17, None);
    let mut n = vec![Some(3), Some(1), Some(0), Some(2)];
    n.resize(17, Some(0));
    let columns: Vec<ArrayRef> = vec![
        Arc::new(Int64Array::from_iter_values(1..=17)),
        Arc::new(BooleanArray::from(b.to_vec())),
        Arc::new(Int64Array::from(i.to_vec())),
        Arc::new(Float64Array::from(f.to_vec())),
        Arc::new(StringArray::from(s.to_vec())),
        Arc::new(Date32Array::from(d.to_vec())),
        Arc::new(StringArray::from(c)),
        Arc::new(Int64Array::from(r)),
        Arc::new(Int64Array::from(n)),
    ];
    let batch = RecordBatch::try_new(schema.clone(), columns).unwrap();
    DatasetResult {
        schema,
        batches: vec![batch.slice(0, 7), batch.slice(7, 10)],
    }
}

fn golden_csv() -> Vec<u8> {
    std::fs::read(Path::new(GOLDEN).join("dataset.csv")).unwrap()
}

fn write_one(target: &OutputTarget, result: &DatasetResult) {
    let specs = specs();
    write_dataset(target, &[("dataset", result, &specs)]).unwrap();
}

#[test]
fn csv_is_byte_identical_to_the_reference() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/out/dataset.csv");
    let target = OutputTarget::parse(Some(path.to_str().unwrap())).unwrap();
    write_one(&target, &golden_result());
    let written = std::fs::read(&path).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&written),
        String::from_utf8_lossy(&golden_csv())
    );
    assert_eq!(written, golden_csv());
}

#[test]
fn csv_gz_holds_the_same_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dataset.csv.gz");
    let target = OutputTarget::parse(Some(path.to_str().unwrap())).unwrap();
    write_one(&target, &golden_result());
    let mut text = Vec::new();
    flate2::read::GzDecoder::new(std::fs::File::open(&path).unwrap())
        .read_to_end(&mut text)
        .unwrap();
    assert_eq!(text, golden_csv());
}

/// The reference's Arrow schema for the golden definition, in pyarrow's notation.
fn pyarrow_type(ty: &DataType, ordered: bool) -> String {
    match ty {
        DataType::Int64 => "int64".into(),
        DataType::UInt16 => "uint16".into(),
        DataType::Boolean => "bool".into(),
        DataType::Float64 => "double".into(),
        DataType::Utf8 => "string".into(),
        DataType::Date32 => "date32[day]".into(),
        DataType::Int8 => "int8".into(),
        DataType::Dictionary(k, v) => format!(
            "dictionary<values={}, indices={}, ordered={}>",
            pyarrow_type(v, false),
            pyarrow_type(k, false),
            ordered as u8
        ),
        other => format!("{other:?}"),
    }
}

fn read_arrow(path: &Path) -> (Arc<Schema>, Vec<RecordBatch>) {
    let reader =
        arrow_ipc::reader::FileReader::try_new(std::fs::File::open(path).unwrap(), None).unwrap();
    let schema = reader.schema();
    (schema, reader.map(Result::unwrap).collect())
}

#[test]
fn arrow_has_the_reference_types_and_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dataset.arrow");
    let target = OutputTarget::parse(Some(path.to_str().unwrap())).unwrap();
    let result = golden_result();
    write_one(&target, &result);
    let (schema, batches) = read_arrow(&path);
    let rendered: Vec<String> = schema
        .fields()
        .iter()
        .map(|f| {
            let not_null = if f.is_nullable() { "" } else { " not null" };
            format!(
                "{}: {}{not_null}",
                f.name(),
                pyarrow_type(f.data_type(), f.dict_is_ordered().unwrap_or(false))
            )
        })
        .collect();
    let golden =
        std::fs::read_to_string(Path::new(GOLDEN).join("dataset.arrow.schema.txt")).unwrap();
    assert_eq!(rendered.join("\n"), golden.trim_end());
    // Values survive: read back as a dataset file and written as CSV, they give the golden
    // text again.
    assert_eq!(batches.iter().map(|b| b.num_rows()).sum::<usize>(), 17);
    let back = read_dataset_file(&path, &specs()).unwrap();
    let csv = dir.path().join("again.csv");
    write_one(
        &OutputTarget::parse(Some(csv.to_str().unwrap())).unwrap(),
        &back,
    );
    assert_eq!(std::fs::read(&csv).unwrap(), golden_csv());
}

#[test]
fn parquet_reads_back_with_the_same_types() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dataset.parquet");
    write_one(
        &OutputTarget::parse(Some(path.to_str().unwrap())).unwrap(),
        &golden_result(),
    );
    let file = std::fs::File::open(&path).unwrap();
    let builder =
        parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
    let types: Vec<DataType> = builder
        .schema()
        .fields()
        .iter()
        .map(|f| f.data_type().clone())
        .collect();
    assert_eq!(types[7], DataType::UInt16);
    assert_eq!(types[8], DataType::UInt16);
    assert!(matches!(&types[6], DataType::Dictionary(k, _) if **k == DataType::Int8));
    let back = read_dataset_file(&path, &specs()).unwrap();
    let csv = dir.path().join("again.csv");
    write_one(
        &OutputTarget::parse(Some(csv.to_str().unwrap())).unwrap(),
        &back,
    );
    assert_eq!(std::fs::read(&csv).unwrap(), golden_csv());
}

#[test]
fn csv_and_csv_gz_read_back() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["d.csv", "d.csv.gz"] {
        let path = dir.path().join(name);
        write_one(
            &OutputTarget::parse(Some(path.to_str().unwrap())).unwrap(),
            &golden_result(),
        );
        let back = read_dataset_file(&path, &specs()).unwrap();
        let csv = dir.path().join("again.csv");
        write_one(
            &OutputTarget::parse(Some(csv.to_str().unwrap())).unwrap(),
            &back,
        );
        assert_eq!(std::fs::read(&csv).unwrap(), golden_csv(), "{name}");
    }
}

#[test]
fn empty_arrow_result_has_the_schema_and_no_batches() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.arrow");
    let result = golden_result();
    let empty = DatasetResult {
        schema: result.schema.clone(),
        batches: vec![],
    };
    write_one(
        &OutputTarget::parse(Some(path.to_str().unwrap())).unwrap(),
        &empty,
    );
    let (schema, batches) = read_arrow(&path);
    assert_eq!(schema.fields().len(), 9);
    assert!(batches.is_empty());
}

#[test]
fn output_arguments() {
    assert_eq!(OutputTarget::parse(None), Ok(OutputTarget::Stdout));
    assert_eq!(
        OutputTarget::parse(Some("out/d.csv.gz")),
        Ok(OutputTarget::File {
            path: "out/d.csv.gz".into(),
            format: FileFormat::CsvGz
        })
    );
    assert_eq!(
        OutputTarget::parse(Some("out/:arrow")),
        Ok(OutputTarget::Dir {
            path: "out".into(),
            format: FileFormat::Arrow
        })
    );
    assert_eq!(
        OutputTarget::parse(Some("a/out:csv")),
        Ok(OutputTarget::Dir {
            path: "a/out".into(),
            format: FileFormat::Csv
        })
    );
    assert_eq!(
        OutputTarget::parse(Some("out.txt")).unwrap_err(),
        "'.txt' is not a supported format, must be one of: `.arrow`, `.csv`, `.csv.gz`, `.parquet`"
    );
    assert_eq!(
        OutputTarget::parse(Some("out/:x")).unwrap_err(),
        "':x' is not a supported format, must be one of: `:arrow`, `:csv`, `:csv.gz`, `:parquet`"
    );
    assert_eq!(
        OutputTarget::parse(Some("dir/out")).unwrap_err(),
        "No file format specified\n\nTo write a single file use a file extension e.g.\n  out.arrow\n  out.csv\n  out.csv.gz\n  out.parquet\n\nTo write multiple files use a directory extension e.g.\n  out/:arrow\n  out/:csv\n  out/:csv.gz\n  out/:parquet\n"
    );
}

#[test]
fn several_tables_need_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let result = golden_result();
    let specs = specs();
    let tables = [
        ("dataset", &result, &specs[..]),
        ("events_1", &result, &specs[..]),
    ];
    let file = dir.path().join("x.csv");
    let err = write_dataset(
        &OutputTarget::parse(Some(file.to_str().unwrap())).unwrap(),
        &tables,
    )
    .unwrap_err();
    let shown = file.to_str().unwrap();
    let base = dir.path().join("x");
    assert_eq!(
        err.to_string(),
        format!(
            "Attempting to write 2 tables, but output only supports a single table\n  Instead of -> {shown}\n         try -> {}/:csv",
            base.display()
        )
    );
    assert!(!file.exists());
    let target = format!("{}/out/:csv", dir.path().display());
    write_dataset(&OutputTarget::parse(Some(&target)).unwrap(), &tables).unwrap();
    for name in ["dataset.csv", "events_1.csv"] {
        assert_eq!(
            std::fs::read(dir.path().join("out").join(name)).unwrap(),
            golden_csv()
        );
    }
    // Only the two files: no temporary files left behind.
    assert_eq!(
        std::fs::read_dir(dir.path().join("out")).unwrap().count(),
        2
    );
}

#[test]
fn a_failed_write_leaves_no_output() {
    let dir = tempfile::tempdir().unwrap();
    let mut result = golden_result();
    // `c` is categorical: an unknown value cannot be written as Arrow.
    let batch = &result.batches[0];
    let mut columns = batch.columns().to_vec();
    columns[6] = Arc::new(StringArray::from(vec![
        Some("low"),
        Some("robot"),
        None,
        None,
        None,
        None,
        None,
    ]));
    result.batches[0] = RecordBatch::try_new(batch.schema(), columns).unwrap();
    let path = dir.path().join("sub/d.arrow");
    let specs = specs();
    let err = write_dataset(
        &OutputTarget::parse(Some(path.to_str().unwrap())).unwrap(),
        &[("dataset", &result, &specs)],
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "Invalid value 'robot' for column 'c'\nAllowed are: 'low', 'high'"
    );
    assert!(!path.exists());
    // A directory target writes nothing when any table fails.
    let good = golden_result();
    let tables = [
        ("dataset", &good, &specs[..]),
        ("events", &result, &specs[..]),
    ];
    let out = dir.path().join("out");
    let err = write_dataset(
        &OutputTarget::Dir {
            path: out.clone(),
            format: FileFormat::Arrow,
        },
        &tables,
    );
    assert!(err.is_err());
    let left: Vec<_> = std::fs::read_dir(&out)
        .map(|d| d.flatten().collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "{left:?}");
}
