//! The language commands of the `ehrql` binary: check, serialize-definition, explain --emit
//! qm/qm-opt and dump-schema, with their exit codes.

use std::path::Path;
use std::process::{Command, Output};

fn ehrql(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ehrql"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("running ehrql")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn project(def: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("analysis")).unwrap();
    std::fs::write(dir.path().join("analysis/dataset_definition.py"), def).unwrap();
    dir
}

const DEF: &str = "from ehrql import create_dataset, get_parameter\nfrom ehrql.tables.core import patients, clinical_events\n\
                   year = get_parameter(\"year\", type=int, default=2020)\n\
                   dataset = create_dataset()\ndataset.define_population(patients.exists_for_patient())\n\
                   dataset.sex = patients.sex\n\
                   dataset.last = clinical_events.where(clinical_events.date.year < year).sort_by(clinical_events.date).last_for_patient().numeric_value\n";

#[test]
fn check_prints_a_summary() {
    let dir = project(DEF);
    let out = ehrql(
        dir.path(),
        &[
            "check",
            "analysis/dataset_definition.py",
            "--",
            "--year",
            "2021",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stderr).trim(),
        "ok: analysis/dataset_definition.py: dataset with 2 columns; tables used: clinical_events, patients"
    );
}

#[test]
fn check_exit_codes() {
    let dir = project("from ehrql.tables.core import patients\nx = patients.nope\n");
    let out = ehrql(dir.path(), &["check", "analysis/dataset_definition.py"]);
    assert_eq!(out.status.code(), Some(10), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("has no column or method 'nope'"));

    let dir = project("from ehrql import codelist_from_csv\nc = codelist_from_csv(\"missing.csv\", column=\"code\")\n");
    let out = ehrql(dir.path(), &["check", "analysis/dataset_definition.py"]);
    assert_eq!(out.status.code(), Some(11), "{}", text(&out.stderr));

    let dir = project("from ehrql import get_parameter\nx = get_parameter(\"n\", type=int)\n");
    let out = ehrql(
        dir.path(),
        &[
            "check",
            "analysis/dataset_definition.py",
            "--",
            "--n",
            "abc",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));

    let out = ehrql(dir.path(), &["check", "missing.py"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn serialize_definition_prints_json() {
    let dir = project(DEF);
    let out = ehrql(
        dir.path(),
        &["serialize-definition", "analysis/dataset_definition.py"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_str(&text(&out.stdout)).expect("json");
    let json = v.to_string();
    assert!(
        json.contains("\"sex\"") && json.contains("\"last\""),
        "{json}"
    );
}

#[test]
fn explain_qm_and_qm_opt() {
    let dir = project(DEF);
    let out = ehrql(
        dir.path(),
        &["explain", "--emit", "qm", "analysis/dataset_definition.py"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    insta::assert_snapshot!("explain_qm", text(&out.stdout));
    let out = ehrql(
        dir.path(),
        &[
            "explain",
            "--emit",
            "qm-opt",
            "analysis/dataset_definition.py",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let opt = text(&out.stdout);
    assert!(opt.contains("PickOneRowPerPatientWithColumns"), "{opt}");
    insta::assert_snapshot!("explain_qm_opt", opt);
}

#[test]
fn dump_schema_markdown_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let out = ehrql(dir.path(), &["dump-schema", "core"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let md = text(&out.stdout);
    assert!(md.starts_with("# ehrql.tables.core\n"), "{md}");
    assert!(
        md.contains("## clinical_events") && md.contains("| `snomedct_code` | SNOMEDCTCode |"),
        "{md}"
    );
    let out = ehrql(dir.path(), &["dump-schema", "tpp", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    let tables = v.as_array().unwrap();
    assert_eq!(
        tables.len(),
        29,
        "tpp defines 28 tables and re-exports patients"
    );
    let out = ehrql(dir.path(), &["dump-schema", "nope"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn check_requires_claimed_permissions() {
    let def = "from ehrql import create_dataset, claim_permissions\nfrom ehrql.tables.tpp import patients, appointments\n\
               dataset = create_dataset()\ndataset.define_population(patients.exists_for_patient())\n\
               dataset.n = appointments.count_for_patient()\n";
    let dir = project(def);
    let out = ehrql(dir.path(), &["check", "analysis/dataset_definition.py"]);
    assert_eq!(out.status.code(), Some(12), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("claim_permissions(\"appointments\")"),
        "{}",
        text(&out.stderr)
    );
    let dir = project(&format!("{def}claim_permissions(\"appointments\")\n"));
    let out = ehrql(dir.path(), &["check", "analysis/dataset_definition.py"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}
