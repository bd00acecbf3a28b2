//! Reading input tables and writing results: dummy tables and dataset files in CSV,
//! csv.gz, Arrow IPC and Parquet (`input`), and `--output` targets (`output`).
//!
//! Behaviour and messages follow the reference's file formats (see
//! `ehrql-cli-dummy.md` §3); Parquet is our addition.

mod arrow_read;
mod arrow_write;
mod columns;
mod csv_chunks;
mod csv_convert;
mod csv_read;
mod csv_write;
mod format;
pub mod input;
pub mod output;
mod values;

pub use format::FileFormat;
