//! Reading spec files: the columns declared in `tables.py`, and one Markdown case file into
//! a [`Topic`] of typed cases, checked as it is read (errors as `spec/FILE.md:LINE: message`).

use std::path::Path;

use crate::lang::valid_code;
use crate::qm::{CodeSystem, Date, MultiCodeSystem, Type};

use super::{
    Case, Cell, Column, ExpectedRow, ExpectedTable, FrameKind, InputRow, InputTable, Topic,
};

/// The columns of `p` and `e` declared in `tables.py` (`name = Series(TYPE)` lines), so the
/// case files and the tables cannot drift apart.
pub fn parse_columns(tables_py: &str) -> Result<Vec<Column>, String> {
    let mut cols: Vec<Column> = Vec::new();
    for line in tables_py.lines() {
        let Some((name, rest)) = line.trim().split_once(" = Series(") else {
            continue;
        };
        let ty_name = rest.trim_end_matches(')');
        let ty = series_type(ty_name).ok_or_else(|| format!("unknown column type {ty_name}"))?;
        if !cols.iter().any(|c| c.name == name) {
            cols.push(Column {
                name: name.to_string(),
                ty,
            });
        }
    }
    if cols.is_empty() {
        return Err("no `name = Series(TYPE)` columns found".into());
    }
    Ok(cols)
}

fn series_type(name: &str) -> Option<Type> {
    let multi = [
        MultiCodeSystem::ICD10MultiCodeString,
        MultiCodeSystem::OPCS4MultiCodeString,
    ];
    Some(match name {
        "int" => Type::Int,
        "float" => Type::Float,
        "bool" => Type::Bool,
        "str" => Type::Str,
        "datetime.date" => Type::Date,
        _ => {
            if let Some(s) = CodeSystem::ALL.into_iter().find(|s| s.name() == name) {
                Type::Code(s)
            } else {
                Type::MultiCodeString(multi.into_iter().find(|s| s.name() == name)?)
            }
        }
    })
}

/// Cells are separated by `|`; a `|` inside a cell (multi-code strings) is written `\|`.
pub fn split_row(line: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                chars.next();
                cells.last_mut().unwrap().push('|');
            }
            '|' => cells.push(String::new()),
            c => cells.last_mut().unwrap().push(c),
        }
    }
    cells.iter().map(|c| c.trim().to_string()).collect()
}

/// A cell as a value of type `ty`, or None if it is not one. Empty is NULL.
fn parse_cell(ty: &Type, s: &str) -> Option<Cell> {
    if s.is_empty() {
        return Some(Cell::Null);
    }
    Some(match ty {
        Type::Int => Cell::Int(s.parse().ok()?),
        Type::Float => Cell::Float(s.parse().ok()?),
        Type::Bool => match s {
            "T" => Cell::Bool(true),
            "F" => Cell::Bool(false),
            _ => return None,
        },
        Type::Date => Cell::Date(Date::parse_iso(s)?),
        Type::Code(system) if !valid_code(*system, s) => return None,
        Type::Str | Type::Code(_) | Type::MultiCodeString(_) => Cell::Str(s.to_string()),
        Type::Set(_) => return None,
    })
}

/// A block's body with the line number of its first line.
struct Block<'a> {
    start: usize,
    body: Vec<&'a str>,
}

fn parse_tables(file: &Path, block: &Block, cols: &[Column]) -> Result<Vec<InputTable>, String> {
    let mut tables: Vec<InputTable> = Vec::new();
    let mut have_header = false;
    for (k, line) in block.body.iter().enumerate() {
        let line_no = block.start + k;
        let at = format!("{}:{line_no}", file.display());
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        let kind = if t.ends_with(" (patient)") {
            Some(FrameKind::Patient)
        } else if t.ends_with(" (event)") {
            Some(FrameKind::Event)
        } else {
            None
        };
        if let Some(kind) = kind {
            let name = t.split_once(' ').map_or(t, |(n, _)| n);
            if !matches!(
                (name, kind),
                ("p", FrameKind::Patient) | ("e", FrameKind::Event)
            ) {
                return Err(format!(
                    "{at}: unknown table `{t}` (use `p (patient)` or `e (event)`)"
                ));
            }
            if tables.iter().any(|tb| tb.name == name) {
                return Err(format!("{at}: table {name} given twice"));
            }
            tables.push(InputTable {
                name: name.to_string(),
                kind,
                line: line_no,
                columns: Vec::new(),
                rows: Vec::new(),
            });
            have_header = false;
            continue;
        }
        let Some(table) = tables.last_mut() else {
            return Err(format!("{at}: rows before a `NAME (patient|event)` line"));
        };
        let cells = split_row(line);
        if !have_header {
            if cells.first().map(String::as_str) != Some("patient_id") {
                return Err(format!("{at}: header must start with patient_id"));
            }
            for c in &cells[1..] {
                let Some(col) = cols.iter().find(|col| &col.name == c) else {
                    return Err(format!("{at}: unknown column `{c}`"));
                };
                table.columns.push(col.clone());
            }
            have_header = true;
            continue;
        }
        if cells.len() != table.columns.len() + 1 {
            return Err(format!(
                "{at}: {} cells for {} columns",
                cells.len(),
                table.columns.len() + 1
            ));
        }
        let Ok(patient_id) = cells[0].parse::<i64>() else {
            return Err(format!("{at}: bad patient_id `{}`", cells[0]));
        };
        let mut row = Vec::new();
        for (col, cell) in table.columns.iter().zip(&cells[1..]) {
            let Some(value) = parse_cell(&col.ty, cell) else {
                return Err(format!(
                    "{at}: `{cell}` is not a valid {} for {}",
                    type_name(&col.ty),
                    col.name
                ));
            };
            row.push(value);
        }
        table.rows.push(InputRow {
            line: line_no,
            patient_id,
            cells: row,
        });
    }
    if tables.is_empty() {
        return Err(format!("{}:{}: no tables", file.display(), block.start));
    }
    Ok(tables)
}

fn type_name(ty: &Type) -> &'static str {
    match ty {
        Type::Int => "int",
        Type::Float => "float",
        Type::Bool => "bool (T or F)",
        Type::Str => "str",
        Type::Date => "date (YYYY-MM-DD)",
        Type::Code(s) => s.name(),
        Type::MultiCodeString(s) => s.name(),
        Type::Set(_) => "set",
    }
}

fn parse_expected(file: &Path, block: &Block) -> Result<ExpectedTable, String> {
    let at = |k: usize| format!("{}:{}", file.display(), block.start + k);
    let Some(first) = block.body.first() else {
        return Err(format!("{}: empty expected block", at(0)));
    };
    let header = split_row(first);
    if header[0] != "patient_id" || header.len() < 2 {
        return Err(format!(
            "{}: expected header must be `patient_id | ...`",
            at(0)
        ));
    }
    let mut rows: Vec<ExpectedRow> = Vec::new();
    for (k, line) in block.body.iter().enumerate().skip(1) {
        let cells = split_row(line);
        if cells.len() != header.len() {
            return Err(format!(
                "{}: {} cells for {} columns",
                at(k),
                cells.len(),
                header.len()
            ));
        }
        let Ok(patient_id) = cells[0].parse::<i64>() else {
            return Err(format!("{}: bad patient_id", at(k)));
        };
        if rows.last().is_some_and(|r| r.patient_id >= patient_id) {
            return Err(format!("{}: rows must be sorted by patient_id", at(k)));
        }
        rows.push(ExpectedRow {
            line: block.start + k,
            patient_id,
            cells: cells[1..]
                .iter()
                .map(|c| (!c.is_empty()).then(|| c.clone()))
                .collect(),
        });
    }
    Ok(ExpectedTable {
        line: block.start,
        columns: header[1..].to_vec(),
        rows,
    })
}

/// A case being read.
struct Pending {
    line: usize,
    title: String,
    prose: Vec<String>,
    tables: Option<Vec<InputTable>>,
    ehrql: Option<(bool, String)>,
    expected: Option<ExpectedTable>,
}

impl Pending {
    fn finish(self, file: &Path) -> Result<Case, String> {
        let at = format!("{}:{}", file.display(), self.line);
        let title = self.title;
        let Some(tables) = self.tables else {
            return Err(format!("{at}: case `{title}` has no tables block"));
        };
        let Some(expected) = self.expected else {
            return Err(format!("{at}: case `{title}` has no expected block"));
        };
        let Some((whole_definition, ehrql)) = self.ehrql else {
            return Err(format!("{at}: case `{title}` has no ehrql block"));
        };
        Ok(Case {
            file: file.to_path_buf(),
            line: self.line,
            title,
            prose: join_prose(&self.prose),
            tables,
            ehrql,
            whole_definition,
            expected,
        })
    }
}

/// Prose lines with leading and trailing blank lines dropped.
fn join_prose(lines: &[String]) -> String {
    lines.join("\n").trim().to_string()
}

/// Parses one case file (`file` is the path shown in messages, `text` its contents).
pub fn parse_file(file: &Path, text: &str, cols: &[Column]) -> Result<Topic, String> {
    let lines: Vec<&str> = text.lines().collect();
    let Some(title) = lines.first().and_then(|l| l.strip_prefix("# ")) else {
        return Err(format!(
            "{}:1: a case file starts with `# Title`",
            file.display()
        ));
    };
    let mut intro = Vec::new();
    let mut cases = Vec::new();
    let mut current: Option<Pending> = None;
    let mut i = 1;
    while i < lines.len() {
        let line = lines[i];
        if let Some(case_title) = line.strip_prefix("## ") {
            if let Some(done) = current.take() {
                cases.push(done.finish(file)?);
            }
            current = Some(Pending {
                line: i + 1,
                title: case_title.trim().to_string(),
                prose: Vec::new(),
                tables: None,
                ehrql: None,
                expected: None,
            });
        } else if let Some(tag) = line.strip_prefix("```") {
            let tag = tag.trim();
            let block_line = i + 1;
            let mut block = Block {
                start: i + 2,
                body: Vec::new(),
            };
            i += 1;
            while i < lines.len() && lines[i].trim() != "```" {
                block.body.push(lines[i]);
                i += 1;
            }
            if i == lines.len() {
                return Err(format!("{}:{block_line}: unclosed block", file.display()));
            }
            let Some(case) = current.as_mut() else {
                return Err(format!(
                    "{}:{block_line}: block outside a case",
                    file.display()
                ));
            };
            match tag {
                "tables" => case.tables = Some(parse_tables(file, &block, cols)?),
                "ehrql" | "ehrql definition" => {
                    let text = block.body.join("\n");
                    if text.trim().is_empty() {
                        return Err(format!(
                            "{}:{}: empty ehrql block",
                            file.display(),
                            block.start
                        ));
                    }
                    case.ehrql = Some((tag != "ehrql", text));
                }
                "expected" => case.expected = Some(parse_expected(file, &block)?),
                other => {
                    return Err(format!(
                        "{}:{block_line}: unknown block `{other}`",
                        file.display()
                    ))
                }
            }
        } else if let Some(case) = current.as_mut() {
            case.prose.push(line.to_string());
        } else {
            intro.push(line.to_string());
        }
        i += 1;
    }
    if let Some(done) = current.take() {
        cases.push(done.finish(file)?);
    }
    Ok(Topic {
        file: file.to_path_buf(),
        title: title.trim().to_string(),
        intro: join_prose(&intro),
        cases,
    })
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
