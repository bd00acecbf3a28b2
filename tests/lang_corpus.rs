//! Every definition of the study corpus (tests/corpus/) compiles, run from its study folder
//! with the arguments of its first `generate-dataset`/`generate-measures` action; the QM
//! display of each is snapshotted.

mod lang_support;

use std::path::{Path, PathBuf};

use ehrql::lang::compile_definition;

/// (study folder, definition path, arguments) for each distinct definition in project.yaml.
fn actions() -> Vec<(PathBuf, String, Vec<String>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut studies: Vec<PathBuf> = std::fs::read_dir(&root)
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

fn datasets(c: &ehrql::lang::Compiled) -> Vec<ehrql::qm::Dataset> {
    match &c.output {
        ehrql::lang::Output::Dataset(d) => vec![d.clone()],
        ehrql::lang::Output::Measures(groups) => groups.iter().map(|g| g.dataset.clone()).collect(),
    }
}

#[test]
fn every_corpus_definition_compiles() {
    let actions = actions();
    assert!(
        actions.len() >= 40,
        "only {} corpus definitions found",
        actions.len()
    );
    let mut failures = Vec::new();
    for (study, def, params) in &actions {
        let name = format!(
            "{}__{}",
            study.file_name().unwrap().to_string_lossy(),
            def.replace(['/', '.'], "_")
        );
        match compile_definition(Path::new(def), params, study) {
            Ok(c) => {
                // The required sort rewrite accepts every corpus graph.
                let mut arena = c.arena.clone();
                for d in datasets(&c) {
                    if let Err(e) = ehrql::qm::rewrite::rewrite_dataset_sorts(&mut arena, &d) {
                        failures.push(format!("{name}: sort rewrite failed: {e}"));
                    }
                }
                // The serialised QM reads back to the same graph.
                if let Some(d) = c.dataset() {
                    let json = ehrql::qm::serial::to_json(&c.arena, d);
                    let mut arena = ehrql::qm::Arena::new();
                    match ehrql::qm::serial::from_json(&mut arena, &json) {
                        Ok(back) => assert_eq!(
                            ehrql::qm::display::display_dataset(&arena, &back),
                            ehrql::qm::display::display_dataset(&c.arena, d),
                            "{name}: JSON round trip"
                        ),
                        Err(e) => failures.push(format!("{name}: JSON does not read back: {e}")),
                    }
                }
                let mut settings = insta::Settings::clone_current();
                settings.set_snapshot_suffix(name);
                settings.set_prepend_module_to_snapshot(false);
                settings.bind(|| insta::assert_snapshot!("corpus", lang_support::show(&c)));
            }
            Err(e) => {
                let text: Vec<String> = e
                    .diagnostics
                    .iter()
                    .map(|d| ehrql::diagnostics::render_human(d, &e.sources))
                    .collect();
                failures.push(format!("{name}:\n{}", text.join("\n")));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        actions.len(),
        failures.join("\n\n")
    );
}
