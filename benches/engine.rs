//! Criterion bench: the engine alone (`engine::run_dataset`) on the end-to-end benchmark's
//! definition over 20,000 patients of core-schema rows held in memory (about 20 events, 10
//! medications and 1-3 registrations each), so engine work is timed without file reading or
//! output writing. Run: `cargo bench --bench engine`. The whole pipeline, from files and
//! beside DuckDB, is `benches/e2e/run.py`.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use arrow_array::{
    new_null_array, ArrayRef, Date32Array, Float64Array, Int64Array, RecordBatch, StringArray,
};
use arrow_schema::{Field, Schema};
use criterion::{criterion_group, criterion_main, Criterion};
use ehrql::engine::{run_dataset, table_arrow_schema, EngineError, TableSource};
use ehrql::qm::Table;

const PATIENTS: i64 = 20_000;

/// The benchmark kit's definition (`../shared/bench/dataset_definition.py`), kept here so the
/// bench depends on nothing outside the repository.
const DEFINITION: &str = r#"
from ehrql import case, codelist_from_csv, create_dataset, when, years
from ehrql.tables.core import clinical_events, medications, ons_deaths, patients, practice_registrations

index_date = "2024-01-01"
asthma_medication_codes = codelist_from_csv("codelists/asthma-medications.csv", column="code")
asthma_diagnosis_codes = codelist_from_csv("codelists/asthma-diagnosis.csv", column="code")
asthma_review_codes = codelist_from_csv("codelists/asthma-review.csv", column="code")
diabetes_codes = codelist_from_csv("codelists/diabetes-diagnosis.csv", column="code")
smoking_codes = codelist_from_csv("codelists/smoking-current.csv", column="code")
bmi_codes = codelist_from_csv("codelists/bmi.csv", column="code")

age = patients.age_on(index_date)
registration = practice_registrations.for_patient_on(index_date)
dataset = create_dataset()
dataset.define_population(
    practice_registrations.exists_for_patient_on(index_date)
    & patients.is_alive_on(index_date)
    & (age >= 18)
    & (age <= 100)
)
events_before_index = clinical_events.where(clinical_events.date.is_on_or_before(index_date))
latest_asthma_med = (
    medications.where(medications.dmd_code.is_in(asthma_medication_codes))
    .where(medications.date.is_on_or_before(index_date))
    .sort_by(medications.date)
    .last_for_patient()
)
first_diabetes_date = (
    events_before_index.where(clinical_events.snomedct_code.is_in(diabetes_codes))
    .sort_by(clinical_events.date)
    .first_for_patient()
    .date
)
latest_bmi = (
    events_before_index.where(clinical_events.snomedct_code.is_in(bmi_codes))
    .where(clinical_events.numeric_value.is_not_null())
    .sort_by(clinical_events.date)
    .last_for_patient()
)
dataset.age = age
dataset.sex = patients.sex
dataset.practice = registration.practice_pseudo_id
dataset.latest_asthma_med_date = latest_asthma_med.date
dataset.latest_asthma_med_code = latest_asthma_med.dmd_code
dataset.asthma_reviews_last_year = (
    clinical_events.where(clinical_events.snomedct_code.is_in(asthma_review_codes))
    .where(clinical_events.date.is_on_or_between(index_date - years(1), index_date))
    .count_for_patient()
)
dataset.first_diabetes_date = first_diabetes_date
dataset.days_since_diabetes_diagnosis = (index_date - first_diabetes_date).days
dataset.has_asthma = events_before_index.where(
    clinical_events.snomedct_code.is_in(asthma_diagnosis_codes)
).exists_for_patient()
dataset.ever_smoked = events_before_index.where(
    clinical_events.snomedct_code.is_in(smoking_codes)
).exists_for_patient()
dataset.latest_bmi = latest_bmi.numeric_value
dataset.bmi_category = case(
    when(latest_bmi.numeric_value < 18.5).then("underweight"),
    when(latest_bmi.numeric_value < 25).then("healthy"),
    when(latest_bmi.numeric_value < 30).then("overweight"),
    when(latest_bmi.numeric_value >= 30).then("obese"),
    otherwise="unknown",
)
dataset.age_band = case(
    when(age < 30).then("18-29"),
    when(age < 50).then("30-49"),
    when(age < 70).then("50-69"),
    otherwise="70+",
)
dataset.events_last_year = clinical_events.where(
    clinical_events.date.is_on_or_between(index_date - years(1), index_date)
).count_for_patient()
dataset.ons_death_date = ons_deaths.date
"#;

const EVENT_LISTS: [&str; 5] = [
    "asthma-diagnosis",
    "asthma-review",
    "bmi",
    "diabetes-diagnosis",
    "smoking-current",
];

/// SplitMix64: a fixed-seed generator, so every run benches the same rows.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, n)`.
    fn below(&mut self, n: i64) -> i64 {
        (self.next() % n as u64) as i64
    }

    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
}

/// Days since 1970-01-01 (Arrow's Date32) of a civil date.
fn day(y: i64, m: i64, d: i64) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    (era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468) as i32
}

/// Codelists: five codes each, 9-digit SNOMED-like codes and 17-digit dm+d-like ones.
fn codelists() -> HashMap<&'static str, Vec<String>> {
    let mut out = HashMap::new();
    for (i, name) in EVENT_LISTS.iter().enumerate() {
        out.insert(
            *name,
            (0..5)
                .map(|j| format!("{}", 100_000_000 + i * 1000 + j))
                .collect(),
        );
    }
    out.insert(
        "asthma-medications",
        (0..5)
            .map(|j| format!("{}", 10_000_000_000_000_000u64 + j))
            .collect(),
    );
    out
}

fn batch(columns: Vec<(&str, ArrayRef)>) -> RecordBatch {
    let fields: Vec<Field> = columns
        .iter()
        .map(|(n, a)| Field::new(*n, a.data_type().clone(), true))
        .collect();
    let arrays = columns.into_iter().map(|(_, a)| a).collect();
    RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays).expect("bench batch")
}

/// The five core tables for `PATIENTS` patients, shaped like the e2e benchmark's data.
fn tables(lists: &HashMap<&'static str, Vec<String>>) -> HashMap<String, RecordBatch> {
    let mut rng = Rng(1);
    let (ev_lo, ev_hi) = (day(2000, 1, 1), day(2024, 12, 31));
    let event_codes: Vec<&String> = EVENT_LISTS.iter().flat_map(|l| &lists[l]).collect();
    let bmi = &lists["bmi"];
    let meds = &lists["asthma-medications"];
    let (mut p_id, mut p_sex, mut p_dob, mut p_dod) = (vec![], vec![], vec![], vec![]);
    let (mut r_id, mut r_start, mut r_end, mut r_prac) = (vec![], vec![], vec![], vec![]);
    let (mut e_id, mut e_date, mut e_code, mut e_val) = (vec![], vec![], vec![], vec![]);
    let (mut m_id, mut m_date, mut m_code) = (vec![], vec![], vec![]);
    let (mut d_id, mut d_date) = (vec![], vec![]);
    for pid in 1..=PATIENTS {
        let dob = day(1915 + rng.below(109), 1 + rng.below(12), 1);
        let dod = rng
            .chance(0.08)
            .then(|| dob.max(day(2010, 1, 1)) + rng.below(5000) as i32)
            .map(|d| d.min(ev_hi));
        p_id.push(pid);
        p_sex.push(match rng.below(200) {
            0..=97 => "female",
            98..=195 => "male",
            196 => "intersex",
            _ => "unknown",
        });
        p_dob.push(dob);
        p_dod.push(dod);
        let mut start = dob.max(day(1990, 1, 1)) + rng.below(3650) as i32;
        let n_regs = 1 + rng.below(3);
        for r in 0..n_regs {
            if start > ev_hi {
                break;
            }
            let end = (r < n_regs - 1 || rng.chance(0.15))
                .then(|| ev_hi.min(start + 30 + rng.below(5000) as i32));
            r_id.push(pid);
            r_start.push(start);
            r_end.push(end);
            r_prac.push(rng.below(1000));
            start = end.map_or(ev_hi + 1, |e| e + 1 + rng.below(60) as i32);
        }
        let lo = ev_lo.max(dob);
        let hi = dod.map_or(ev_hi, |d| d.min(ev_hi));
        if hi < lo {
            continue;
        }
        let span = i64::from(hi - lo + 1);
        for _ in 0..rng.below(41) {
            let code = if rng.chance(0.25) {
                event_codes[rng.below(event_codes.len() as i64) as usize].clone()
            } else {
                format!("{}", 200_000_000 + rng.below(5000))
            };
            let val = if bmi.contains(&code) {
                Some(15.0 + rng.below(300) as f64 / 10.0)
            } else {
                rng.chance(0.1).then(|| rng.below(20_000) as f64 / 100.0)
            };
            e_id.push(pid);
            e_date.push(lo + rng.below(span) as i32);
            e_code.push(code);
            e_val.push(val);
        }
        for _ in 0..rng.below(21) {
            let code = if rng.chance(0.25) {
                meds[rng.below(meds.len() as i64) as usize].clone()
            } else {
                format!("{}", 20_000_000_000_000_000u64 + rng.below(2000) as u64)
            };
            m_id.push(pid);
            m_date.push(lo + rng.below(span) as i32);
            m_code.push(code);
        }
        if let Some(d) = dod.filter(|_| rng.chance(0.9)) {
            d_id.push(pid);
            d_date.push(d);
        }
    }
    let a = |v: ArrayRef| v;
    HashMap::from([
        (
            "patients".to_string(),
            batch(vec![
                ("patient_id", a(Arc::new(Int64Array::from(p_id)))),
                ("sex", a(Arc::new(StringArray::from(p_sex)))),
                ("date_of_birth", a(Arc::new(Date32Array::from(p_dob)))),
                ("date_of_death", a(Arc::new(Date32Array::from(p_dod)))),
            ]),
        ),
        (
            "practice_registrations".to_string(),
            batch(vec![
                ("patient_id", a(Arc::new(Int64Array::from(r_id)))),
                ("start_date", a(Arc::new(Date32Array::from(r_start)))),
                ("end_date", a(Arc::new(Date32Array::from(r_end)))),
                ("practice_pseudo_id", a(Arc::new(Int64Array::from(r_prac)))),
            ]),
        ),
        (
            "clinical_events".to_string(),
            batch(vec![
                ("patient_id", a(Arc::new(Int64Array::from(e_id)))),
                ("date", a(Arc::new(Date32Array::from(e_date)))),
                ("snomedct_code", a(Arc::new(StringArray::from(e_code)))),
                ("numeric_value", a(Arc::new(Float64Array::from(e_val)))),
            ]),
        ),
        (
            "medications".to_string(),
            batch(vec![
                ("patient_id", a(Arc::new(Int64Array::from(m_id)))),
                ("date", a(Arc::new(Date32Array::from(m_date)))),
                ("dmd_code", a(Arc::new(StringArray::from(m_code)))),
            ]),
        ),
        (
            "ons_deaths".to_string(),
            batch(vec![
                ("patient_id", a(Arc::new(Int64Array::from(d_id)))),
                ("date", a(Arc::new(Date32Array::from(d_date)))),
            ]),
        ),
    ])
}

/// Whole tables in memory, cut to the columns asked for (absent ones NULL), as the
/// `TableSource` contract says.
struct Tables(HashMap<String, RecordBatch>);

impl TableSource for Tables {
    fn load(&self, table: &Table, columns: &[String]) -> Result<Vec<RecordBatch>, EngineError> {
        let schema = table_arrow_schema(table, columns);
        let Some(b) = self.0.get(&table.name) else {
            return Ok(vec![RecordBatch::new_empty(schema)]);
        };
        let arrays = schema
            .fields()
            .iter()
            .map(|f| match b.column_by_name(f.name()) {
                Some(a) => a.clone(),
                None => new_null_array(f.data_type(), b.num_rows()),
            })
            .collect();
        RecordBatch::try_new(schema, arrays)
            .map(|b| vec![b])
            .map_err(|e| EngineError::Internal(e.to_string()))
    }
}

fn bench(c: &mut Criterion) {
    let lists = codelists();
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("codelists")).unwrap();
    for (name, codes) in &lists {
        let body: String = codes.iter().map(|c| format!("{c},term\n")).collect();
        std::fs::write(
            dir.path().join(format!("codelists/{name}.csv")),
            format!("code,term\n{body}"),
        )
        .unwrap();
    }
    std::fs::write(dir.path().join("dataset_definition.py"), DEFINITION).unwrap();
    let compiled =
        ehrql::lang::compile_definition(Path::new("dataset_definition.py"), &[], dir.path())
            .unwrap_or_else(|e| panic!("bench definition does not compile: {:?}", e.diagnostics));
    let dataset = compiled.dataset().expect("a dataset").clone();
    let source = Tables(tables(&lists));

    let rows = |r: &ehrql::engine::DatasetResult| r.batches.iter().map(|b| b.num_rows()).sum();
    let first = run_dataset(&compiled.arena, &dataset, &source)
        .unwrap_or_else(|e| panic!("the engine cannot run the bench definition: {e}"));
    let n: usize = rows(&first);
    assert!(
        n > (PATIENTS as usize) / 4 && n < PATIENTS as usize,
        "{n} patients in the population"
    );
    assert_eq!(
        first.schema.fields().len(),
        16,
        "patient_id and 15 variables"
    );

    let mut group = c.benchmark_group("engine");
    group.sample_size(10);
    group.bench_function("benchmark definition, 20k patients in memory", |b| {
        b.iter(|| run_dataset(&compiled.arena, &dataset, &source).unwrap())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
