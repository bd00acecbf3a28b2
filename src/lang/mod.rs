//! The ehrQL language: the `ehrql` modules that definitions import, built on the evaluator,
//! producing the query model; and [`compile_definition`], which runs a definition and
//! returns its dataset or measures.
//!
//! - `native`: the `ehrql._native` primitives; `series`, `series_methods`, `duration`: series objects and
//!   date arithmetic; `dataset`: `Dataset`; `convert`: literals and types; `codes`, `csv`,
//!   `gzip`: code formats, codelists and the files `table_from_file` reads; `tables`:
//!   table schemas, inline and file tables, column access; `state`: the
//!   per-run arena, spans and error translation;
//! - `py/`: the embedded Python modules (frames, tables, codes, measures, parameters);
//! - `compile`: loading a definition and finding its `dataset` or `measures`; `diagnose`:
//!   failures as diagnostics in the researcher's terms; `schema_doc`: `dump-schema`.

mod arrow_file;
mod codes;
mod compile;
mod convert;
mod csv;
mod dataset;
mod diagnose;
mod duration;
mod gzip;
mod native;
mod schema_doc;
mod series;
mod series_methods;
mod state;
mod tables;

pub use codes::{valid_code, valid_multi_code_prefix};
pub use compile::{
    compile_definition, compile_definition_with_limits, CompileError, Compiled, MeasureGroup,
    Output,
};
pub use schema_doc::{schema_markdown, schema_tables, ColumnDoc, TableDoc, SCHEMA_NAMES};

use crate::eval::{BuiltinModule, Interpreter};

/// The schema modules: (module name, source).
pub const SCHEMA_MODULES: &[(&str, &str)] = &[
    ("core", include_str!("../../schemas/core.py")),
    ("tpp", include_str!("../../schemas/tpp.py")),
    ("emis", include_str!("../../schemas/emis.py")),
    ("emisv2", include_str!("../../schemas/emisv2.py")),
    ("smoketest", include_str!("../../schemas/smoketest.py")),
    ("raw.core", include_str!("../../schemas/raw/core.py")),
    ("raw.tpp", include_str!("../../schemas/raw/tpp.py")),
    ("raw.emis", include_str!("../../schemas/raw/emis.py")),
];

const EMPTY_PACKAGE: &str = include_str!("py/empty_package.py");

/// Registers every `ehrql` module with an interpreter.
pub fn register_modules(it: &mut Interpreter) {
    it.register_module("ehrql", BuiltinModule::Python(include_str!("py/init.py")));
    it.register_module("ehrql._native", BuiltinModule::Native(native::init));
    it.register_module(
        "ehrql.exceptions",
        BuiltinModule::Python(include_str!("py/exceptions.py")),
    );
    it.register_module(
        "ehrql.codes",
        BuiltinModule::Python(include_str!("py/codes.py")),
    );
    it.register_module(
        "ehrql.query_language",
        BuiltinModule::Python(include_str!("py/query_language.py")),
    );
    it.register_module(
        "ehrql.tables",
        BuiltinModule::Python(include_str!("py/tables.py")),
    );
    it.register_module(
        "ehrql.measures",
        BuiltinModule::Python(include_str!("py/measures.py")),
    );
    it.register_module(
        "ehrql.user_parameters",
        BuiltinModule::Python(include_str!("py/user_parameters.py")),
    );
    for package in [
        "ehrql.tables.raw",
        "ehrql.tables.beta",
        "ehrql.tables.beta.raw",
    ] {
        it.register_module(package, BuiltinModule::Python(EMPTY_PACKAGE));
    }
    for (name, src) in SCHEMA_MODULES {
        it.register_module(&format!("ehrql.tables.{name}"), BuiltinModule::Python(src));
        it.register_module(
            &format!("ehrql.tables.beta.{name}"),
            BuiltinModule::Python(src),
        );
    }
}
