//! Tables: `@table` schemas with their constraints, inline tables, `table_from_file` (CSV
//! and gzipped CSV, read through the sandbox) and column access on frames.

use std::any::Any;
use std::rc::Rc;

use crate::eval::error::{attribute_error, type_error, value_error, PyResult};
use crate::eval::value::Key;
use crate::eval::{Args, Interpreter, NativeObject, Value};
use crate::qm::{
    self, ActivationFilter, Column, Constraint, InlineRow, InlineTable, Table, TableSchema, Type,
};

use super::convert::{column_type, literal};
use super::native::{arg, frame_node_value, frame_of, opt_str, py_repr, str_arg};
use super::series::{build, build_series};
use super::state::{ehrql_error, ehrql_exception};

pub(super) fn check_column_type(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    let t = arg(&args, 0, "type_")?;
    match column_type(it, &t) {
        Some(_) => Ok(Value::None),
        None => Err(type_error(format!(
            "Column type must be bool, int, float, str, datetime.date or a code class; got {}",
            py_repr(it, &t)
        ))),
    }
}

fn constraint(it: &mut Interpreter, c: &Value, ty: &Type) -> PyResult<Constraint> {
    let kind = match c {
        Value::Instance(inst) => inst.class.name.to_string(),
        _ => return Err(type_error("constraints must be Constraint objects")),
    };
    let field = |it: &mut Interpreter, name: &str| it.getattr(c, name);
    let opt_lit = |it: &mut Interpreter, v: Value| -> PyResult<Option<qm::Value>> {
        if v.is_none() {
            Ok(None)
        } else {
            literal(it, &v, Some(ty)).map(Some)
        }
    };
    Ok(match kind.as_str() {
        "NotNull" => Constraint::NotNull,
        "Unique" => Constraint::Unique,
        "FirstOfMonth" => Constraint::FirstOfMonth,
        "Regex" => match field(it, "regex")? {
            Value::Str(s) => Constraint::Regex(s.to_string()),
            _ => return Err(type_error("Regex takes a string")),
        },
        "Categorical" => {
            let values = field(it, "values")?;
            let mut out = Vec::new();
            for v in it.iterate(&values)? {
                if !v.is_none() {
                    out.push(literal(it, &v, Some(ty))?);
                }
            }
            Constraint::Categorical(out)
        }
        "ClosedRange" => {
            let get = |it: &mut Interpreter, n: &str| -> PyResult<i64> {
                match field(it, n)? {
                    Value::Int(i) => Ok(i),
                    _ => Err(type_error("ClosedRange takes integers")),
                }
            };
            Constraint::ClosedRange {
                minimum: get(it, "minimum")?,
                maximum: get(it, "maximum")?,
                step: get(it, "step")?,
            }
        }
        "GeneralRange" => {
            let min = field(it, "minimum")?;
            let max = field(it, "maximum")?;
            let inc_min = field(it, "includes_minimum")?;
            let inc_max = field(it, "includes_maximum")?;
            Constraint::GeneralRange {
                minimum: opt_lit(it, min)?,
                maximum: opt_lit(it, max)?,
                includes_minimum: it.truthy(&inc_min)?,
                includes_maximum: it.truthy(&inc_max)?,
            }
        }
        "DateAfter" => {
            let names = field(it, "column_names")?;
            let mut out = Vec::new();
            for v in it.iterate(&names)? {
                if let Value::Str(s) = v {
                    out.push(s.to_string());
                }
            }
            Constraint::DateAfter(out)
        }
        other => return Err(type_error(format!("unknown constraint {other}"))),
    })
}

fn schema_from(
    it: &mut Interpreter,
    columns: &Value,
    with_constraints: bool,
) -> PyResult<TableSchema> {
    let mut cols = Vec::new();
    for item in it.iterate(columns)? {
        let parts = it.iterate(&item)?;
        let name = match parts.first() {
            Some(Value::Str(s)) => s.to_string(),
            _ => return Err(type_error("column names must be strings")),
        };
        if name == "patient_id" {
            return Err(ehrql_error(
                it,
                "`patient_id` is an implicit column and cannot be declared",
            ));
        }
        let ty_value = parts.get(1).cloned().unwrap_or(Value::None);
        let ty = column_type(it, &ty_value)
            .ok_or_else(|| type_error(format!("column '{name}' has an unsupported type")))?;
        let mut constraints = Vec::new();
        if with_constraints {
            if let Some(cs) = parts.get(2) {
                for c in it.iterate(cs)? {
                    constraints.push(constraint(it, &c, &ty)?);
                }
            }
        }
        cols.push(Column {
            name,
            ty,
            constraints,
        });
    }
    Ok(TableSchema::new(cols))
}

pub(super) fn select_table(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    let name = str_arg(&args, 0, "name")?;
    let is_event = it.truthy(&arg(&args, 1, "is_event")?)?;
    let schema = schema_from(it, &arg(&args, 2, "columns")?, true)?;
    let permission = opt_str(args.pos.get(3));
    let activation = match args.pos.get(4) {
        Some(Value::Str(s)) => ActivationFilter::Column(s.to_string()),
        Some(Value::None) => ActivationFilter::Other,
        _ => ActivationFilter::Off,
    };
    let table = Table {
        name: name.to_string(),
        schema,
        required_permission: permission,
        activation_filter: activation,
    };
    let id = build(it, |a| {
        if is_event {
            a.select_table(table)
        } else {
            a.select_patient_table(table)
        }
    })?;
    Ok(frame_node_value(id))
}

fn inline_rows(
    it: &mut Interpreter,
    schema: &TableSchema,
    rows: Vec<Vec<Value>>,
) -> PyResult<Vec<InlineRow>> {
    let mut out = Vec::new();
    for (i, row) in rows.into_iter().enumerate() {
        if row.len() != schema.columns.len() + 1 {
            return Err(value_error(format!(
                "row {} has {} values but the table has {} columns plus patient_id",
                i + 1,
                row.len(),
                schema.columns.len()
            )));
        }
        let patient_id = match row[0] {
            Value::Int(p) => p,
            _ => return Err(type_error("patient_id must be an int")),
        };
        let mut values = Vec::new();
        for (v, c) in row[1..].iter().zip(&schema.columns) {
            values.push(if v.is_none() {
                None
            } else {
                Some(literal(it, v, Some(&c.ty))?)
            });
        }
        out.push(InlineRow { patient_id, values });
    }
    Ok(out)
}

pub(super) fn inline_table(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    let schema = schema_from(it, &arg(&args, 0, "columns")?, false)?;
    let mut rows = Vec::new();
    for r in it.iterate(&arg(&args, 1, "rows")?)? {
        rows.push(it.iterate(&r)?);
    }
    let rows = inline_rows(it, &schema, rows)?;
    let id = build(it, |a| a.inline_patient_table(InlineTable { schema, rows }))?;
    Ok(frame_node_value(id))
}

fn csv_value(text: &str, ty: &Type) -> Result<Option<qm::Value>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    Ok(Some(match ty {
        Type::Bool => match text {
            "T" => qm::Value::Bool(true),
            "F" => qm::Value::Bool(false),
            _ => return Err(format!("invalid bool {text:?} (use T or F)")),
        },
        Type::Int => qm::Value::Int(text.parse().map_err(|_| format!("invalid int {text:?}"))?),
        Type::Float => qm::Value::float(
            text.parse()
                .map_err(|_| format!("invalid float {text:?}"))?,
        ),
        Type::Date => qm::Value::Date(
            qm::Date::parse_iso(text).ok_or_else(|| format!("invalid date {text:?}"))?,
        ),
        Type::Code(c) => {
            if !super::codes::valid_code(*c, text) {
                return Err(format!("invalid {} {text:?}", c.name()));
            }
            qm::Value::Code(*c, text.to_string())
        }
        Type::MultiCodeString(m) => qm::Value::MultiCode(*m, text.to_string()),
        _ => qm::Value::Str(text.to_string()),
    }))
}

/// A CSV file read by `table_from_file`, kept until its columns are known (the legacy
/// decorator form reads the file where it is written, so errors point there).
pub struct CsvFile {
    path: String,
    text: String,
}

impl NativeObject for CsvFile {
    fn type_name(&self) -> &str {
        "CsvFile"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn file_error(it: &mut Interpreter, message: String) -> crate::eval::PyErr {
    ehrql_exception(it, "FileValidationError", message)
}

/// Reads a `.csv`, `.csv.gz` or `.arrow` file through the sandbox.
pub(super) fn read_csv_file(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    let path = str_arg(&args, 0, "path")?.to_string();
    let is_arrow = path.ends_with(".arrow");
    if !(path.ends_with(".csv") || path.ends_with(".csv.gz") || is_arrow) {
        let message = format!("{path}: table_from_file reads .csv, .csv.gz and .arrow files");
        return Err(file_error(it, message));
    }
    let resolved = match it.sandbox.resolve(&path) {
        Ok(p) => p,
        Err(e) if e.is("PermissionError") => return Err(e),
        Err(_) => return Err(file_error(it, format!("No such file: {path}"))),
    };
    let bytes = match std::fs::read(&resolved) {
        Ok(b) => b,
        Err(_) => return Err(file_error(it, format!("No such file: {path}"))),
    };
    let bytes = if path.ends_with(".gz") {
        match super::gzip::gunzip(&bytes) {
            Ok(b) => b,
            Err(e) => return Err(file_error(it, format!("{path}: {e}"))),
        }
    } else {
        bytes
    };
    let text = if is_arrow {
        match super::arrow_file::arrow_to_csv(&bytes) {
            Ok(text) => text,
            Err(e) => return Err(file_error(it, format!("{path}: {e}"))),
        }
    } else {
        String::from_utf8_lossy(&bytes).into_owned()
    };
    Ok(Value::Native(Rc::new(CsvFile { path, text })))
}

pub(super) fn table_from_file(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    let source = arg(&args, 0, "path")?;
    let schema = schema_from(it, &arg(&args, 1, "columns")?, false)?;
    let source = match &source {
        Value::Native(n) if n.as_any().downcast_ref::<CsvFile>().is_some() => source.clone(),
        _ => read_csv_file(it, Args::positional(vec![source.clone()]))?,
    };
    let Value::Native(n) = &source else {
        unreachable!("read_csv_file returns a CsvFile")
    };
    let file = n.as_any().downcast_ref::<CsvFile>().expect("CsvFile");
    let (path, text) = (file.path.clone(), file.text.clone());
    let mut rows = crate::lang::csv::parse_with_lines(&text).into_iter();
    let header = rows.next().map(|(_, h)| h).unwrap_or_default();
    let pid = header.iter().position(|h| h == "patient_id");
    let Some(pid) = pid else {
        return Err(ehrql_exception(
            it,
            "FileValidationError",
            format!("{path}: missing column 'patient_id'"),
        ));
    };
    let mut positions = Vec::new();
    for c in &schema.columns {
        match header.iter().position(|h| *h == c.name) {
            Some(p) => positions.push(p),
            None => {
                return Err(ehrql_exception(
                    it,
                    "FileValidationError",
                    format!("{path}: missing column '{}'", c.name),
                ))
            }
        }
    }
    let mut out = Vec::new();
    for (line, row) in rows {
        let bad = |msg: String| format!("{path}, line {line}: {msg}");
        let patient_id: Result<i64, String> = row
            .get(pid)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| bad("invalid patient_id".into()));
        let patient_id = match patient_id {
            Ok(p) => p,
            Err(m) => return Err(ehrql_exception(it, "FileValidationError", m)),
        };
        let mut values = Vec::new();
        for (p, c) in positions.iter().zip(&schema.columns) {
            match csv_value(row.get(*p).map(String::as_str).unwrap_or(""), &c.ty) {
                Ok(v) => values.push(v),
                Err(m) => return Err(ehrql_exception(it, "FileValidationError", bad(m))),
            }
        }
        out.push(InlineRow { patient_id, values });
    }
    let id = build(it, |a| {
        a.inline_patient_table(InlineTable { schema, rows: out })
    })?;
    Ok(frame_node_value(id))
}

fn dict_get(d: &Value, name: &str) -> Option<Value> {
    match d {
        Value::Dict(d) => d.borrow().get(&Key(Value::str(name))).cloned(),
        _ => None,
    }
}

/// `frame.name`: a column, or (for a picked frame) a property of the original table class.
pub(super) fn column(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    let frame = arg(&args, 0, "frame")?;
    let name = str_arg(&args, 1, "name")?;
    let Value::Instance(inst) = &frame else {
        return Err(type_error("expected a frame"));
    };
    let class = inst.class.clone();
    let node = frame_of(&frame);
    let columns = class.lookup("_ehrql_columns");
    if let (Some(node), Some(cols)) = (node, &columns) {
        if dict_get(cols, &name).is_some() {
            return build_series(it, |a| a.select_column(node, name.to_string()));
        }
    }
    if let Some(Value::Class(source)) = class.lookup("_ehrql_source_class") {
        if let Some(Value::Property(p)) = source.lookup(&name) {
            return it.call(&p.fget, Args::positional(vec![frame.clone()]));
        }
    }
    if name.starts_with("__") {
        return Err(attribute_error(format!(
            "'{}' object has no attribute '{name}'",
            class.name
        )));
    }
    if matches!(&*name, "where" | "except_where" | "sort_by") && class.lookup("where").is_none() {
        return Err(attribute_error(format!("'{}' has no method '{name}'", class.name)).with_help(
            "this frame has at most one row per patient, so its rows cannot be filtered or sorted; \
             `where`, `except_where` and `sort_by` are methods of event frames",
        ));
    }
    if matches!(&*name, "first_for_patient" | "last_for_patient") && class.lookup("where").is_some()
    {
        return Err(attribute_error(format!(
            "'{}' has no method '{name}': the frame is not sorted",
            class.name
        ))
        .with_help(format!(
            "sort the rows first to say which one to pick, e.g. `.sort_by(frame.date).{name}()`"
        )));
    }
    let mut candidates: Vec<String> = Vec::new();
    if let Some(Value::Dict(d)) = &columns {
        candidates.extend(d.borrow().keys().filter_map(|k| match &k.0 {
            Value::Str(s) => Some(s.to_string()),
            _ => None,
        }));
    }
    for c in std::iter::once(&class).chain(class.mro.iter()) {
        candidates.extend(
            c.dict
                .borrow()
                .keys()
                .filter(|k| !k.starts_with('_'))
                .map(|k| k.to_string()),
        );
    }
    let mut err = attribute_error(format!("'{}' has no column or method '{name}'", class.name));
    if let Some(close) = crate::eval::interp::closest(&name, candidates.iter().map(String::as_str))
    {
        err = err.with_help(format!("did you mean `{close}`?"));
    } else if !candidates.is_empty() {
        let mut cols: Vec<String> = match &columns {
            Some(Value::Dict(d)) => d
                .borrow()
                .keys()
                .filter_map(|k| match &k.0 {
                    Value::Str(s) => Some(s.to_string()),
                    _ => None,
                })
                .collect(),
            _ => vec![],
        };
        cols.truncate(30);
        if !cols.is_empty() {
            err = err.with_help(format!("its columns are: {}", cols.join(", ")));
        }
    }
    Err(err)
}
