//! ehrQL in Rust: the compiler and engines for OpenSAFELY dataset definitions.
//!
//! The pipeline is a row of stages with typed hand-offs (see `ARCHITECTURE.md`):
//! source → [`syntax`] (tokens, layout, AST) → evaluator → query model → engines.

// `Diagnostic` is deliberately rich (labels, help, notes, traceback); errors are the cold
// path, so its size in `Result` is not worth boxing everywhere.
#![allow(clippy::result_large_err)]

pub mod cli;
pub mod diagnostics;
pub mod engine;
pub mod eval;
pub mod io;
pub mod lang;
pub mod project;
pub mod qm;
pub mod spec;
pub mod syntax;
