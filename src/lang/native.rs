//! `ehrql._native`: the primitives the embedded Python modules call to build query-model
//! nodes (filters, sorts, picks, `case`, `minimum_of`, ...); tables and codelists are in
//! `tables` and `codes`.

use std::any::Any;
use std::rc::Rc;

use crate::eval::error::{type_error, PyResult};
use crate::eval::value::Namespace;
use crate::eval::{Args, Interpreter, NativeObject, Value};
use crate::qm::{NaryFn, NodeId, Position, Type};

use super::convert::as_series;
use super::duration::{as_duration, DurationType, Unit};
use super::series::{build, build_series, operand, wrap};
use super::state::{ehrql_error, with_state};

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

pub(super) fn frame_node_value(id: NodeId) -> Value {
    Value::Native(Rc::new(FrameNode(id)))
}

pub(super) fn as_frame_node(v: &Value) -> Option<NodeId> {
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

/// `repr(v)` for messages; iterators (whose repr holds an address) by their type name, so
/// messages do not change between runs.
pub fn py_repr(it: &mut Interpreter, v: &Value) -> String {
    if matches!(v, Value::Iter(_)) {
        return format!("<{} object>", v.type_name());
    }
    it.repr(v).unwrap_or_else(|_| v.type_name())
}

pub(super) fn set(ns: &Namespace, name: &str, v: Value) {
    ns.borrow_mut().insert(Rc::from(name), v);
}

pub(super) fn arg(args: &Args, i: usize, name: &str) -> PyResult<Value> {
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

pub(super) fn node_arg(args: &Args, i: usize) -> PyResult<NodeId> {
    as_frame_node(&arg(args, i, "node")?).ok_or_else(|| type_error("expected a frame"))
}

pub(super) fn str_arg(args: &Args, i: usize, name: &str) -> PyResult<Rc<str>> {
    match arg(args, i, name)? {
        Value::Str(s) => Ok(s),
        other => Err(type_error(format!(
            "{name} must be a string, not '{}'",
            other.type_name()
        ))),
    }
}

pub(super) fn opt_str(v: Option<&Value>) -> Option<String> {
    match v {
        Some(Value::Str(s)) => Some(s.to_string()),
        _ => None,
    }
}

pub fn init(_: &mut Interpreter, ns: &Namespace) -> PyResult<()> {
    let fns: &[(&'static str, crate::eval::value::BuiltinFn)] = &[
        ("valid_code", super::codes::valid_code_fn),
        ("codelist_from_csv", super::codes::codelist_from_csv),
        (
            "codelist_from_csv_text",
            super::codes::codelist_from_csv_text,
        ),
        ("check_column_type", super::tables::check_column_type),
        ("select_table", super::tables::select_table),
        ("inline_table", super::tables::inline_table),
        ("table_from_file", super::tables::table_from_file),
        ("read_csv_file", super::tables::read_csv_file),
        ("column", super::tables::column),
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
