//! The tables of a schema module (`ehrql.tables.core`, ...) with their columns and
//! descriptions, loaded by running the embedded module, for `ehrql dump-schema`.

use serde::Serialize;

use crate::eval::value::Key;
use crate::eval::Value;
use crate::qm::{Node, Type};

use super::native::frame_of;
use super::state::with_state;

#[derive(Debug, Clone, Serialize)]
pub struct ColumnDoc {
    pub name: String,
    #[serde(rename = "type")]
    pub ty: String,
    pub description: String,
    pub constraints: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TableDoc {
    /// The module attribute (what definitions import).
    pub name: String,
    /// The query-model table name.
    pub table_name: String,
    /// `event` or `patient`.
    pub kind: String,
    pub docstring: String,
    pub required_permission: Option<String>,
    pub columns: Vec<ColumnDoc>,
}

pub const SCHEMA_NAMES: &[&str] = &[
    "core",
    "tpp",
    "emis",
    "emisv2",
    "smoketest",
    "raw.core",
    "raw.tpp",
    "raw.emis",
];

fn type_label(t: &Type) -> String {
    match t {
        Type::Date => "date".into(),
        other => other.to_string(),
    }
}

fn text(v: Option<Value>) -> String {
    match v {
        Some(Value::Str(s)) => s.to_string(),
        _ => String::new(),
    }
}

/// The docstring of each class in a schema module's source, by class name.
fn class_docstrings(module: &str) -> std::collections::HashMap<String, String> {
    let mut out = std::collections::HashMap::new();
    // The module's own classes first, then those it may re-export from the others.
    let mut sources: Vec<&str> = super::SCHEMA_MODULES
        .iter()
        .filter(|(n, _)| *n == module)
        .map(|(_, s)| *s)
        .collect();
    sources.extend(
        super::SCHEMA_MODULES
            .iter()
            .filter(|(n, _)| *n != module)
            .map(|(_, s)| *s),
    );
    for src in sources {
        let Ok(m) = crate::syntax::parse_module(src) else {
            continue;
        };
        collect_docstrings(&m, &mut out);
    }
    out
}

fn collect_docstrings(
    m: &crate::syntax::ast::Module,
    out: &mut std::collections::HashMap<String, String>,
) {
    use crate::syntax::ast::{Constant, ExprKind, StmtKind};
    for stmt in &m.body {
        if let StmtKind::ClassDef(cd) = &stmt.kind {
            if let Some(StmtKind::Expr(e)) = cd.body.first().map(|s| &s.kind) {
                if let ExprKind::Constant(Constant::Str(doc)) = &e.kind {
                    let doc: Vec<&str> = doc.lines().map(str::trim).collect();
                    out.entry(cd.name.name.clone())
                        .or_insert_with(|| doc.join(" ").trim().to_string());
                }
            }
        }
    }
}

/// The tables of `ehrql.tables.<module>` in `__all__` order.
pub fn schema_tables(module: &str) -> Result<Vec<TableDoc>, String> {
    if !SCHEMA_NAMES.contains(&module) {
        return Err(format!(
            "unknown schema '{module}'; expected one of: {}",
            SCHEMA_NAMES.join(", ")
        ));
    }
    let mut it =
        super::compile::interpreter(std::path::Path::new("<schema>"), &[], &std::env::temp_dir());
    let m = it
        .import_module(&format!("ehrql.tables.{module}"))
        .map_err(|e| it.to_eval_error(e).headline())?;
    let names = match m.get("__all__") {
        Some(all) => it
            .iterate(&all)
            .map_err(|e| it.to_eval_error(e).headline())?,
        None => vec![],
    };
    let docstrings = class_docstrings(module);
    let mut out = Vec::new();
    for name in names {
        let Value::Str(name) = name else { continue };
        let Some(table) = m.get(&name) else { continue };
        let Some(node) = frame_of(&table) else {
            continue;
        };
        let info = with_state(&mut it, |s| match s.arena.node(node) {
            Node::SelectTable(t) => Some((s.arena.table(*t).clone(), "event")),
            Node::SelectPatientTable(t) => Some((s.arena.table(*t).clone(), "patient")),
            _ => None,
        });
        let Some((t, kind)) = info else { continue };
        let Value::Instance(inst) = &table else {
            continue;
        };
        let class = inst.class.clone();
        let defs = class.lookup("_ehrql_column_defs");
        let docstring = docstrings
            .get(class.name.as_ref())
            .cloned()
            .unwrap_or_default();
        let mut columns = Vec::new();
        for c in &t.schema.columns {
            let def = match &defs {
                Some(Value::Dict(d)) => d.borrow().get(&Key(Value::str(&c.name))).cloned(),
                _ => None,
            };
            let description = match &def {
                Some(d) => text(it.getattr(d, "description").ok()),
                None => String::new(),
            };
            columns.push(ColumnDoc {
                name: c.name.clone(),
                ty: type_label(&c.ty),
                description,
                constraints: c.constraints.iter().map(|k| format!("{k:?}")).collect(),
            });
        }
        out.push(TableDoc {
            name: name.to_string(),
            table_name: t.name.clone(),
            kind: kind.into(),
            docstring: docstring.trim().to_string(),
            required_permission: t.required_permission.clone(),
            columns,
        });
    }
    Ok(out)
}

/// The tables as Markdown: a heading per table, then a table of its columns.
pub fn schema_markdown(module: &str, tables: &[TableDoc]) -> String {
    let mut out = format!("# ehrql.tables.{module}\n");
    for t in tables {
        out.push_str(&format!("\n## {}\n\n", t.name));
        if !t.docstring.is_empty() {
            out.push_str(&format!("{}\n\n", t.docstring));
        }
        out.push_str(&format!(
            "{} frame",
            if t.kind == "event" {
                "Event"
            } else {
                "Patient"
            }
        ));
        if let Some(p) = &t.required_permission {
            out.push_str(&format!("; requires the `{p}` permission"));
        }
        out.push_str(".\n\n| column | type | description |\n|---|---|---|\n");
        for c in &t.columns {
            out.push_str(&format!(
                "| `{}` | {} | {} |\n",
                c.name,
                c.ty,
                c.description.replace('|', "\\|")
            ));
        }
    }
    out
}
