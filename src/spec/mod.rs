//! The spec suite as a library: `spec/` case files parsed into typed cases ([`load`]), each
//! case's tables as engine input ([`memory_source`]), a runner that compiles a case and runs
//! it on an [`Engine`] ([`Runner`]), and the Markdown language reference rendered from the
//! chapters ([`render_docs`]).
//!
//! The format is described in `spec/README.md`; `tests/spec_cases.rs` checks every file is
//! well formed and compiles, `tests/spec.rs` runs every case on every engine, and
//! `ehrql render-spec` writes `docs/language/`.

mod compare;
mod parse;
mod render;
mod run;
mod source;

use std::path::{Path, PathBuf};

use crate::qm::{Date, Type};

pub use compare::{cell_matches, compare, compare_table, result_table, ResultTable};
pub use parse::{parse_columns, parse_file};
pub use render::{render_docs, DocFile, INDEX};
pub use run::{definition_for, run_case, CaseOutcome, Engine, Runner};
pub use source::memory_source;

/// Relative tolerance for comparing floats with expected values.
pub const FLOAT_RELATIVE_TOLERANCE: f64 = 1e-9;

/// A column of the spec tables `p` and `e`, as declared in `spec/tables.py`.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub name: String,
    pub ty: Type,
}

/// Whether an input table is a patient frame (`p`, one row per patient) or an event frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameKind {
    Patient,
    Event,
}

/// One cell of an input table, typed by its column.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Date(Date),
    /// Strings, codes and multi-code strings.
    Str(String),
}

/// A row of an input table.
#[derive(Debug, Clone, PartialEq)]
pub struct InputRow {
    /// Line number in the case file.
    pub line: usize,
    pub patient_id: i64,
    /// One per column of the table, in header order (without `patient_id`).
    pub cells: Vec<Cell>,
}

/// One table of a case's `tables` block.
#[derive(Debug, Clone, PartialEq)]
pub struct InputTable {
    /// `p` or `e`.
    pub name: String,
    pub kind: FrameKind,
    /// Line of the `NAME (kind)` line.
    pub line: usize,
    /// The columns given, in header order (without `patient_id`); the others are NULL.
    pub columns: Vec<Column>,
    pub rows: Vec<InputRow>,
}

/// A row of an `expected` block: cells as written (`None` for an empty cell, i.e. NULL);
/// their type is only known once the case runs, so they are compared as text parsed by the
/// result column's type.
#[derive(Debug, Clone, PartialEq)]
pub struct ExpectedRow {
    pub line: usize,
    pub patient_id: i64,
    pub cells: Vec<Option<String>>,
}

/// A case's `expected` block.
#[derive(Debug, Clone, PartialEq)]
pub struct ExpectedTable {
    /// Line of the header row.
    pub line: usize,
    /// Column names after `patient_id`: `value`, or a definition's variables.
    pub columns: Vec<String>,
    /// Sorted by `patient_id`.
    pub rows: Vec<ExpectedRow>,
}

/// One `## ` case.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    /// Relative path shown in messages, e.g. `spec/01_basics/null_checks.md`.
    pub file: PathBuf,
    /// Line of the `## title` line.
    pub line: usize,
    pub title: String,
    /// The explanation between the title and the blocks (may be empty).
    pub prose: String,
    pub tables: Vec<InputTable>,
    /// The `ehrql` block's text.
    pub ehrql: String,
    /// True for an `ehrql definition` block (binds `dataset`), false for one expression.
    pub whole_definition: bool,
    pub expected: ExpectedTable,
}

impl Case {
    /// `spec/FILE.md:LINE`, for messages.
    pub fn location(&self) -> String {
        format!("{}:{}", self.file.display(), self.line)
    }

    /// The input table called `name`, if the case gives it.
    pub fn table(&self, name: &str) -> Option<&InputTable> {
        self.tables.iter().find(|t| t.name == name)
    }
}

/// One case file: a topic, with its title, introduction and cases.
#[derive(Debug, Clone, PartialEq)]
pub struct Topic {
    pub file: PathBuf,
    pub title: String,
    /// The prose between `# Title` and the first case.
    pub intro: String,
    pub cases: Vec<Case>,
}

/// A numbered chapter folder, e.g. `01_basics`.
#[derive(Debug, Clone, PartialEq)]
pub struct Chapter {
    pub dir: String,
    pub topics: Vec<Topic>,
}

impl Chapter {
    /// A readable title from the folder name: `09_strings_and_codes` → `Strings and codes`.
    pub fn title(&self) -> String {
        let words = self
            .dir
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .trim_start_matches('_')
            .replace('_', " ");
        let mut chars = words.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => self.dir.clone(),
        }
    }

    pub fn case_count(&self) -> usize {
        self.topics.iter().map(|t| t.cases.len()).sum()
    }
}

/// A whole spec directory.
#[derive(Debug, Clone, PartialEq)]
pub struct Spec {
    pub root: PathBuf,
    /// The text of `tables.py`, imported by every case as `spec_tables`.
    pub tables_py: String,
    pub columns: Vec<Column>,
    pub chapters: Vec<Chapter>,
}

impl Spec {
    /// Every case, in chapter, file and line order.
    pub fn cases(&self) -> impl Iterator<Item = &Case> {
        self.chapters
            .iter()
            .flat_map(|c| &c.topics)
            .flat_map(|t| &t.cases)
    }
}

/// Why a spec directory could not be read: one message per malformed file, each starting
/// `spec/FILE.md:LINE:`.
#[derive(Debug, Clone, PartialEq)]
pub struct SpecError {
    pub messages: Vec<String>,
}

impl std::fmt::Display for SpecError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.messages.join("\n"))
    }
}

impl std::error::Error for SpecError {}

/// Reads and checks every case file in the numbered chapter folders under `root` (and
/// `root/tables.py`). Paths in cases and messages start with `root`'s last component, so
/// they read `spec/01_basics/...` wherever the directory is.
pub fn load(root: &Path) -> Result<Spec, SpecError> {
    let fail = |m: String| SpecError { messages: vec![m] };
    let shown = PathBuf::from(root.file_name().unwrap_or(root.as_os_str()));
    let tables_path = root.join("tables.py");
    let tables_py = std::fs::read_to_string(&tables_path)
        .map_err(|e| fail(format!("{}: {e}", shown.join("tables.py").display())))?;
    let columns = parse_columns(&tables_py)
        .map_err(|m| fail(format!("{}: {m}", shown.join("tables.py").display())))?;
    let mut chapters = Vec::new();
    let mut messages = Vec::new();
    for dir in sorted_entries(root).map_err(|m| fail(format!("{}: {m}", shown.display())))? {
        let name = dir
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        if !dir.is_dir() || !name.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let mut topics = Vec::new();
        let files = sorted_entries(&dir).map_err(|m| fail(format!("{}: {m}", dir.display())))?;
        for file in files
            .iter()
            .filter(|f| f.extension().is_some_and(|x| x == "md"))
        {
            let rel = shown.join(&name).join(file.file_name().unwrap());
            let parsed = std::fs::read_to_string(file)
                .map_err(|e| format!("{}: {e}", rel.display()))
                .and_then(|text| parse_file(&rel, &text, &columns));
            match parsed {
                Ok(topic) => topics.push(topic),
                Err(m) => messages.push(m),
            }
        }
        chapters.push(Chapter { dir: name, topics });
    }
    if !messages.is_empty() {
        return Err(SpecError { messages });
    }
    Ok(Spec {
        root: root.to_path_buf(),
        tables_py,
        columns,
        chapters,
    })
}

fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| e.to_string())? {
        out.push(entry.map_err(|e| e.to_string())?.path());
    }
    out.sort();
    Ok(out)
}
