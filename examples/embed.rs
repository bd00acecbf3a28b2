//! Embedding ehrql as a library: compile a definition, run it over dummy tables on the
//! embedded engine, and write the dataset, with no CLI involved.
//!
//!     cargo run --example embed -- examples/asthma examples/data /tmp/asthma.csv
//!
//! (arguments: study folder, tables folder, output file).

use std::path::Path;

use ehrql::engine::run_dataset;
use ehrql::io::input::DummyTables;
use ehrql::io::output::{write_dataset, OutputTarget};
use ehrql::lang::{compile_definition, Output};
use ehrql::qm::introspect::column_specs;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [study, tables, output] = args.as_slice() else {
        return Err("usage: embed STUDY_DIR TABLES_DIR OUTPUT".into());
    };
    let tables = DummyTables::new(Path::new(tables).canonicalize()?)?;

    // Compile: the definition runs in the sandboxed evaluator, giving the query model.
    let params = vec!["--index-date".to_string(), "2024-01-01".to_string()];
    let compiled = compile_definition(
        Path::new("analysis/dataset_definition.py"),
        &params,
        Path::new(study),
    )
    .map_err(|e| format!("{} error(s) in the definition", e.diagnostics.len()))?;
    let Output::Dataset(dataset) = &compiled.output else {
        return Err("not a dataset definition".into());
    };

    // Run on DataFusion and write, as `generate-dataset` does.
    let result = run_dataset(&compiled.arena, dataset, &tables)?;
    let specs = column_specs(&compiled.arena, dataset);
    let target = OutputTarget::parse(Some(output))?;
    write_dataset(&target, &[("dataset", &result, &specs)])?;
    let rows: usize = result.batches.iter().map(|b| b.num_rows()).sum();
    eprintln!("wrote {rows} patients to {output}");
    Ok(())
}
