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
