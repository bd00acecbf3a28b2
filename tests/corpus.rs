//! Corpus test: every Python file under `tests/corpus` (realistic OpenSAFELY study projects)
//! must parse with the front end.
//!
//! The corpus stands in for real studies, so a parse failure here means a researcher's file
//! would be rejected. Every failure is printed with its path and rendered diagnostic before the
//! test fails, so one run shows all of them rather than the first.

use std::fs;
use std::path::{Path, PathBuf};

use ehrql::diagnostics::{render_human, SourceFile, SourceMap};
use ehrql::syntax::parse_module;

/// The corpus is meant to cover many studies; fewer definition files than this means files
/// went missing (for example a bad move), not that the parser got better.
const MIN_DEFINITION_FILES: usize = 40;

fn corpus_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("corpus")
}

/// All `.py` files below `dir`, sorted so failures print in a stable order.
fn python_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let entries = fs::read_dir(&current)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", current.display()));
        for entry in entries {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == "py") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

fn is_definition_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|name| name.to_str())
        .is_some_and(|name| name.contains("definition") && name.ends_with(".py"))
}

#[test]
fn every_corpus_file_parses() {
    let root = corpus_root();
    let files = python_files(&root);
    let mut sources = SourceMap::new();
    let mut failures = Vec::new();
    let mut definitions = 0;

    for path in &files {
        if is_definition_file(path) {
            definitions += 1;
        }
        let text = fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let shown = path.strip_prefix(&root).unwrap_or(path).to_path_buf();
        let file = sources.add(SourceFile::new(shown.clone(), text.clone()));
        if let Err(diag) = parse_module(&text) {
            let rendered = render_human(&diag.in_file(file), &sources);
            failures.push(format!("{}:\n{rendered}", shown.display()));
        }
    }

    for failure in &failures {
        eprintln!("{failure}\n");
    }
    assert!(
        failures.is_empty(),
        "{} of {} corpus files failed to parse (see above)",
        failures.len(),
        files.len()
    );
    assert!(
        definitions >= MIN_DEFINITION_FILES,
        "expected at least {MIN_DEFINITION_FILES} definition files under {}, saw {definitions}",
        root.display()
    );
}

#[test]
fn corpus_walk_finds_helper_modules_too() {
    // Helper modules (codelists.py, variable_lib.py, package __init__.py files) are parsed as
    // well; check the walk reaches below `analysis/` so they cannot silently drop out.
    let files = python_files(&corpus_root());
    let helpers = files.iter().filter(|p| !is_definition_file(p)).count();
    let nested = files
        .iter()
        .filter(|p| p.components().any(|c| c.as_os_str() == "analysis"))
        .count();
    assert!(helpers >= 10, "only {helpers} helper modules found");
    assert_eq!(
        nested,
        files.len(),
        "every corpus .py file lives under an analysis/ folder"
    );
}
