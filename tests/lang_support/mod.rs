//! Helpers for the language tests: compile a definition written into a temporary project.

#![allow(dead_code)]

use std::path::Path;

use ehrql::diagnostics::render_human;
use ehrql::lang::{compile_definition, Compiled, Output};
use ehrql::qm::display;

/// Writes `files` (path, text) into a fresh project and compiles `dataset_definition.py`.
pub fn compile_files(files: &[(&str, &str)], params: &[&str]) -> Result<Compiled, (String, i32)> {
    let dir = tempfile::tempdir().expect("tempdir");
    for (path, text) in files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text).unwrap();
    }
    let params: Vec<String> = params.iter().map(|s| s.to_string()).collect();
    compile_definition(Path::new("dataset_definition.py"), &params, dir.path()).map_err(|e| {
        let text: Vec<String> = e
            .diagnostics
            .iter()
            .map(|d| render_human(d, &e.sources))
            .collect();
        (text.join("\n"), e.exit_code)
    })
}

pub fn compile(src: &str) -> Result<Compiled, (String, i32)> {
    compile_files(&[("dataset_definition.py", src)], &[])
}

/// The QM display of a compiled definition.
pub fn show(c: &Compiled) -> String {
    match &c.output {
        Output::Dataset(d) => display::display_dataset(&c.arena, d),
        Output::Measures(groups) => groups
            .iter()
            .map(|g| {
                format!(
                    "# {}\n{}",
                    g.measure_names.join(", "),
                    display::display_dataset(&c.arena, &g.dataset)
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// Compiles and displays, panicking with the rendered error on failure.
pub fn qm(src: &str) -> String {
    match compile(src) {
        Ok(c) => show(&c),
        Err((e, _)) => panic!("definition failed:\n{e}"),
    }
}

/// Compiles expecting failure; returns the rendered error.
pub fn error(src: &str) -> String {
    match compile(src) {
        Ok(c) => panic!("definition compiled:\n{}", show(&c)),
        Err((e, _)) => e,
    }
}

/// Compiles a dataset whose only column is `expr`, with core's `patients` and `clinical_events`
/// imported, and returns the QM display.
pub fn column(imports: &str, expr: &str) -> String {
    qm(&format!(
        "from ehrql import *\nfrom ehrql.tables.core import *\n{imports}\ndataset = create_dataset()\n\
         dataset.define_population(patients.exists_for_patient())\ndataset.v = {expr}\n"
    ))
}

/// (study folder, definition path, arguments) for each distinct definition in project.yaml.
pub fn corpus_actions() -> Vec<(std::path::PathBuf, String, Vec<String>)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut studies: Vec<std::path::PathBuf> = std::fs::read_dir(&root)
        .expect("corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("project.yaml").is_file())
        .collect();
    studies.sort();
    let mut out = Vec::new();
    for study in studies {
        let yaml = std::fs::read_to_string(study.join("project.yaml")).unwrap();
        let mut seen = std::collections::HashSet::new();
        for line in yaml.lines() {
            let Some(run) = line.trim().strip_prefix("run:") else {
                continue;
            };
            let words: Vec<&str> = run.split_whitespace().collect();
            let Some(i) = words
                .iter()
                .position(|w| *w == "generate-dataset" || *w == "generate-measures")
            else {
                continue;
            };
            let Some(def) = words.get(i + 1) else {
                continue;
            };
            let params: Vec<String> = match words.iter().position(|w| *w == "--") {
                Some(j) => words[j + 1..]
                    .iter()
                    .map(|w| w.trim_matches('"').trim_matches('\'').to_string())
                    .collect(),
                None => vec![],
            };
            if seen.insert(def.to_string()) {
                out.push((study.clone(), def.to_string(), params));
            }
        }
    }
    out
}
