//! The command-line interface: argument parsing, running a stage, printing diagnostics, and
//! exit codes.
//!
//! Exit codes (documented in README.md):
//! 0 success; 1 internal error; 2 usage error (bad arguments, missing or unreadable
//! definition file, not a `.py` file); 10 definition error (syntax, evaluation, ehrQL);
//! 11 file validation error; 12 permissions error.

mod example;
mod explain;
mod generate;
mod lang;
mod spec;

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::diagnostics::{render_human, render_json, Diagnostic, ErrorFormat, SourceMap};
use crate::eval::Limits;
use crate::project::{parse_project, LoadError};

pub const EXIT_OK: i32 = 0;
pub const EXIT_INTERNAL: i32 = 1;
pub const EXIT_USAGE: i32 = 2;
pub const EXIT_DEFINITION: i32 = 10;
pub const EXIT_FILE_VALIDATION: i32 = 11;
pub const EXIT_PERMISSIONS: i32 = 12;

/// ehrQL: turn electronic health records into research datasets.
#[derive(Debug, Parser)]
#[command(name = "ehrql", version, about, long_about = None)]
pub struct Cli {
    /// How to print errors: `human` (rustc-style) or `json` (one object per line).
    #[arg(long, value_enum, global = true, default_value_t = ErrorFormat::Human)]
    pub error_format: ErrorFormat,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a dataset definition over dummy tables and write the dataset.
    GenerateDataset(generate::GenerateArgs),
    /// Check a definition file and the local modules it imports, reporting every error.
    Check(DefinitionArgs),
    /// Print one stage of the compiler for a definition file.
    Explain {
        /// The stage to print.
        #[arg(long, value_enum)]
        emit: explain::Stage,
        #[command(flatten)]
        definition: DefinitionArgs,
    },
    /// Run a definition and print its query model as JSON.
    SerializeDefinition(DefinitionArgs),
    /// Write the bundled example tables (core schema, 300 synthetic patients) to a folder,
    /// ready for `generate-dataset --dummy-tables`.
    DumpExampleData {
        /// The folder to write (default `example-data`).
        dir: Option<PathBuf>,
        /// The folder to write (the reference's spelling of the same option).
        #[arg(short = 'd', long = "dst-dir", conflicts_with = "dir")]
        dst_dir: Option<PathBuf>,
    },
    /// Print the tables of a schema module (core, tpp, emis, emisv2, smoketest, raw.core, ...).
    DumpSchema {
        /// The schema module, e.g. `core` or `tpp`.
        #[arg(default_value = "core")]
        schema: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = lang::SchemaFormat::Md)]
        format: lang::SchemaFormat,
    },
    /// Render the spec chapters as the Markdown language reference.
    RenderSpec(spec::RenderSpecArgs),
}

#[derive(Debug, clap::Args)]
pub struct DefinitionArgs {
    /// The definition file, e.g. analysis/dataset_definition.py.
    pub definition: PathBuf,
    /// Most statements and loop iterations the definition may run before it is stopped.
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_steps)]
    pub max_steps: u64,
    /// Deepest nesting of Python function calls allowed.
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_depth)]
    pub max_depth: usize,
    /// Most container elements plus string bytes the definition may allocate.
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_memory)]
    pub max_memory: usize,
    /// Parameters passed to the definition (after `--`), seen as `sys.argv[1:]`.
    #[arg(last = true)]
    pub params: Vec<String>,
}

impl DefinitionArgs {
    /// The evaluator limits the flags ask for. The native stack budget fits inside the
    /// worker thread `main` starts (256 MiB).
    pub fn limits(&self) -> Limits {
        Limits {
            max_steps: self.max_steps,
            max_depth: self.max_depth,
            max_memory: self.max_memory,
            max_stack_bytes: 192 * 1024 * 1024,
        }
    }
}

/// Runs the CLI with already-parsed arguments and returns the exit code.
pub fn run(cli: Cli) -> i32 {
    let format = cli.error_format;
    match cli.command {
        Command::GenerateDataset(args) => generate::run(&args, format),
        Command::Check(args) => check(&args, format),
        Command::Explain { emit, definition } => explain::run(emit, &definition, format),
        Command::SerializeDefinition(args) => {
            if let Err(err) = crate::project::check_definition_path(&args.definition) {
                return load_error(&err);
            }
            lang::serialize(&args, format)
        }
        Command::DumpSchema { schema, format } => lang::dump_schema(&schema, format),
        Command::DumpExampleData { dir, dst_dir } => example::dump(
            &dir.or(dst_dir)
                .unwrap_or_else(|| PathBuf::from("example-data")),
        ),
        Command::RenderSpec(args) => spec::render_spec(&args),
    }
}

fn check(args: &DefinitionArgs, format: ErrorFormat) -> i32 {
    let root = project_root();
    let project = match parse_project(&args.definition, &root) {
        Ok(p) => p,
        Err(err) => return load_error(&err),
    };
    if !project.errors.is_empty() {
        return report(&project.errors, &project.sources, format);
    }
    if let Some((file, _)) = project.modules.first() {
        if project.sources.get(*file).text.trim().is_empty() {
            let diag = Diagnostic::error("E0021", "the definition file is empty")
                .in_file(*file)
                .help("a dataset definition assigns `dataset = create_dataset()` and defines its population");
            return report(&[diag], &project.sources, format);
        }
    }
    match lang::compile(args, format) {
        Ok(compiled) => {
            if let Err(code) = lang::check_permissions(&compiled, format) {
                return code;
            }
            eprintln!("{}", lang::summary(args, &compiled));
            EXIT_OK
        }
        Err(code) => code,
    }
}

/// The project root: the current directory, as the reference runs definitions.
pub fn project_root() -> PathBuf {
    std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."))
}

/// Prints a load failure and returns its exit code.
pub fn load_error(err: &LoadError) -> i32 {
    eprintln!("error: {err}");
    EXIT_USAGE
}

/// Prints diagnostics in the chosen format and returns the definition-error exit code.
pub fn report(diags: &[Diagnostic], sources: &SourceMap, format: ErrorFormat) -> i32 {
    let stderr = std::io::stderr();
    let mut out = stderr.lock();
    for diag in diags {
        let text = match format {
            ErrorFormat::Human => format!("{}\n", render_human(diag, sources)),
            ErrorFormat::Json => render_json(diag, sources),
        };
        let _ = writeln!(out, "{text}");
    }
    if format == ErrorFormat::Human && diags.len() > 1 {
        let _ = writeln!(out, "error: {} errors found", diags.len());
    }
    EXIT_DEFINITION
}
