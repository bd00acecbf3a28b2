//! Input files: `--dummy-tables DIR` as a [`TableSource`], and `--dummy-data-file` (a
//! dataset given verbatim), with the reference's validation and messages.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use arrow_array::RecordBatch;

use super::arrow_read::{read_arrow, read_parquet};
use super::columns::TableReq;
use super::csv_read::read_csv;
use super::format::{display_path, file_extension, table_file, FileFormat};
use crate::engine::{DatasetResult, EngineError, RowFilter, TableSource};
use crate::qm::introspect::ColumnSpec;
use crate::qm::Table;

/// A directory with one file per table (`<table>.csv`, `.csv.gz`, `.arrow` or
/// `.parquet`), all in one format.
#[derive(Debug)]
pub struct DummyTables {
    dir: PathBuf,
    /// Found on first use: a definition that reads no table needs no data files.
    format: OnceLock<Result<FileFormat, String>>,
}

impl DummyTables {
    /// Errors as the CLI reports a bad `--dummy-tables` argument: `<p> does not exist`,
    /// `<p> is not a directory`.
    pub fn new(dir: impl Into<PathBuf>) -> Result<DummyTables, String> {
        let dir = dir.into();
        if !dir.exists() {
            return Err(format!("{} does not exist", dir.display()));
        }
        if !dir.is_dir() {
            return Err(format!("{} is not a directory", dir.display()));
        }
        Ok(DummyTables {
            dir,
            format: OnceLock::new(),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn format(&self) -> Result<FileFormat, String> {
        self.format
            .get_or_init(|| directory_format(&self.dir))
            .clone()
    }
}

impl DummyTables {
    fn read(
        &self,
        table: &Table,
        columns: &[String],
        keep: Option<RowFilter>,
    ) -> Result<Vec<RecordBatch>, EngineError> {
        let format = self.format().map_err(EngineError::Input)?;
        let path = table_file(&self.dir, &table.name, format);
        let req = TableReq::for_table(table, columns);
        read_file(&path, format, &req, keep)
    }
}

impl TableSource for DummyTables {
    fn load(&self, table: &Table, columns: &[String]) -> Result<Vec<RecordBatch>, EngineError> {
        self.read(table, columns, None)
    }

    /// Filters each chunk as it is parsed, so a big table's unwanted rows are never all
    /// in memory.
    fn load_filtered(
        &self,
        table: &Table,
        columns: &[String],
        keep: RowFilter,
    ) -> Result<Vec<RecordBatch>, EngineError> {
        self.read(table, columns, Some(keep))
    }
}

/// The one data format among a directory's files: `No supported file formats found in:
/// p`, `Found multiple file formats (.arrow, .csv) in: p`. Other files (a README) are
/// allowed.
fn directory_format(dir: &Path) -> Result<FileFormat, String> {
    let shown = display_path(dir);
    if !dir.exists() {
        return Err(format!("Missing directory: {shown}"));
    }
    if !dir.is_dir() {
        return Err(format!("Not a directory: {shown}"));
    }
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{shown}: {e}"))?;
    let mut found = BTreeSet::new();
    for entry in entries.flatten() {
        let ext = file_extension(&entry.path());
        if let Some(f) = FileFormat::from_extension(&ext) {
            found.insert((f.extension(), f));
        }
    }
    match found.len() {
        0 => Err(format!("No supported file formats found in: {shown}")),
        1 => Ok(found.into_iter().next().expect("one format").1),
        _ => {
            let names: Vec<&str> = found.iter().map(|(e, _)| *e).collect();
            Err(format!(
                "Found multiple file formats ({}) in: {shown}",
                names.join(", ")
            ))
        }
    }
}

/// Reads one table file in `format`: `Missing file: p` when it is not there. There is
/// always at least one batch (perhaps empty), so the schema travels with the rows.
fn read_file(
    path: &Path,
    format: FileFormat,
    req: &TableReq,
    keep: Option<RowFilter>,
) -> Result<Vec<RecordBatch>, EngineError> {
    let shown = display_path(path);
    if !path.is_file() {
        return Err(EngineError::Input(format!("Missing file: {shown}")));
    }
    let mut batches = match format {
        FileFormat::Csv => read_csv(path, false, &shown, req, keep),
        FileFormat::CsvGz => read_csv(path, true, &shown, req, keep),
        FileFormat::Arrow => read_arrow(path, &shown, req, keep),
        FileFormat::Parquet => read_parquet(path, &shown, req, keep),
    }?;
    if batches.is_empty() {
        batches.push(RecordBatch::new_empty(req.schema.clone()));
    }
    Ok(batches)
}

/// Reads `--dummy-data-file`: a dataset's rows given verbatim, in a file (format by
/// extension) or a directory holding `dataset.<ext>`. Every column of `specs`
/// (`patient_id` first) must be present; types and categories are checked. Rows are
/// returned as they are in the file.
pub fn read_dataset_file(
    path: &Path,
    specs: &[(String, ColumnSpec)],
) -> Result<DatasetResult, EngineError> {
    let mut results = read_dataset_files(path, &[("dataset", specs)])?;
    Ok(results.remove(0))
}

/// Reads `--dummy-data-file` for a dataset with event tables: `tables` are the output
/// tables (`dataset` first) with their column specs. One table may come from a single
/// file; several need a directory with one file per table, all in one format.
pub fn read_dataset_files(
    path: &Path,
    tables: &[(&str, &[(String, ColumnSpec)])],
) -> Result<Vec<DatasetResult>, EngineError> {
    let shown = display_path(path);
    if !path.exists() {
        return Err(EngineError::Input(format!(
            "Missing file or directory: {shown}"
        )));
    }
    let files: Vec<(PathBuf, FileFormat)> = if path.is_dir() {
        let format = directory_format(path).map_err(EngineError::Input)?;
        tables
            .iter()
            .map(|(name, _)| (table_file(path, name, format), format))
            .collect()
    } else {
        if tables.len() != 1 {
            return Err(EngineError::Input(single_file_hint(path, tables)));
        }
        let ext = file_extension(path);
        let format = FileFormat::from_extension(&ext)
            .ok_or_else(|| EngineError::Input(format!("Unsupported file type: {ext}")))?;
        vec![(path.to_path_buf(), format)]
    };
    // Every file is checked to exist before any is read, as the reference opens them all
    // first.
    for (file, _) in &files {
        if !file.is_file() {
            return Err(EngineError::Input(format!(
                "Missing file: {}",
                display_path(file)
            )));
        }
    }
    files
        .iter()
        .zip(tables)
        .map(|((file, format), (_, specs))| {
            let req = TableReq::for_dataset(specs);
            let batches = read_file(file, *format, &req, None)?;
            Ok(DatasetResult {
                schema: req.schema.clone(),
                batches,
            })
        })
        .collect()
}

/// The reference's advice when several tables are read from one file.
fn single_file_hint(path: &Path, tables: &[(&str, &[(String, ColumnSpec)])]) -> String {
    let shown = display_path(path);
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    // Python's `suffix` and `stem`: the last extension only.
    let (stem, suffix) = match name.rfind('.') {
        Some(i) if i > 0 => (&name[..i], &name[i..]),
        _ => (name, ""),
    };
    let parent = path
        .parent()
        .map(display_path)
        .unwrap_or_else(|| ".".into());
    let base = if parent == "." {
        stem.to_string()
    } else {
        format!("{parent}/{stem}")
    };
    let others: Vec<String> = tables[1..]
        .iter()
        .map(|(t, _)| format!("{t}{suffix}"))
        .collect();
    format!(
        "Attempting to read {} tables, but input only provides a single table\n      Try moving -> {shown}\n              to -> {base}/{}{suffix}\n          adding -> {}\n  and using path -> {base}/",
        tables.len(),
        tables[0].0,
        others.join(", ")
    )
}
