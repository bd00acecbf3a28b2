//! Criterion bench: read a generated `clinical_events`-shaped CSV of 1M rows (patient_id,
//! date, SNOMED code, numeric value; about 40 MB) through `DummyTables`, reported in MB/s.
//! Run: `cargo bench --bench io_read`. With `EHRQL_IO_BENCH_DIR` set to a directory made
//! by `../shared/bench/gen_bench_data.py`, it also reads the four big core tables from
//! there once and reports CPU time per GB. The headline benchmark's input is about 1 GB of
//! such CSV, to be parsed in well under 2 s of CPU.

use std::io::Write;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use ehrql::engine::TableSource;
use ehrql::io::input::DummyTables;
use ehrql::qm::{Column, Constraint, Table, TableSchema, Type, Value};

const ROWS: usize = 1_000_000;

/// Deterministic rows: ~20 events per patient, dates across 2000-2024, codes from a small
/// pool, a numeric value on one row in three.
fn write_table(path: &std::path::Path) -> usize {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("create"));
    writeln!(out, "patient_id,date,snomedct_code,numeric_value").unwrap();
    let mut state: u64 = 1;
    let mut next = || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        state >> 33
    };
    for i in 0..ROWS {
        let patient = i / 20 + 1;
        let r = next();
        let (y, m, d) = (2000 + r % 25, 1 + (r >> 5) % 12, 1 + (r >> 9) % 28);
        let code = 100_000 + (r >> 14) % 5_000 * 7_919;
        if r % 3 == 0 {
            writeln!(
                out,
                "{patient},{y}-{m:02}-{d:02},{code},{}.{}",
                (r >> 20) % 200,
                (r >> 28) % 10
            )
            .unwrap();
        } else {
            writeln!(out, "{patient},{y}-{m:02}-{d:02},{code},").unwrap();
        }
    }
    out.flush().unwrap();
    std::fs::metadata(path).unwrap().len() as usize
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let bytes = write_table(&dir.path().join("clinical_events.csv"));
    let table = Table::new(
        "clinical_events",
        TableSchema::from_types([
            ("date", Type::Date),
            ("snomedct_code", Type::Str),
            ("numeric_value", Type::Float),
        ]),
    );
    let columns: Vec<String> = ["date", "snomedct_code", "numeric_value"]
        .map(String::from)
        .to_vec();
    let source = DummyTables::new(dir.path()).expect("dir");
    let mut group = c.benchmark_group("io_read");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("csv_1m_rows", |b| {
        b.iter(|| {
            let batches = source.load(&table, &columns).expect("reads");
            assert_eq!(batches.iter().map(|b| b.num_rows()).sum::<usize>(), ROWS);
        })
    });
    group.finish();

    // Wall time hides how much CPU the parse threads burn; report it too (Linux only).
    if let Some(before) = cpu_seconds() {
        let runs = 5;
        for _ in 0..runs {
            source.load(&table, &columns).expect("reads");
        }
        if let Some(after) = cpu_seconds() {
            let gb = (bytes * runs) as f64 / 1e9;
            println!(
                "io_read/csv_1m_rows: {:.2} s CPU per GB (user + sys)",
                (after - before) / gb
            );
        }
    }
}

/// This process's user + system CPU time, from /proc/self/stat (clock ticks of 10 ms).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// The core tables the benchmark definition reads, with the columns it uses.
fn core_tables() -> Vec<(Table, Vec<String>)> {
    let table = |name: &str, cols: &[(&str, Type)]| {
        let schema = TableSchema::from_types(cols.iter().map(|(n, t)| (n.to_string(), t.clone())));
        let names = cols.iter().map(|(n, _)| n.to_string()).collect();
        (Table::new(name, schema), names)
    };
    let mut patients = table(
        "patients",
        &[
            ("sex", Type::Str),
            ("date_of_birth", Type::Date),
            ("date_of_death", Type::Date),
        ],
    );
    let sexes = ["female", "male", "intersex", "unknown"]
        .map(|s| Value::Str(s.into()))
        .to_vec();
    patients.0.schema.columns[0] = Column {
        name: "sex".into(),
        ty: Type::Str,
        constraints: vec![Constraint::Categorical(sexes)],
    };
    vec![
        table(
            "clinical_events",
            &[
                ("date", Type::Date),
                ("snomedct_code", Type::Str),
                ("numeric_value", Type::Float),
            ],
        ),
        table(
            "medications",
            &[("date", Type::Date), ("dmd_code", Type::Str)],
        ),
        patients,
        table(
            "practice_registrations",
            &[
                ("start_date", Type::Date),
                ("end_date", Type::Date),
                ("practice_pseudo_id", Type::Int),
            ],
        ),
    ]
}

fn bench_core_tables(_: &mut Criterion) {
    let Ok(dir) = std::env::var("EHRQL_IO_BENCH_DIR") else {
        return;
    };
    let source = DummyTables::new(&dir).expect("dir");
    let mut bytes = 0;
    let start = std::time::Instant::now();
    let before = cpu_seconds().unwrap_or(0.0);
    let mut rows = 0;
    for (table, columns) in core_tables() {
        bytes += std::fs::metadata(format!("{dir}/{}.csv", table.name)).map_or(0, |m| m.len());
        rows += source
            .load(&table, &columns)
            .expect("reads")
            .iter()
            .map(|b| b.num_rows())
            .sum::<usize>();
    }
    let cpu = cpu_seconds().unwrap_or(0.0) - before;
    let gb = bytes as f64 / 1e9;
    println!(
        "core tables: {rows} rows, {:.0} MB in {:.2} s wall, {cpu:.2} s CPU ({:.2} s CPU per GB)",
        bytes as f64 / 1e6,
        start.elapsed().as_secs_f64(),
        cpu / gb
    );
}

criterion_group!(benches, bench, bench_core_tables);
criterion_main!(benches);
