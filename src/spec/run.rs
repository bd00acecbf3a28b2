//! Running a case: its definition compiled with our language layer, run on an engine over
//! the case's tables, and the result compared with the expected rows.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::diagnostics::render_human;
use crate::engine::{run_dataset, DatasetResult, TableSource};
use crate::lang::compile_definition;
use crate::qm::{Arena, Dataset};

use super::{compare, memory_source, Case, Spec};

/// The engines a case can run on. The SQL issue adds SQLite here; everything that loops
/// over engines uses [`Engine::ALL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// The embedded engine (`crate::engine`, DataFusion).
    DataFusion,
}

impl Engine {
    pub const ALL: &'static [Engine] = &[Engine::DataFusion];

    pub fn name(self) -> &'static str {
        match self {
            Engine::DataFusion => "datafusion",
        }
    }

    /// Runs a compiled dataset over `source`; errors as text.
    pub fn run(
        self,
        arena: &Arena,
        dataset: &Dataset,
        source: &dyn TableSource,
    ) -> Result<DatasetResult, String> {
        match self {
            Engine::DataFusion => run_dataset(arena, dataset, source).map_err(|e| e.to_string()),
        }
    }
}

/// What happened when a case ran.
#[derive(Debug, Clone, PartialEq)]
pub enum CaseOutcome {
    Passed,
    /// Our language layer rejected the definition (rendered diagnostics).
    DidNotCompile(String),
    /// The case's tables could not be loaded, the engine failed or panicked.
    EngineError(String),
    /// The engine ran but gave other rows (a table diff).
    WrongResult(String),
}

impl CaseOutcome {
    pub fn passed(&self) -> bool {
        *self == CaseOutcome::Passed
    }
}

impl std::fmt::Display for CaseOutcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CaseOutcome::Passed => write!(f, "passed"),
            CaseOutcome::DidNotCompile(m) => write!(f, "does not compile:\n{m}"),
            CaseOutcome::EngineError(m) => write!(f, "engine error: {m}"),
            CaseOutcome::WrongResult(m) => write!(f, "{m}"),
        }
    }
}

/// The definition a case runs: the imports, then its whole definition, or a dataset whose
/// population is every patient in the tables and whose one column `value` is the expression.
pub fn definition_for(case: &Case) -> String {
    let head = "from spec_tables import e, p\nfrom ehrql import *\nfrom ehrql.codes import *\n";
    if case.whole_definition {
        format!("{head}{}\n", case.ehrql)
    } else {
        format!(
            "{head}dataset = create_dataset()\n\
             dataset.define_population(e.exists_for_patient() | p.exists_for_patient())\n\
             dataset.value = (\n{}\n)\n",
            case.ehrql
        )
    }
}

/// Runs cases from one spec directory. Definitions are compiled from a private temporary
/// project holding `spec_tables.py` (the spec's `tables.py`) and `dataset_definition.py`,
/// since the language layer reads definitions and their imports from a project directory.
pub struct Runner {
    dir: TempDir,
}

impl Runner {
    pub fn new(spec: &Spec) -> std::io::Result<Runner> {
        Runner::with_tables(&spec.tables_py)
    }

    /// A runner whose cases import `tables_py` as `spec_tables`.
    pub fn with_tables(tables_py: &str) -> std::io::Result<Runner> {
        let dir = TempDir::new()?;
        std::fs::write(dir.0.join("spec_tables.py"), tables_py)?;
        Ok(Runner { dir })
    }

    /// Compiles the case (see [`Runner::compile`]), runs it on `engine` and compares.
    pub fn run_case(&self, case: &Case, engine: Engine) -> CaseOutcome {
        let compiled = match self.compile(case) {
            Ok(c) => c,
            Err(m) => return CaseOutcome::DidNotCompile(m),
        };
        let Some(dataset) = compiled.dataset() else {
            return CaseOutcome::DidNotCompile(
                "the definition defines measures, not a dataset".into(),
            );
        };
        let source = match memory_source(case) {
            Ok(s) => s,
            Err(m) => return CaseOutcome::EngineError(m),
        };
        // A panic in one case must not hide the outcome of every other case.
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            engine.run(&compiled.arena, dataset, &source)
        }));
        match run {
            Ok(Ok(result)) => match compare(&case.expected, &result) {
                Ok(()) => CaseOutcome::Passed,
                Err(diff) => CaseOutcome::WrongResult(diff),
            },
            Ok(Err(m)) => CaseOutcome::EngineError(m),
            Err(panic) => CaseOutcome::EngineError(format!("panicked: {}", panic_message(&panic))),
        }
    }

    /// Compiles the case's definition ([`definition_for`]); errors as rendered diagnostics.
    pub fn compile(&self, case: &Case) -> Result<crate::lang::Compiled, String> {
        std::fs::write(
            self.dir.0.join("dataset_definition.py"),
            definition_for(case),
        )
        .map_err(|e| e.to_string())?;
        compile_definition(Path::new("dataset_definition.py"), &[], &self.dir.0).map_err(|e| {
            let text: Vec<String> = e
                .diagnostics
                .iter()
                .map(|d| render_human(d, &e.sources))
                .collect();
            text.join("\n")
        })
    }
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "(no message)".into()
    }
}

/// A directory under the system temporary directory, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> std::io::Result<TempDir> {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("ehrql-spec-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&path)?;
        Ok(TempDir(path))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs one case of `spec` on `engine` with a runner of its own; to run many cases, make
/// one [`Runner`] and call [`Runner::run_case`].
pub fn run_case(spec: &Spec, case: &Case, engine: Engine) -> CaseOutcome {
    match Runner::new(spec) {
        Ok(runner) => runner.run_case(case, engine),
        Err(e) => CaseOutcome::EngineError(format!("cannot make a temporary directory: {e}")),
    }
}
