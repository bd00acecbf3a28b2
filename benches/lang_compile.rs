//! Criterion bench: run and compile a generated 3,000-line dataset definition with 300
//! variables (helpers, loops, codelists, case chains, sorts and picks) end to end, from
//! source text to a checked query-model dataset. Target: under 20 ms in release.
//! Run: `cargo bench --bench lang_compile`.

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};

/// A definition of about `variables` variables over about `lines` lines, with one codelist
/// file per block; deterministic.
pub fn generate(variables: usize, lines: usize) -> (String, Vec<(String, String)>) {
    let mut out = String::from(
        "from ehrql import case, codelist_from_csv, create_dataset, days, months, when, years\n\
         from ehrql.tables.tpp import apcs, clinical_events, medications, patients, practice_registrations\n\n\
         index_date = \"2023-01-01\"\n\
         dataset = create_dataset()\n\
         registered = practice_registrations.for_patient_on(index_date)\n\
         dataset.define_population(registered.exists_for_patient() & patients.date_of_birth.is_before(index_date))\n\n",
    );
    let mut files = Vec::new();
    let mut defined = 0;
    let mut block = 0;
    while defined < variables {
        block += 1;
        files.push((
            format!("codelists/c{block}.csv"),
            format!("code,term\n{}\n{}\n", 100000 + block, 200000 + block),
        ));
        out.push_str(&format!(
            r#"codes_{block} = codelist_from_csv("codelists/c{block}.csv", column="code")


def events_{block}(codelist, start=index_date, *, end="2024-12-31"):
    """The events in `codelist` between two dates."""
    return clinical_events.where(
        clinical_events.snomedct_code.is_in(codelist)
        & clinical_events.date.is_on_or_between(start, end)
    )


for name, offset in [("early", 30), ("mid", 90), ("late", 365)]:
    setattr(
        dataset,
        f"has_{block}_{{name}}",
        events_{block}(codes_{block}, start=days(-offset) + index_date).exists_for_patient(),
    )

latest_{block} = (
    events_{block}(codes_{block})
    .sort_by(clinical_events.date)
    .last_for_patient()
)
dataset.latest_date_{block} = latest_{block}.date
dataset.latest_value_{block} = latest_{block}.numeric_value
dataset.count_{block} = events_{block}(codes_{block}).count_for_patient()
dataset.band_{block} = case(
    when(dataset.count_{block} == 0).then("none"),
    when(dataset.count_{block} < 3).then("few"),
    when(dataset.count_{block} < 10).then("some"),
    otherwise="many",
)
dataset.gap_{block} = (latest_{block}.date - patients.date_of_birth).years
dataset.recent_{block} = latest_{block}.date.is_after(index_date - months(6))
"#
        ));
        defined += 9;
    }
    while out.lines().count() < lines {
        out.push_str("# padding: notes a study might keep next to its variables\n");
    }
    (out, files)
}

fn bench(c: &mut Criterion) {
    let (definition, files) = generate(300, 3000);
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("dataset_definition.py"), &definition).unwrap();
    for (path, text) in &files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    let compiled =
        ehrql::lang::compile_definition(Path::new("dataset_definition.py"), &[], dir.path())
            .unwrap_or_else(|e| panic!("bench definition does not compile: {:?}", e.diagnostics));
    let n = compiled.dataset().map(|d| d.variables().len()).unwrap_or(0);
    assert!(n >= 300, "{n} variables");
    c.bench_function("compile 3,000-line definition, 300 variables", |b| {
        b.iter(|| {
            ehrql::lang::compile_definition(Path::new("dataset_definition.py"), &[], dir.path())
                .unwrap()
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
