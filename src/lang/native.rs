//! `ehrql._native`: the primitives the embedded Python modules call to build query-model
//! nodes (tables, columns, filters, sorts, picks, `case`, `minimum_of`, ...).

use std::any::Any;
use std::rc::Rc;

use crate::eval::error::{attribute_error, type_error, value_error, PyResult};
use crate::eval::value::{Key, Namespace};
use crate::eval::{Args, Interpreter, NativeObject, Value};
use crate::qm::{
    self, ActivationFilter, Column, Constraint, InlineRow, InlineTable, NaryFn, NodeId, Position,
    Table, TableSchema, Type,
};

use super::convert::{as_series, column_type, literal};
use super::duration::{as_duration, DurationType, Unit};
use super::series::{build, build_series, operand, wrap};
use super::state::{ehrql_error, ehrql_exception, with_state};

/// A frame's node, held by frame instances as `_qm_node`.
pub struct FrameNode(pub NodeId);

impl NativeObject for FrameNode {
    fn type_name(&self) -> &str {
        "FrameNode"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn frame_node_value(id: NodeId) -> Value {
    Value::Native(Rc::new(FrameNode(id)))
}

fn as_frame_node(v: &Value) -> Option<NodeId> {
    match v {
        Value::Native(n) => n.as_any().downcast_ref::<FrameNode>().map(|f| f.0),
        _ => None,
    }
}

/// The frame node of a frame instance.
pub fn frame_of(v: &Value) -> Option<NodeId> {
    match v {
        Value::Instance(inst) => inst.attrs.borrow().get("_qm_node").and_then(as_frame_node),
        _ => None,
    }
}

pub fn is_frame(_it: &mut Interpreter, v: &Value) -> bool {
    frame_of(v).is_some()
}

pub fn is_frozenset(_v: &Value) -> bool {
    false
}

pub fn py_repr(it: &mut Interpreter, v: &Value) -> String {
    it.repr(v).unwrap_or_else(|_| v.type_name())
}

fn set(ns: &Namespace, name: &str, v: Value) {
    ns.borrow_mut().insert(Rc::from(name), v);
}

fn arg(args: &Args, i: usize, name: &str) -> PyResult<Value> {
    args.pos
        .get(i)
        .cloned()
        .or_else(|| {
            args.kw
                .iter()
                .find(|(k, _)| &**k == name)
                .map(|(_, v)| v.clone())
        })
        .ok_or_else(|| type_error(format!("missing required argument: '{name}'")))
}

fn node_arg(args: &Args, i: usize) -> PyResult<NodeId> {
    as_frame_node(&arg(args, i, "node")?).ok_or_else(|| type_error("expected a frame"))
}

fn str_arg(args: &Args, i: usize, name: &str) -> PyResult<Rc<str>> {
    match arg(args, i, name)? {
        Value::Str(s) => Ok(s),
        other => Err(type_error(format!(
            "{name} must be a string, not '{}'",
            other.type_name()
        ))),
    }
}

pub fn init(_: &mut Interpreter, ns: &Namespace) -> PyResult<()> {
    let fns: &[(&'static str, crate::eval::value::BuiltinFn)] = &[
        ("valid_code", valid_code),
        ("codelist_from_csv", codelist_from_csv),
        ("codelist_from_csv_text", codelist_from_csv_text),
        ("check_column_type", check_column_type),
        ("select_table", select_table),
        ("inline_table", inline_table),
        ("table_from_file", table_from_file),
        ("read_csv_file", read_csv_file),
        ("column", column),
        ("exists", exists),
        ("count", count),
        ("filter", filter),
        ("except_where", except_where),
        ("sort", sort),
        ("pick", pick),
        ("case_condition", case_condition),
        ("case", case),
        ("minimum_of", minimum_of),
        ("maximum_of", maximum_of),
        ("parameter", parameter),
        ("is_series", is_series),
        ("is_duration", is_duration),
        ("same_node", same_node),
        ("record_show", record_show),
        ("claim_permissions", claim_permissions),
        ("check_name", super::dataset::check_name_fn),
        ("check_measure_value", super::dataset::check_measure_value),
        ("check_patient_series", super::dataset::check_patient_series),
        (
            "check_population_constraint",
            super::dataset::check_population_constraint,
        ),
        ("create_dataset", super::dataset::create_dataset),
    ];
    for (name, f) in fns {
        set(ns, name, Value::builtin(name, *f));
    }
    set(
        ns,
        "Dataset",
        Value::builtin("Dataset", super::dataset::create_dataset),
    );
    set(
        ns,
        "BaseSeries",
        Value::Native(Rc::new(SeriesClass("BaseSeries"))),
    );
    for family in [
        "Bool",
        "Str",
        "Int",
        "Float",
        "Date",
        "Code",
        "MultiCodeString",
    ] {
        for dim in ["Patient", "Event"] {
            let name: &'static str = Box::leak(format!("{family}{dim}Series").into_boxed_str());
            set(ns, name, Value::Native(Rc::new(SeriesClass(name))));
        }
    }
    for (name, unit) in [
        ("days", Unit::Days),
        ("weeks", Unit::Weeks),
        ("months", Unit::Months),
        ("years", Unit::Years),
    ] {
        set(ns, name, Value::Native(Rc::new(DurationType(unit))));
    }
    Ok(())
}

fn valid_code(_: &mut Interpreter, args: Args) -> PyResult<Value> {
    let system = str_arg(&args, 0, "system")?;
    let value = str_arg(&args, 1, "value")?;
    let system =
        super::convert::code_system(&system).ok_or_else(|| value_error("unknown code system"))?;
    Ok(Value::Bool(super::codes::valid_code(system, &value)))
}

fn opt_str(v: Option<&Value>) -> Option<String> {
    match v {
        Some(Value::Str(s)) => Some(s.to_string()),
        _ => None,
    }
}

fn codelist_from_csv(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    let path = str_arg(&args, 0, "filename")?;
    let column = str_arg(&args, 1, "column")?;
    let category = opt_str(args.pos.get(2));
    let text = match it.sandbox.read_to_string(&path) {
        Ok((_, text)) => text,
        Err(e) if e.is("PermissionError") => return Err(e),
        Err(_) => {
            let mut msg = format!("No CSV file at {path}");
            if path.contains('\\') {
                msg.push_str("\nFile paths must use forward slashes (/), not backslashes (\\)");
            }
            return Err(ehrql_exception(it, "CodelistError", msg));
        }
    };
    read_codelist(it, &text, &column, category.as_deref(), &path)
}

fn codelist_from_csv_text(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    let text = str_arg(&args, 0, "text")?;
    let column = str_arg(&args, 1, "column")?;
    let category = opt_str(args.pos.get(2));
    read_codelist(it, &text, &column, category.as_deref(), "<lines>")
}

fn read_codelist(
    it: &mut Interpreter,
    text: &str,
    column: &str,
    category: Option<&str>,
    path: &str,
) -> PyResult<Value> {
    let value = super::codes::parse_codelist(text, column, category)
        .map_err(|msg| ehrql_exception(it, "CodelistError", format!("{msg}: {path}")))?;
    // Remember where each code came from, so an invalid code names its file and line.
    let col = crate::lang::csv::parse(text).first().and_then(|h| {
        h.iter()
            .position(|x| x.trim_start_matches('\u{feff}') == column)
    });
    if let Some(col) = col {
        let rows = crate::lang::csv::parse_with_lines(text);
        with_state(it, |s| {
            for (line, row) in rows.iter().skip(1) {
                if let Some(code) = row.get(col) {
                    let code = code.trim();
                    if !code.is_empty() {
                        s.code_origins
                            .entry(code.to_string())
                            .or_insert((path.to_string(), *line));
                    }
                }
            }
        });
    }
    Ok(value)
}

fn check_column_type(it: &mut Interpreter, args: Args) -> PyResult<Value> {
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

fn select_table(it: &mut Interpreter, args: Args) -> PyResult<Value> {
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

fn inline_table(it: &mut Interpreter, args: Args) -> PyResult<Value> {
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

/// Reads a `.csv` or `.csv.gz` file through the sandbox.
fn read_csv_file(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    let path = str_arg(&args, 0, "path")?.to_string();
    if !(path.ends_with(".csv") || path.ends_with(".csv.gz")) {
        let message = format!(
            "{path}: table_from_file reads .csv and .csv.gz files (.arrow is not supported yet)"
        );
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
    let text = String::from_utf8_lossy(&bytes).into_owned();
    Ok(Value::Native(Rc::new(CsvFile { path, text })))
}

fn table_from_file(it: &mut Interpreter, args: Args) -> PyResult<Value> {
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
fn column(it: &mut Interpreter, args: Args) -> PyResult<Value> {
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

fn exists(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    let n = node_arg(&args, 0)?;
    build_series(it, |a| a.exists(n))
}

fn count(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    let n = node_arg(&args, 0)?;
    build_series(it, |a| a.count(n))
}

fn condition(it: &mut Interpreter, v: &Value) -> PyResult<NodeId> {
    match v {
        Value::Bool(_) => operand(it, v, None),
        _ if as_series(v).is_some() => operand(it, v, None),
        _ if is_frame(it, v) => Err(type_error(
            "Expecting a boolean series as the condition, got a frame: are you missing a column name?",
        )),
        _ => Err(type_error(format!(
            "Expecting a boolean series as the condition, got {}",
            py_repr(it, v)
        ))),
    }
}

fn filter(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    let n = node_arg(&args, 0)?;
    let c = condition(it, &arg(&args, 1, "condition")?)?;
    Ok(frame_node_value(build(it, |a| a.filter(n, c))?))
}

fn except_where(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    let n = node_arg(&args, 0)?;
    let c = condition(it, &arg(&args, 1, "condition")?)?;
    Ok(frame_node_value(build(it, |a| a.except_where(n, c))?))
}

fn sort(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    let n = node_arg(&args, 0)?;
    let keys = it.iterate(&arg(&args, 1, "keys")?)?;
    let mut ids = Vec::new();
    for k in &keys {
        if let Value::Str(s) = k {
            return Err(type_error(format!(
                "to sort by a column use its series, e.g. `frame.sort_by(frame.{s})`, not the string {s:?}"
            )));
        }
        match as_series(k) {
            Some(s) if s.patient => return Err(ehrql_error(it, "Cannot sort by a constant value")),
            Some(s) => ids.push(s.node),
            None if is_frame(it, k) => {
                return Err(type_error(
                    "Expecting a series to sort by, got a frame: are you missing a column name?",
                ))
            }
            None => return Err(ehrql_error(it, "Cannot sort by a constant value")),
        }
    }
    Ok(frame_node_value(build(it, |a| a.sort_by(n, &ids))?))
}

fn pick(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    let n = node_arg(&args, 0)?;
    let pos = match &*str_arg(&args, 1, "position")? {
        "first" => Position::First,
        _ => Position::Last,
    };
    Ok(frame_node_value(build(it, |a| a.pick(n, pos))?))
}

fn case_condition(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    let v = arg(&args, 0, "condition")?;
    let ok = matches!(v, Value::Bool(_)) || as_series(&v).is_some_and(|s| s.ty == Type::Bool);
    if !ok {
        return Err(type_error(
            "invalid case condition: Expecting a boolean series",
        ));
    }
    let id = operand(it, &v, None)?;
    Ok(wrap(it, id))
}

fn case(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    let pairs = it.iterate(&arg(&args, 0, "pairs")?)?;
    let otherwise = args.pos.get(1).cloned().unwrap_or(Value::None);
    let mut cases = Vec::new();
    for p in pairs {
        let parts = it.iterate(&p)?;
        let c = operand(it, &parts[0], None)?;
        let v = if parts[1].is_none() {
            None
        } else {
            Some(operand(it, &parts[1], None)?)
        };
        cases.push((c, v));
    }
    let default = if otherwise.is_none() {
        None
    } else {
        Some(operand(it, &otherwise, None)?)
    };
    build_series(it, |a| a.case(cases, default))
}

fn min_max(it: &mut Interpreter, args: Args, op: NaryFn) -> PyResult<Value> {
    let name = if op == NaryFn::MinimumOf {
        "minimum_of"
    } else {
        "maximum_of"
    };
    if args.pos.len() < 2 {
        return Err(type_error(format!("{name}() needs at least two arguments")));
    }
    let cast = args.pos.iter().find_map(as_series).map(|s| s.ty.clone());
    if cast == Some(Type::Bool) {
        return Err(type_error(format!(
            "{name}() cannot be used with boolean series"
        )));
    }
    let mut ids = Vec::new();
    for v in &args.pos {
        ids.push(operand(it, v, cast.as_ref())?);
    }
    build_series(it, |a| a.nary(op, ids))
}

fn minimum_of(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    min_max(it, args, NaryFn::MinimumOf)
}

fn maximum_of(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    min_max(it, args, NaryFn::MaximumOf)
}

fn parameter(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    let name = str_arg(&args, 0, "name")?;
    build_series(it, |a| a.parameter(name.to_string(), Type::Date))
}

fn is_series(_: &mut Interpreter, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(args.pos.first().and_then(as_series).is_some()))
}

fn is_duration(_: &mut Interpreter, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(
        args.pos.first().and_then(as_duration).is_some(),
    ))
}

fn same_node(_: &mut Interpreter, args: Args) -> PyResult<Value> {
    let a = args.pos.first().and_then(as_series).map(|s| s.node);
    let b = args.pos.get(1).and_then(as_series).map(|s| s.node);
    Ok(Value::Bool(a.is_some() && a == b))
}

/// `show(element, ..., label=)`: recorded, and reported as ignored (there is no debug mode
/// here). The line is where the shown series was last written, when a series is shown.
fn record_show(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    let label = opt_str(args.pos.first());
    let elements = args
        .pos
        .get(1)
        .map(|e| it.iterate(e))
        .transpose()?
        .unwrap_or_default();
    let shows_series = elements
        .iter()
        .any(|e| as_series(e).is_some() || frame_of(e).is_some());
    let at = with_state(it, |s| {
        s.shows.push(label.clone());
        s.last_user_span
    });
    let line = match (shows_series, at) {
        (true, Some((file, span))) => Some(it.sources().get(file).line_col(span.start).line),
        _ => None,
    };
    let mut text = match line {
        Some(n) => format!("Show line {n}:"),
        None => "Show:".to_string(),
    };
    if let Some(l) = &label {
        text.push(' ');
        text.push_str(l);
    }
    text.push_str("\n - show() ignored because we're not running in debug mode\n");
    it.write_output(&text);
    Ok(Value::None)
}

fn claim_permissions(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    let list = it.iterate(&arg(&args, 0, "permissions")?)?;
    let names: Vec<String> = list
        .iter()
        .filter_map(|v| match v {
            Value::Str(s) => Some(s.to_string()),
            _ => None,
        })
        .collect();
    with_state(it, |s| {
        for n in names {
            if !s.claimed_permissions.contains(&n) {
                s.claimed_permissions.push(n);
            }
        }
    });
    Ok(Value::None)
}

/// A series class (`BaseSeries`, `IntPatientSeries`, ...) for `isinstance` checks.
pub struct SeriesClass(&'static str);

impl NativeObject for SeriesClass {
    fn type_name(&self) -> &str {
        "type"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn get_attr(
        &self,
        _this: &Value,
        name: &str,
        _it: &mut Interpreter,
    ) -> Option<PyResult<Value>> {
        (name == "__name__").then(|| Ok(Value::str(self.0)))
    }
    fn is_instance(&self, value: &Value) -> Option<bool> {
        Some(match (as_series(value), value) {
            (Some(_), _) if self.0 == "BaseSeries" => true,
            (Some(_), Value::Native(n)) => n.type_name() == self.0,
            _ => false,
        })
    }
    fn repr(&self, _it: &mut Interpreter) -> PyResult<String> {
        Ok(format!("<class 'ehrql.query_language.{}'>", self.0))
    }
}
