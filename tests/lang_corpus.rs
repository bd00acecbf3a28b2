//! Every definition of the study corpus (tests/corpus/) compiles, run from its study folder
//! with the arguments of its first `generate-dataset`/`generate-measures` action; the QM
//! display of each is snapshotted.

mod lang_support;

use std::path::Path;

use lang_support::corpus_actions as actions;

use ehrql::lang::compile_definition;

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
