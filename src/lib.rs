//! ehrQL in Rust: the compiler and engines for OpenSAFELY dataset definitions.
//!
//! The pipeline is a row of stages with typed hand-offs (see `ARCHITECTURE.md`):
//! source → [`syntax`] (tokens, layout, AST) → evaluator → query model → engines.

pub mod diagnostics;
pub mod syntax;
pub mod cli;
pub mod project;
