//! End-to-end tests of the `ehrql` binary: exit codes, messages and bad input.

use std::path::Path;
use std::process::{Command, Output};

fn ehrql(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ehrql"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("running ehrql")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn version_and_help() {
    let dir = tempfile::tempdir().unwrap();
    let out = ehrql(dir.path(), &["--version"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("ehrql "));
    for cmd in ["check", "explain"] {
        let out = ehrql(dir.path(), &[cmd, "--help"]);
        assert!(out.status.success(), "{cmd} --help");
        assert!(String::from_utf8_lossy(&out.stdout).contains("Usage: ehrql"));
    }
}

#[test]
fn check_ok_file_and_params() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "analysis/dataset_definition.py", "from ehrql import create_dataset, get_parameter\nfrom ehrql.tables.core import patients\nflag = get_parameter(\"flag\")\ndataset = create_dataset()\ndataset.define_population(patients.exists_for_patient())\n");
    let out = ehrql(
        dir.path(),
        &[
            "check",
            "analysis/dataset_definition.py",
            "--",
            "--flag",
            "1",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn missing_file_directory_and_not_python() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "notes.txt", "x = 1\n");
    std::fs::create_dir_all(dir.path().join("analysis.py")).unwrap();
    for (path, needle) in [
        ("missing.py", "does not exist"),
        ("analysis.py", "is a directory"),
        ("notes.txt", "not a Python file"),
    ] {
        let out = ehrql(dir.path(), &["check", path]);
        assert_eq!(out.status.code(), Some(2), "{path}");
        assert!(stderr(&out).contains(needle), "{path}: {}", stderr(&out));
    }
}

#[test]
fn non_utf8_file_points_at_the_byte() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "d.py", b"x = 1\ny = '\xff'\n");
    let out = ehrql(dir.path(), &["check", "d.py"]);
    assert_eq!(out.status.code(), Some(10));
    let err = stderr(&out);
    assert!(
        err.contains("error[E0020]: file is not valid UTF-8"),
        "{err}"
    );
    assert!(err.contains("d.py:2:6"), "{err}");
}

#[test]
fn empty_definition_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "d.py", "");
    let out = ehrql(dir.path(), &["check", "d.py"]);
    assert_eq!(out.status.code(), Some(10));
    assert!(stderr(&out).contains("the definition file is empty"));
}

#[test]
fn deep_nesting_and_huge_line_do_not_crash() {
    let dir = tempfile::tempdir().unwrap();
    let deep = format!("x = {}1{}\n", "(".repeat(10_000), ")".repeat(10_000));
    write(dir.path(), "deep.py", deep);
    let out = ehrql(dir.path(), &["check", "deep.py"]);
    assert_eq!(out.status.code(), Some(10));
    assert!(stderr(&out).contains("too many nested parentheses"));

    let huge = format!(
        "x = [{}]\n{}",
        "1, ".repeat(300_000),
        "from ehrql import create_dataset\nfrom ehrql.tables.core import patients\ndataset = create_dataset()\ndataset.define_population(patients.exists_for_patient())\n"
    );
    write(dir.path(), "huge.py", &huge);
    let out = ehrql(dir.path(), &["check", "huge.py"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let huge_bad = format!("x = [{}$]\n", "1, ".repeat(300_000));
    write(dir.path(), "huge_bad.py", &huge_bad);
    let out = ehrql(dir.path(), &["check", "huge_bad.py"]);
    assert_eq!(out.status.code(), Some(10));
    // The rendered line is trimmed around the error, not printed whole.
    assert!(
        stderr(&out).len() < 2_000,
        "{} bytes of stderr",
        stderr(&out).len()
    );
}

#[test]
fn json_error_format() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "d.py", "x = (1,\n");
    let out = ehrql(dir.path(), &["--error-format", "json", "check", "d.py"]);
    assert_eq!(out.status.code(), Some(10));
    let line = stderr(&out);
    let value: serde_json::Value = serde_json::from_str(line.lines().next().unwrap()).unwrap();
    assert_eq!(value["code"], "E0003");
    assert_eq!(value["location"]["line_start"], 1);
    assert_eq!(value["location"]["column_start"], 5);
    assert_eq!(value["labels"].as_array().unwrap().len(), 2);
}

#[test]
fn explain_tokens() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "d.py", "if x:\n    y = 1\n");
    let out = ehrql(dir.path(), &["explain", "--emit", "tokens", "d.py"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        text.lines().collect::<Vec<_>>(),
        [
            "1:1-1:3\tif",
            "1:4-1:5\tName(x)",
            "1:5-1:6\t:",
            "1:6-2:1\tNEWLINE",
            "2:1-2:5\tINDENT",
            "2:5-2:6\tName(y)",
            "2:7-2:8\t=",
            "2:9-2:10\tInt(1)",
            "2:10-3:1\tNEWLINE",
            "3:1-3:1\tDEDENT"
        ]
    );
}

#[test]
fn evaluator_limits_are_flags_and_recursion_tracebacks_are_collapsed() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "loop.py", "x = 0\nwhile True:\n    x += 1\n");
    let out = ehrql(dir.path(), &["check", "--max-steps", "1000", "loop.py"]);
    assert_eq!(out.status.code(), Some(10));
    assert!(
        stderr(&out).contains("more than 1000 steps"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("loop.py:3:5"), "{}", stderr(&out));

    write(
        dir.path(),
        "rec.py",
        "def f(n):\n    return f(n + 1)\n\nf(0)\n",
    );
    let out = ehrql(dir.path(), &["check", "--max-depth", "200", "rec.py"]);
    assert_eq!(out.status.code(), Some(10));
    let err = stderr(&out);
    assert!(
        err.contains("RecursionError: maximum recursion depth exceeded"),
        "{err}"
    );
    assert!(err.contains("[previous line repeated"), "{err}");
    assert!(err.lines().count() < 30, "{err}");
}

#[test]
fn argparse_errors_exit_2_with_argparse_message_only() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "d.py",
        "import argparse\np = argparse.ArgumentParser()\np.add_argument(\"--n\", type=int, required=True)\nargs = p.parse_args()\n",
    );
    let out = ehrql(dir.path(), &["check", "d.py", "--", "--n", "x"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("d.py: error: argument --n: invalid int value: 'x'"),
        "{err}"
    );
    assert!(!err.contains("SystemExit"), "{err}");
}
