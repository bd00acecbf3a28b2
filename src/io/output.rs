//! `--output`: where results go (stdout, one file, or a directory of files) and writing
//! them, each file through a temporary file renamed into place.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use super::arrow_write::{prepare, write_arrow, write_parquet};
use super::csv_write::write_csv;
use super::format::{display_path, file_extension, table_file, FileFormat};
use crate::engine::{DatasetResult, EngineError};
use crate::qm::introspect::ColumnSpec;

/// Where `generate-dataset` writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutputTarget {
    /// CSV on stdout (no `--output`).
    Stdout,
    /// One file, its format from its extension.
    File { path: PathBuf, format: FileFormat },
    /// A directory (`dir:fmt` or `dir/:fmt`) with one file per table.
    Dir { path: PathBuf, format: FileFormat },
}

/// A table to write: its name (`dataset`, then event tables), rows and column specs
/// (`patient_id` first, matching the result's columns).
pub type OutputTable<'a> = (&'a str, &'a DatasetResult, &'a [(String, ColumnSpec)]);

impl OutputTarget {
    /// Parses `--output`, with the reference's messages for a missing or unsupported
    /// format.
    pub fn parse(arg: Option<&str>) -> Result<OutputTarget, String> {
        let Some(arg) = arg else {
            return Ok(OutputTarget::Stdout);
        };
        let path = Path::new(arg);
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let extensions = || FileFormat::ALL.iter().map(|f| f.extension());
        if let Some((dir_name, fmt)) = name.rsplit_once(':') {
            let ext = format!(".{fmt}");
            let Some(format) = FileFormat::from_extension(&ext) else {
                let allowed: Vec<String> =
                    extensions().map(|e| format!("`:{}`", &e[1..])).collect();
                return Err(format!(
                    "':{fmt}' is not a supported format, must be one of: {}",
                    allowed.join(", ")
                ));
            };
            let parent = path.parent().unwrap_or(Path::new(""));
            let dir = if dir_name.is_empty() {
                parent.to_path_buf()
            } else {
                parent.join(dir_name)
            };
            return Ok(OutputTarget::Dir { path: dir, format });
        }
        let ext = file_extension(path);
        if ext.is_empty() {
            let shown = display_path(path);
            let stem = Path::new(&shown)
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("");
            let files: Vec<String> = extensions().map(|e| format!("{stem}{e}")).collect();
            let dirs: Vec<String> = extensions()
                .map(|e| format!("{stem}/:{}", &e[1..]))
                .collect();
            return Err(format!(
                "No file format specified\n\nTo write a single file use a file extension e.g.\n  {}\n\n\
                 To write multiple files use a directory extension e.g.\n  {}\n",
                files.join("\n  "),
                dirs.join("\n  ")
            ));
        }
        match FileFormat::from_extension(&ext) {
            Some(format) => Ok(OutputTarget::File {
                path: path.to_path_buf(),
                format,
            }),
            None => {
                let allowed: Vec<String> = extensions().map(|e| format!("`{e}`")).collect();
                Err(format!(
                    "'{ext}' is not a supported format, must be one of: {}",
                    allowed.join(", ")
                ))
            }
        }
    }
}

/// Writes the tables (the dataset first) to `target`. Nothing is left at the destination
/// if writing fails: each file is written beside it under a temporary name and renamed
/// once every file is complete.
pub fn write_dataset(target: &OutputTarget, tables: &[OutputTable]) -> Result<(), EngineError> {
    match target {
        OutputTarget::Stdout => write_stdout(tables),
        OutputTarget::File { path, format } => {
            if tables.len() != 1 {
                return Err(EngineError::Input(too_many_tables(path, tables.len())));
            }
            commit(vec![write_temp(path, *format, &tables[0])?])
        }
        OutputTarget::Dir { path, format } => {
            let mut written = Vec::new();
            for table in tables {
                match write_temp(&table_file(path, table.0, *format), *format, table) {
                    Ok(w) => written.push(w),
                    Err(e) => {
                        for (tmp, _) in written {
                            let _ = std::fs::remove_file(tmp);
                        }
                        return Err(e);
                    }
                }
            }
            commit(written)
        }
    }
}

fn too_many_tables(path: &Path, n: usize) -> String {
    // The reference suggests `<parent>/<stem>/:<last suffix>`.
    let shown = display_path(path);
    let (stem, suffix) = match shown.rsplit_once('.') {
        Some((stem, suffix)) if !stem.ends_with('/') && !stem.is_empty() => {
            (stem.to_string(), suffix.to_string())
        }
        _ => (shown.clone(), String::new()),
    };
    format!(
        "Attempting to write {n} tables, but output only supports a single table\n  Instead of -> {shown}\n         try -> {stem}/:{suffix}"
    )
}

fn write_stdout(tables: &[OutputTable]) -> Result<(), EngineError> {
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let io = |e: std::io::Error| EngineError::Internal(format!("writing to stdout: {e}"));
    for (i, (name, result, specs)) in tables.iter().enumerate() {
        if i > 0 {
            out.write_all(b"\n\n").map_err(io)?;
        }
        if tables.len() > 1 {
            writeln!(out, "{name}").map_err(io)?;
        }
        let names: Vec<&str> = specs.iter().map(|(n, _)| n.as_str()).collect();
        write_csv(&mut out, &names, &result.batches).map_err(io)?;
    }
    out.flush().map_err(io)
}

/// Writes one table to a temporary file beside `dest`; returns (temporary, destination).
fn write_temp(
    dest: &Path,
    format: FileFormat,
    table: &OutputTable,
) -> Result<(PathBuf, PathBuf), EngineError> {
    let (_, result, specs) = *table;
    let shown = display_path(dest);
    let io = |e: std::io::Error| EngineError::Internal(format!("writing {shown}: {e}"));
    // Convert before touching the disk, so bad values (an unknown category) create nothing.
    let arrow = match format {
        FileFormat::Arrow | FileFormat::Parquet => {
            Some(prepare(specs, &result.batches).map_err(EngineError::Input)?)
        }
        _ => None,
    };
    let dir = dest
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io)?;
    let file_name = dest
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("output");
    let tmp = dir.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let result = (|| -> Result<(), EngineError> {
        let file = BufWriter::with_capacity(1 << 20, File::create(&tmp).map_err(io)?);
        let names: Vec<&str> = specs.iter().map(|(n, _)| n.as_str()).collect();
        match format {
            FileFormat::Csv => {
                let mut file = file;
                write_csv(&mut file, &names, &result.batches).map_err(io)?;
                file.into_inner()
                    .map_err(|e| io(e.into_error()))?
                    .sync_all()
                    .map_err(io)?;
            }
            FileFormat::CsvGz => {
                let mut gz = flate2::write::GzEncoder::new(file, flate2::Compression::new(6));
                write_csv(&mut gz, &names, &result.batches).map_err(io)?;
                gz.finish().map_err(io)?.flush().map_err(io)?;
            }
            FileFormat::Arrow => {
                let (schema, batches) = arrow.as_ref().expect("prepared");
                write_arrow(file, schema, batches).map_err(EngineError::Internal)?;
            }
            FileFormat::Parquet => {
                let (schema, batches) = arrow.as_ref().expect("prepared");
                write_parquet(file, schema, batches).map_err(EngineError::Internal)?;
            }
        }
        Ok(())
    })();
    match result {
        Ok(()) => Ok((tmp, dest.to_path_buf())),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

fn commit(files: Vec<(PathBuf, PathBuf)>) -> Result<(), EngineError> {
    for (tmp, dest) in files {
        std::fs::rename(&tmp, &dest)
            .map_err(|e| EngineError::Internal(format!("writing {}: {e}", display_path(&dest))))?;
    }
    Ok(())
}
