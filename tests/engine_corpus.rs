//! Every dataset definition of the study corpus runs on the DataFusion engine over empty
//! tables: lowering and planning accept every real-world graph, and the result has the
//! dataset's columns and no rows beyond the patients of inline tables.

mod lang_support;

use std::path::Path;

use ehrql::engine::{run_dataset_with_events, MemorySource};
use ehrql::lang::{compile_definition, Output};

#[test]
fn every_corpus_dataset_runs_on_empty_tables() {
    let mut ran = 0;
    let mut failures = Vec::new();
    for (study, def, params) in lang_support::corpus_actions() {
        let compiled = compile_definition(Path::new(&def), &params, &study)
            .unwrap_or_else(|_| panic!("{def} compiles (see lang_corpus)"));
        let Output::Dataset(dataset) = &compiled.output else {
            continue;
        };
        let label = format!("{}/{def}", study.file_name().unwrap().to_string_lossy());
        match run_dataset_with_events(&compiled.arena, dataset, &MemorySource::new()) {
            Ok(out) => {
                let names: Vec<&str> = out
                    .dataset
                    .schema
                    .fields()
                    .iter()
                    .map(|f| f.name().as_str())
                    .collect();
                let mut expected = vec!["patient_id"];
                expected.extend(dataset.variables().iter().map(|(n, _)| n.as_str()));
                if names != expected {
                    failures.push(format!("{label}: columns {names:?}"));
                }
                // Only patients of inline tables (`table_from_file`, `table_from_rows`)
                // can be in a population over empty tables.
                let rows: usize = out.dataset.batches.iter().map(|b| b.num_rows()).sum();
                let inline =
                    ehrql::qm::introspect::inline_patient_ids(&compiled.arena, &dataset.roots());
                if rows > inline.len() {
                    failures.push(format!(
                        "{label}: {rows} rows from empty tables and {} inline patients",
                        inline.len()
                    ));
                }
                ran += 1;
            }
            Err(e) => failures.push(format!("{label}: {e}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(ran >= 40, "only {ran} corpus datasets ran");
}
