//! Criterion bench: lex + parse a generated 10,000-line definition in the style of real
//! studies (helpers with defaults, loops with setattr and f-strings, long case/when chains).
//! Run: `cargo bench --bench parse`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// A definition of at least `lines` lines, deterministic.
pub fn generate_definition(lines: usize) -> String {
    let mut out = String::from(
        "from ehrql import case, codelist_from_csv, create_dataset, days, months, when, years\n\
         from ehrql.tables.tpp import clinical_events, medications, patients, practice_registrations\n\
         import argparse\n\n\
         parser = argparse.ArgumentParser()\n\
         parser.add_argument(\"--start-date\", type=str, default=\"2020-01-01\", help=\"study start\")\n\
         args = parser.parse_args()\n\
         index_date = args.start_date\n\
         dataset = create_dataset()\n\n",
    );
    let mut block = 0;
    while out.lines().count() < lines {
        block += 1;
        out.push_str(&format!(
            r#"codes_{block} = codelist_from_csv("codelists/condition-{block}.csv", column="code", category_column="group")


def has_event_{block}(codelist, start=index_date, *, end="2024-12-31", where=None):
    """Whether the patient has an event in `codelist` between two dates."""
    events = clinical_events.where(
        clinical_events.snomedct_code.is_in(codelist)
        & clinical_events.date.is_on_or_between(start, end)
    )
    if where is not None:
        events = events.where(where)
    return events.exists_for_patient()


for i, (name, offset) in enumerate([("early", 30), ("mid", 90), ("late", 365)]):
    setattr(dataset, f"cond_{block}_{{name}}_{{i:02d}}", has_event_{block}(codes_{block}, start=index_date - days(offset)))

latest_{block} = (
    clinical_events.where(clinical_events.snomedct_code.is_in(codes_{block}))
    .sort_by(clinical_events.date)
    .last_for_patient()
)
dataset.value_{block} = latest_{block}.numeric_value
dataset.band_{block} = case(
    when(latest_{block}.numeric_value < 18.5).then("low"),
    when((latest_{block}.numeric_value >= 18.5) & (latest_{block}.numeric_value < 25)).then("normal"),
    when(latest_{block}.numeric_value < 30).then("high"),
    otherwise="missing",
)
dataset.count_{block} = medications.where(medications.date.is_on_or_after(index_date - years(1))).count_for_patient()
config_{block} = {{"name": "block {block}", "values": [1, 2.5, 0x1F, 1_000], "enabled": True}}

"#
        ));
    }
    out
}

fn bench(c: &mut Criterion) {
    let src = generate_definition(10_000);
    assert!(
        ehrql::syntax::parse_module(&src).is_ok(),
        "generated definition must parse"
    );
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(src.len() as u64));
    group.bench_function("tokenize_10k_lines", |b| {
        b.iter(|| ehrql::syntax::tokenize(&src))
    });
    group.bench_function("lex_and_parse_10k_lines", |b| {
        b.iter(|| ehrql::syntax::parse_module(&src).unwrap())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
