//! `ehrql generate-dataset`: compile a definition, run it on the embedded engine over dummy
//! tables (or take a dummy dataset verbatim), and write the result.

use std::path::PathBuf;
use std::time::Instant;

use super::{
    lang, DefinitionArgs, EXIT_DEFINITION, EXIT_FILE_VALIDATION, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE,
};
use crate::diagnostics::ErrorFormat;
use crate::engine::{run_dataset_with_progress, EngineError, RunOutput};
use crate::io::input::{read_dataset_file, DummyTables};
use crate::io::output::{write_dataset, OutputTable, OutputTarget};
use crate::lang::Output;
use crate::qm::introspect::{column_spec, column_specs, ColumnSpec};
use crate::qm::{Arena, Node, NodeId, Type};

#[derive(Debug, clap::Args)]
pub struct GenerateArgs {
    /// Where to write: a file (`.csv`, `.csv.gz`, `.arrow`, `.parquet`), or a folder for the
    /// dataset and its event tables (`DIR:csv`, `DIR/:arrow`, ...). CSV on stdout if absent.
    #[arg(long, value_name = "PATH")]
    pub output: Option<String>,
    /// A folder with one file per table (`patients.csv`, `clinical_events.csv.gz`, ...; CSV,
    /// csv.gz, Arrow or Parquet) to run the definition over.
    #[arg(long, value_name = "DIR", conflicts_with = "dummy_data_file")]
    pub dummy_tables: Option<PathBuf>,
    /// A dataset given verbatim (checked against the definition's columns) instead of
    /// running the definition.
    #[arg(long, value_name = "FILE")]
    pub dummy_data_file: Option<PathBuf>,
    #[command(flatten)]
    pub definition: DefinitionArgs,
}

fn log(msg: impl std::fmt::Display) {
    eprintln!("[info   ] {msg}");
}

pub fn run(args: &GenerateArgs, format: ErrorFormat) -> i32 {
    let start = Instant::now();
    let target = match OutputTarget::parse(args.output.as_deref()) {
        Ok(t) => t,
        Err(msg) => {
            eprintln!("error: argument --output: {msg}");
            return EXIT_USAGE;
        }
    };
    let tables = match &args.dummy_tables {
        Some(dir) => match DummyTables::new(dir) {
            Ok(t) => Some(t),
            Err(msg) => {
                eprintln!("error: argument --dummy-tables: {msg}");
                return EXIT_USAGE;
            }
        },
        None => None,
    };
    if let Err(err) = crate::project::check_definition_path(&args.definition.definition) {
        return super::load_error(&err);
    }
    log(format_args!(
        "Compiling dataset definition from {}",
        args.definition.definition.display()
    ));
    let compiled = match lang::compile(&args.definition, format) {
        Ok(c) => c,
        Err(code) => return code,
    };
    if let Err(code) = lang::check_permissions(&compiled, format) {
        return code;
    }
    let Output::Dataset(dataset) = &compiled.output else {
        eprintln!(
            "error: {} defines measures, not a dataset; generate-dataset needs `dataset = create_dataset()`",
            args.definition.definition.display()
        );
        return EXIT_DEFINITION;
    };
    let specs = column_specs(&compiled.arena, dataset);

    let output = if let Some(file) = &args.dummy_data_file {
        log("Generating dummy dataset");
        log(format_args!("Reading dummy data from {}", file.display()));
        read_dataset_file(file, &specs).map(|dataset| RunOutput {
            dataset,
            events: Vec::new(),
        })
    } else if let Some(tables) = &tables {
        log("Generating dummy dataset");
        log(format_args!(
            "Reading table data from {}",
            tables.dir().display()
        ));
        // Stage-by-stage progress when someone is watching (or asked for it).
        let watch = std::io::IsTerminal::is_terminal(&std::io::stderr())
            || std::env::var_os("EHRQL_PROGRESS").is_some();
        let progress = |msg: &str| {
            if watch {
                log(msg)
            }
        };
        run_dataset_with_progress(&compiled.arena, dataset, tables, &progress)
    } else {
        eprintln!(
            "error: no data to run on: pass --dummy-tables DIR (one file per table) or \
             --dummy-data-file FILE\n  = help: `ehrql dump-example-data` writes example tables \
             to try"
        );
        return EXIT_USAGE;
    };
    let output = match output {
        Ok(o) => o,
        Err(e) => return engine_error(&e),
    };

    let event_specs: Vec<(String, Vec<(String, ColumnSpec)>)> = dataset
        .events()
        .iter()
        .map(|(name, frame)| (name.clone(), event_table_specs(&compiled.arena, *frame)))
        .collect();
    let mut out_tables: Vec<OutputTable> = vec![("dataset", &output.dataset, &specs)];
    for ((name, result), (_, specs)) in output.events.iter().zip(&event_specs) {
        out_tables.push((name.as_str(), result, specs));
    }
    if let Err(e) = write_dataset(&target, &out_tables) {
        return engine_error(&e);
    }
    let rows: usize = output.dataset.batches.iter().map(|b| b.num_rows()).sum();
    if std::io::IsTerminal::is_terminal(&std::io::stderr()) || start.elapsed().as_secs() >= 5 {
        log(format_args!(
            "Wrote {rows} rows in {:.1}s",
            start.elapsed().as_secs_f64()
        ));
    }
    EXIT_OK
}

/// `patient_id` then each member of an event table.
fn event_table_specs(arena: &Arena, frame: NodeId) -> Vec<(String, ColumnSpec)> {
    let mut specs = vec![(
        "patient_id".to_string(),
        ColumnSpec {
            ty: Type::Int,
            nullable: false,
            categories: None,
            min_value: None,
            max_value: None,
        },
    )];
    if let Node::SeriesCollectionFrame { members } = arena.node(frame) {
        for (name, m) in members {
            specs.push((name.clone(), column_spec(arena, *m)));
        }
    }
    specs
}

/// Prints an engine error and returns its exit code.
pub fn engine_error(e: &EngineError) -> i32 {
    eprintln!("error: {e}");
    match e {
        EngineError::Input(_) => EXIT_FILE_VALIDATION,
        EngineError::Runtime(_) => EXIT_DEFINITION,
        EngineError::Internal(_) => EXIT_INTERNAL,
    }
}
