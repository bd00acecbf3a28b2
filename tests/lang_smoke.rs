//! End-to-end smoke tests: a small real-style definition compiles to the expected QM.

mod lang_support;

use lang_support::*;

#[test]
fn minimal_dataset() {
    let out = qm(r#"
from ehrql import create_dataset, codelist_from_csv
from ehrql.tables.core import patients, clinical_events

dataset = create_dataset()
dataset.define_population(patients.exists_for_patient())
dataset.sex = patients.sex
dataset.age = patients.age_on("2023-01-01")
asthma = clinical_events.where(clinical_events.snomedct_code.is_in(["195967001"]))
dataset.first_asthma = asthma.sort_by(asthma.date).first_for_patient().date
dataset.n = asthma.count_for_patient()
"#);
    insta::assert_snapshot!(out);
}

#[test]
fn spans_record_where_nodes_were_written() {
    let src = "from ehrql import create_dataset\nfrom ehrql.tables.core import patients, clinical_events\n\
               dataset = create_dataset()\ndataset.define_population(patients.exists_for_patient())\n\
               recent = clinical_events.where(clinical_events.date > \"2020-01-01\")\n\
               dataset.n = recent.count_for_patient() + 1\n";
    let c = compile(src).unwrap();
    let d = c.dataset().unwrap();
    let text = |id| {
        let (file, span) = c.spans.get(id).expect("span recorded");
        c.sources.get(file).text[span.start..span.end].to_string()
    };
    assert_eq!(text(d.population()), "patients.exists_for_patient()");
    assert_eq!(
        text(d.variable("n").unwrap()),
        "recent.count_for_patient() + 1"
    );
    let count = c.arena.node(d.variable("n").unwrap()).inputs()[0];
    assert_eq!(text(count), "recent.count_for_patient()");
    let frame = c.arena.node(count).inputs()[0];
    assert_eq!(
        text(frame),
        "clinical_events.where(clinical_events.date > \"2020-01-01\")"
    );
}
