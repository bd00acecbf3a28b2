//! `ehrql generate-dataset` and `ehrql dump-example-data` end to end through the binary:
//! outputs byte-identical to the reference's on the bundled example data, every engine
//! feature the golden definition uses, exit codes for bad inputs, and no partial output.

use std::path::{Path, PathBuf};
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

fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

#[test]
fn the_example_study_matches_the_reference_byte_for_byte() {
    let out_dir = tempfile::tempdir().unwrap();
    let output = out_dir.path().join("output/dataset.csv");
    let out = ehrql(
        &repo("examples/asthma"),
        &[
            "generate-dataset",
            "analysis/dataset_definition.py",
            "--dummy-tables",
            "../data",
            "--output",
            output.to_str().unwrap(),
            "--",
            "--index-date",
            "2024-01-01",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("Compiling dataset definition from analysis/dataset_definition.py"));
    assert!(stderr.contains("Reading table data from ../data"));
    let ours = std::fs::read(&output).unwrap();
    let reference = std::fs::read(repo("tests/generate/asthma_expected.csv")).unwrap();
    assert!(
        ours == reference,
        "output differs from the reference's:\n{}",
        text(&ours)
    );
}

#[test]
fn every_feature_of_the_golden_definition_matches_the_reference() {
    let out_dir = tempfile::tempdir().unwrap();
    let spec = format!("{}/:csv", out_dir.path().join("out").display());
    let out = ehrql(
        &repo("tests/generate/features"),
        &[
            "generate-dataset",
            "dataset_definition.py",
            "--dummy-tables",
            repo("examples/data").to_str().unwrap(),
            "--output",
            &spec,
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    for table in ["dataset", "recent"] {
        let ours = std::fs::read(out_dir.path().join(format!("out/{table}.csv"))).unwrap();
        let reference = std::fs::read(repo(&format!(
            "tests/generate/features/expected/{table}.csv"
        )))
        .unwrap();
        if ours != reference {
            let (o, r) = (text(&ours), text(&reference));
            let first = o
                .lines()
                .zip(r.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(0);
            panic!(
                "{table}.csv differs from the reference's at line {}:\n  ours: {}\n  ref:  {}",
                first + 1,
                o.lines().nth(first).unwrap_or(""),
                r.lines().nth(first).unwrap_or("")
            );
        }
    }
}

#[test]
fn csv_goes_to_stdout_without_output() {
    let out = ehrql(
        &repo("examples/asthma"),
        &[
            "generate-dataset",
            "analysis/dataset_definition.py",
            "--dummy-tables",
            "../data",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let reference = std::fs::read(repo("tests/generate/asthma_expected.csv")).unwrap();
    assert_eq!(out.stdout, reference);
}

#[test]
fn dump_example_data_then_generate_in_two_commands() {
    let dir = tempfile::tempdir().unwrap();
    let out = ehrql(dir.path(), &["dump-example-data"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    for table in [
        "patients",
        "practice_registrations",
        "clinical_events",
        "medications",
        "ons_deaths",
    ] {
        let written = std::fs::read(dir.path().join(format!("example-data/{table}.csv"))).unwrap();
        let bundled = std::fs::read(repo(&format!("examples/data/{table}.csv"))).unwrap();
        assert_eq!(written, bundled, "{table}");
    }
    let out = ehrql(dir.path(), &["dump-example-data", "-d", "elsewhere"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(dir.path().join("elsewhere/patients.csv").is_file());

    std::fs::write(
        dir.path().join("dataset_definition.py"),
        "from ehrql import create_dataset\nfrom ehrql.tables.core import patients\n\
         dataset = create_dataset()\ndataset.define_population(patients.exists_for_patient())\n\
         dataset.sex = patients.sex\n",
    )
    .unwrap();
    let out = ehrql(
        dir.path(),
        &[
            "generate-dataset",
            "dataset_definition.py",
            "--dummy-tables",
            "example-data",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let csv = text(&out.stdout);
    assert!(csv.starts_with("patient_id,sex\r\n1,"), "{csv}");
    assert_eq!(csv.lines().count(), 301);
}

fn project(def: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("dataset_definition.py"), def).unwrap();
    std::fs::create_dir(dir.path().join("tables")).unwrap();
    dir
}

const DEF: &str = "from ehrql import create_dataset\nfrom ehrql.tables.core import patients\n\
                   dataset = create_dataset()\ndataset.define_population(patients.exists_for_patient())\n\
                   dataset.born = patients.date_of_birth\n";

#[test]
fn bad_inputs_give_documented_exit_codes_and_no_output() {
    let dir = project(DEF);
    let p = dir.path();
    let output = p.join("out/dataset.csv");
    let run = |tables: &str| {
        ehrql(
            p,
            &[
                "generate-dataset",
                "dataset_definition.py",
                "--dummy-tables",
                tables,
                "--output",
                output.to_str().unwrap(),
            ],
        )
    };

    // No such folder: a usage error.
    let out = run("missing");
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("missing"),
        "{}",
        text(&out.stderr)
    );

    // An empty folder, then one without the table, then a malformed table: file validation
    // errors saying what is wrong and where.
    let out = run("tables");
    assert_eq!(out.status.code(), Some(11), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("No supported file formats found in: tables"),
        "{}",
        text(&out.stderr)
    );
    std::fs::write(
        p.join("tables/medications.csv"),
        "patient_id,date,dmd_code
",
    )
    .unwrap();
    let out = run("tables");
    assert_eq!(out.status.code(), Some(11), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("Missing file: tables/patients.csv"),
        "{}",
        text(&out.stderr)
    );
    std::fs::write(
        p.join("tables/patients.csv"),
        "patient_id,date_of_birth,sex,date_of_death\n1,2020-01-01,female,\n2,2020-13-01,male,\n",
    )
    .unwrap();
    let out = run("tables");
    assert_eq!(out.status.code(), Some(11), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(
        err.contains("'tables/patients.csv', row 2: column 'date_of_birth'"),
        "{err}"
    );
    assert!(
        !p.join("out").join("dataset.csv").exists(),
        "no output after a failure"
    );

    // Fixed, it runs.
    std::fs::write(
        p.join("tables/patients.csv"),
        "patient_id,date_of_birth,sex,date_of_death\n1,2020-01-01,female,\n2,2020-12-01,male,\n",
    )
    .unwrap();
    let out = run("tables");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        std::fs::read_to_string(&output).unwrap(),
        "patient_id,born\r\n1,2020-01-01\r\n2,2020-12-01\r\n"
    );
    // Nothing but the output itself is left in its folder (no temporary files).
    let names: Vec<_> = std::fs::read_dir(p.join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("dataset.csv")]);
}

#[test]
fn usage_errors() {
    let dir = project(DEF);
    let p = dir.path();
    // No data source.
    let out = ehrql(p, &["generate-dataset", "dataset_definition.py"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("--dummy-tables"),
        "{}",
        text(&out.stderr)
    );
    // An unsupported output format.
    let out = ehrql(
        p,
        &[
            "generate-dataset",
            "dataset_definition.py",
            "--dummy-tables",
            "tables",
            "--output",
            "x.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("'.txt' is not a supported format"),
        "{}",
        text(&out.stderr)
    );
    // A definition error is still a definition error.
    std::fs::write(
        p.join("bad.py"),
        "from ehrql import create_dataset\ndataset = create_dataset(\n",
    )
    .unwrap();
    let out = ehrql(
        p,
        &["generate-dataset", "bad.py", "--dummy-tables", "tables"],
    );
    assert_eq!(out.status.code(), Some(10), "{}", text(&out.stderr));
}

#[test]
fn a_dummy_data_file_is_taken_verbatim() {
    let dir = project(DEF);
    let p = dir.path();
    std::fs::write(p.join("dummy.csv"), "patient_id,born\n3,2001-02-03\n1,\n").unwrap();
    let out = ehrql(
        p,
        &[
            "generate-dataset",
            "dataset_definition.py",
            "--dummy-data-file",
            "dummy.csv",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "patient_id,born\r\n3,2001-02-03\r\n1,\r\n"
    );
    // A missing column is a file validation error.
    std::fs::write(p.join("dummy.csv"), "patient_id\n3\n").unwrap();
    let out = ehrql(
        p,
        &[
            "generate-dataset",
            "dataset_definition.py",
            "--dummy-data-file",
            "dummy.csv",
        ],
    );
    assert_eq!(out.status.code(), Some(11), "{}", text(&out.stderr));
}
