//! Module tests on small projects in temporary folders: local imports, packages, relative and
//! star imports, caching, cycles, `sys.argv`, reading project files, argparse exits.

use std::cell::RefCell;
use std::path::Path;
use std::rc::Rc;

use ehrql::eval::{Config, EvalError, Interpreter, Output};

struct Run {
    printed: String,
    result: Result<(), EvalError>,
}

/// Writes `files` into a fresh project and runs `main` with `args` as the user arguments.
fn run_project(
    files: &[(&str, &str)],
    main: &str,
    args: &[&str],
    configure: impl FnOnce(&mut Config),
) -> Run {
    let dir = tempfile::tempdir().expect("tempdir");
    for (path, text) in files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    }
    let buf = Rc::new(RefCell::new(String::new()));
    let mut config = Config::new(dir.path());
    config.output = Output::Buffer(buf.clone());
    config.argv = std::iter::once(main)
        .chain(args.iter().copied())
        .map(String::from)
        .collect();
    configure(&mut config);
    let mut it = Interpreter::new(config);
    let result = it.run_file(Path::new(main)).map(|_| ());
    let printed = buf.borrow().clone();
    Run { printed, result }
}

fn ok(files: &[(&str, &str)], main: &str) -> String {
    let r = run_project(files, main, &[], |_| {});
    if let Err(e) = r.result {
        panic!("unexpected error: {}", e.headline());
    }
    r.printed
}

fn fails(files: &[(&str, &str)], main: &str) -> String {
    run_project(files, main, &[], |_| {})
        .result
        .expect_err("fails")
        .headline()
}

#[test]
fn local_module_from_the_definition_folder_and_star_imports() {
    let printed = ok(
        &[
            (
                "analysis/d.py",
                "from codelists import *\nprint(asthma, copd)\nprint('_private' in dir())\n",
            ),
            (
                "analysis/codelists.py",
                "asthma = ['J45']\ncopd = ['J44']\n_private = 1\n",
            ),
        ],
        "analysis/d.py",
    );
    assert_eq!(printed, "['J45'] ['J44']\nFalse\n");
    let printed = ok(
        &[
            (
                "analysis/d.py",
                "from config import *\nprint(sorted(k for k in dir() if not k.startswith('__')))\n",
            ),
            ("analysis/config.py", "__all__ = ['a']\na = 1\nb = 2\n"),
        ],
        "analysis/d.py",
    );
    assert_eq!(printed, "['a']\n");
}

#[test]
fn packages_through_the_project_root_and_relative_imports() {
    let files = [
        (
            "analysis/d.py",
            "from analysis.lib.helpers import double\nimport analysis.lib.helpers as h\nprint(double(2), h.double(5))\n",
        ),
        ("analysis/__init__.py", ""),
        ("analysis/lib/__init__.py", "from .consts import FACTOR\n"),
        ("analysis/lib/consts.py", "FACTOR = 2\n"),
        (
            "analysis/lib/helpers.py",
            "from . import consts\nfrom .consts import FACTOR\ndef double(x):\n    return x * FACTOR * consts.FACTOR // 2\n",
        ),
    ];
    assert_eq!(ok(&files, "analysis/d.py"), "4 10\n");
}

#[test]
fn modules_run_once_and_are_cached() {
    let files = [
        (
            "d.py",
            "import m\nimport m as again\nfrom m import VALUE\nprint(m is again, VALUE)\n",
        ),
        ("m.py", "print('loading m')\nVALUE = 7\n"),
    ];
    assert_eq!(ok(&files, "d.py"), "loading m\nTrue 7\n");
}

#[test]
fn import_cycles_are_a_clear_error() {
    let files = [
        ("d.py", "import a\n"),
        ("a.py", "import b\n"),
        ("b.py", "import a\n"),
    ];
    assert_eq!(
        fails(&files, "d.py"),
        "ImportError: import cycle: a -> b -> a (modules cannot import each other)"
    );
}

#[test]
fn unknown_modules_and_names() {
    assert_eq!(
        fails(&[("d.py", "import numpy\n")], "d.py"),
        "ModuleNotFoundError: No module named 'numpy'"
    );
    assert_eq!(
        fails(
            &[
                ("d.py", "from helpers import nope\n"),
                ("helpers.py", "yes = 1\n")
            ],
            "d.py"
        ),
        "ImportError: cannot import name 'nope' from 'helpers' (helpers.py)"
    );
}

#[test]
fn sys_argv_and_argparse() {
    let src = "import sys, argparse\nprint(sys.argv)\np = argparse.ArgumentParser()\np.add_argument('--weeks', type=int, default=4)\nargs = p.parse_args()\nprint(args.weeks * 2)\n";
    let r = run_project(
        &[("analysis/d.py", src)],
        "analysis/d.py",
        &["--weeks", "5"],
        |_| {},
    );
    assert!(r.result.is_ok());
    assert_eq!(r.printed, "['analysis/d.py', '--weeks', '5']\n10\n");
    let r = run_project(
        &[("analysis/d.py", src)],
        "analysis/d.py",
        &["--weeks", "five"],
        |_| {},
    );
    let e = r.result.expect_err("argparse error");
    assert_eq!(e.exit_code, Some(2));
    assert_eq!(r.printed, "['analysis/d.py', '--weeks', 'five']\nusage: d.py [-h] [--weeks WEEKS]\nd.py: error: argument --weeks: invalid int value: 'five'\n");
}

#[test]
fn reading_project_files() {
    let files = [
        ("analysis/d.py", "import json\nfrom pathlib import Path\nwith open('analysis/config.json') as f:\n    a = json.load(f)\nb = json.loads((Path(__file__).parent / 'config.json').read_text())\nprint(a == b, a['start'], list(a))\n"),
        ("analysis/config.json", "{\"start\": \"2020-01-01\", \"groups\": [\"a\", \"b\"]}"),
    ];
    assert_eq!(
        ok(&files, "analysis/d.py"),
        "True 2020-01-01 ['start', 'groups']\n"
    );
}

#[test]
fn today_is_deterministic_or_an_error() {
    let files = [("d.py", "from datetime import date\nprint(date.today())\n")];
    assert!(fails(&files, "d.py")
        .starts_with("RuntimeError: date.today() and datetime.now() are not available"));
    let r = run_project(&files, "d.py", &[], |c| c.today = Some((2024, 3, 1)));
    assert!(r.result.is_ok());
    assert_eq!(r.printed, "2024-03-01\n");
}
