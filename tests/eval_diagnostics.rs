//! Snapshot tests of rendered evaluator errors: a short traceback through helper modules,
//! did-you-mean hints and parse errors in imported files.

use std::path::Path;

use ehrql::diagnostics::render_human;
use ehrql::eval::{Config, Interpreter};

/// Writes `files` into a fresh project folder, runs `main`, and renders the error.
fn render_error(files: &[(&str, &str)], main: &str) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    for (path, text) in files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    }
    let mut it = Interpreter::new(Config::new(dir.path()));
    let err = it
        .run_file(Path::new(main))
        .expect_err("the definition fails");
    render_human(&err.to_diagnostic(), it.sources())
}

#[test]
fn traceback_through_two_helper_modules() {
    let rendered = render_error(
        &[
            (
                "analysis/dataset_definition.py",
                "from helpers import build\n\ndataset = build(3)\n",
            ),
            (
                "analysis/helpers.py",
                "from lib.columns import column_name\n\ndef build(n):\n    names = [column_name(i) for i in range(n)]\n    return names\n",
            ),
            ("analysis/lib/__init__.py", ""),
            (
                "analysis/lib/columns.py",
                "PREFIX = 'age'\n\ndef column_name(i):\n    return f\"{PREFIXX}_{i}\"\n",
            ),
        ],
        "analysis/dataset_definition.py",
    );
    insta::assert_snapshot!(rendered);
}

#[test]
fn attribute_error_in_main() {
    let rendered = render_error(&[("d.py", "config = {'a': 1}\nconfig.itmes()\n")], "d.py");
    insta::assert_snapshot!(rendered);
}

#[test]
fn syntax_error_in_imported_module() {
    let rendered = render_error(
        &[("d.py", "import broken\n"), ("broken.py", "x = (1,\n")],
        "d.py",
    );
    insta::assert_snapshot!(rendered);
}
