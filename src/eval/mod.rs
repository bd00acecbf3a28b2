//! The evaluator: a sandboxed Python subset that runs definition files.
//!
//! `Interpreter::new(Config { .. })` then `run_file(path)` runs a definition and returns its
//! module (globals readable through [`Module::get`]). Failures are [`EvalError`]s, which render
//! as diagnostics with a short traceback via [`EvalError::to_diagnostic`] and
//! [`Interpreter::sources`]. Extension points for ehrQL: [`NativeObject`] for Rust-implemented
//! values and [`Interpreter::register_module`] for built-in modules.
//!
//! Adding ehrQL on top (issue 4), in order:
//! 1. Implement [`NativeObject`] for each Rust value (series, frames, `Dataset`). Override only
//!    the hooks the value supports: `binary_op` (called with `reflected = true` for `0 + s`,
//!    so `sum` works), `compare` (may return a series), `truthy` (return an error to refuse
//!    `and`/`or`/`not`), `get_attr`/`set_attr` (`dataset.age = ...`, `setattr`), `has_method`
//!    plus `call_method`, `attribute_names` (did-you-mean). Raise Python errors with the
//!    helpers in [`error`]; the interpreter attaches the span and the call chain.
//! 2. Register modules with [`Interpreter::register_module`]: every dotted prefix needs an
//!    entry (`ehrql`, `ehrql.tables`, `ehrql.tables.tpp`), each either
//!    [`BuiltinModule::Native`] (fills the namespace from Rust) or [`BuiltinModule::Python`]
//!    (embedded source, e.g. the table schemas).
//! 3. Read results from the module returned by `run_file` ([`Module::get`]), downcasting
//!    natives with `as_any()`. Dates from the `datetime` shim: [`stdlib::datetime::as_date`].
//!
//! Running it: the tree-walker uses native stack per Python call, so run it on a thread with a
//! large stack and set [`Limits::max_stack_bytes`] below that size; deeper recursion becomes a
//! `RecursionError` instead of a crash.

pub mod builtins;
pub mod classes;
pub mod compare;
pub mod error;
pub mod format;
pub mod interp;
pub mod modules;
pub mod native;
pub mod ops;
pub mod protocols;
pub mod repr;
pub mod sandbox;
pub mod stdlib;
pub mod value;

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::diagnostics::{SourceFile, SourceMap};

pub use error::{EvalError, PyErr, PyResult};
pub use interp::Interpreter;
pub use modules::BuiltinModule;
pub use value::{Args, Module, NativeObject, Value};

/// Limits that stop runaway definitions. The defaults are generous for real studies.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Statements and loop iterations executed.
    pub max_steps: u64,
    /// Nested Python calls.
    pub max_depth: usize,
    /// Container elements plus string bytes allocated (approximate).
    pub max_memory: usize,
    /// Native stack the evaluator may use; keep below the running thread's stack size
    /// (8 MiB on the main thread, 2 MiB on spawned threads by default).
    pub max_stack_bytes: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_steps: 50_000_000,
            max_depth: 1000,
            max_memory: 200_000_000,
            max_stack_bytes: 1 << 20,
        }
    }
}

/// Where `print` writes.
#[derive(Clone, Default)]
pub enum Output {
    #[default]
    Stderr,
    Stdout,
    /// Captured, for tests.
    Buffer(Rc<RefCell<String>>),
}

#[derive(Clone)]
pub struct Config {
    /// The project directory: files outside it cannot be read; local imports resolve here.
    pub project_root: PathBuf,
    /// `sys.argv`: the definition path as typed, then the user's arguments.
    pub argv: Vec<String>,
    pub limits: Limits,
    pub output: Output,
    /// The environment variables definitions may read (`os.environ`, `os.getenv`): an
    /// allow-list chosen by the caller; nothing else from the real environment is visible.
    pub env: Vec<(String, String)>,
    /// What `date.today()` returns (year, month, day); `None` makes it an error, so a
    /// definition's result cannot silently depend on the day it runs.
    pub today: Option<(i64, i64, i64)>,
}

impl Config {
    pub fn new(project_root: impl Into<PathBuf>) -> Config {
        Config {
            project_root: project_root.into(),
            argv: Vec::new(),
            limits: Limits::default(),
            output: Output::default(),
            env: Vec::new(),
            today: None,
        }
    }
}

impl std::fmt::Debug for Module {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<module '{}'>", self.name)
    }
}

impl Module {
    /// A global of the module.
    pub fn get(&self, name: &str) -> Option<Value> {
        self.globals.borrow().get(name).cloned()
    }
}

impl Interpreter {
    /// The files loaded so far, for rendering diagnostics.
    pub fn sources(&self) -> &SourceMap {
        &self.sources
    }

    /// Runs a definition file (a path relative to the project root, or absolute inside it)
    /// as `__main__`.
    pub fn run_file(&mut self, path: &Path) -> Result<Rc<Module>, EvalError> {
        self.mark_stack_base();
        let result = (|| {
            let (canonical, text) = self.sandbox.read_to_string(&path.to_string_lossy())?;
            self.modules.main_dir = canonical.parent().map(Path::to_path_buf);
            if self.config.argv.is_empty() {
                self.config.argv.push(path.to_string_lossy().into_owned());
            }
            self.exec_main(path.to_path_buf(), canonical, text)
        })();
        result.map_err(|e| self.to_eval_error(e))
    }

    /// Runs source text as `__main__` (for tests and `-c`-style use), with `name` shown as its path.
    pub fn run_source(&mut self, name: &str, text: &str) -> Result<Rc<Module>, EvalError> {
        self.mark_stack_base();
        let root = self.sandbox.root().to_path_buf();
        if self.modules.main_dir.is_none() {
            self.modules.main_dir = Some(root.clone());
        }
        let r = self.exec_main(PathBuf::from(name), root.join(name), text.to_string());
        r.map_err(|e| self.to_eval_error(e))
    }

    fn exec_main(
        &mut self,
        display: PathBuf,
        file_path: PathBuf,
        text: String,
    ) -> PyResult<Rc<Module>> {
        let globals = value::new_namespace();
        {
            let mut g = globals.borrow_mut();
            g.insert(Rc::from("__name__"), Value::str("__main__"));
            g.insert(
                Rc::from("__file__"),
                Value::str(&file_path.to_string_lossy()),
            );
            g.insert(Rc::from("__package__"), Value::str(""));
        }
        let module = Rc::new(Module {
            name: Rc::from("__main__"),
            file: Some(file_path),
            globals: globals.clone(),
        });
        let file = self.sources.add(SourceFile::new(display, text));
        let ast = match crate::syntax::parse_module(&self.sources.get(file).text) {
            Ok(ast) => Rc::new(ast),
            Err(diag) => {
                let mut e = error::exception("SyntaxError", diag.message.clone());
                e.0.diagnostic = Some(Box::new(diag.in_file(file)));
                return Err(e);
            }
        };
        self.asts.push(ast.clone());
        self.modules.cache.insert("__main__".into(), module.clone());
        let frame = self.module_frame(globals, file, Rc::from("__main__"));
        self.exec_module_body(&frame, &ast.body)?;
        Ok(module)
    }

    /// Converts a Python exception that escaped the definition into the public error.
    pub fn to_eval_error(&mut self, e: PyErr) -> EvalError {
        let class = e.class();
        let message = self.to_str(&e.0.exc).unwrap_or_default();
        let exit_code = if class.name.as_ref() == "SystemExit" {
            Some(match self.exception_args(&e.0.exc).first() {
                None | Some(Value::None) => 0,
                Some(Value::Int(i)) => *i as i32,
                Some(_) => 1,
            })
        } else {
            None
        };
        let mut traceback = e.0.frames.clone();
        traceback.reverse();
        EvalError {
            kind: class.name.to_string(),
            message,
            location: e.0.location,
            traceback,
            help: e.0.help.clone(),
            exit_code,
            diagnostic: e.0.diagnostic.as_deref().cloned(),
        }
    }
}
