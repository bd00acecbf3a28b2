//! `Dataset` (native, so attribute assignment can be checked): the population, columns,
//! dummy-data settings and event tables, with the reference's naming and value rules.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use indexmap::IndexMap;

use crate::eval::error::{attribute_error, type_error, value_error, PyErr, PyResult};
use crate::eval::{Args, Interpreter, NativeObject, Value};
use crate::qm::{NodeId, Type};

use super::convert::as_series;
use super::duration::as_date_difference;
use super::native::is_frame;
use super::series::build;
use super::state::{ehrql_error, qm_error, with_state};

const RESERVED: &[&str] = &["patient_id", "population", "dummy_data_config"];

#[derive(Default)]
pub struct DatasetInner {
    pub population: Option<Value>,
    pub variables: IndexMap<String, Value>,
    pub events: IndexMap<String, Value>,
    pub dummy_population_size: i64,
    pub dummy_constraint: Option<NodeId>,
}

pub struct DatasetObj {
    pub inner: RefCell<DatasetInner>,
}

pub struct EventTableObj {
    pub name: String,
    pub columns: RefCell<IndexMap<String, NodeId>>,
}

pub fn create_dataset(_: &mut Interpreter, args: Args) -> PyResult<Value> {
    if !args.pos.is_empty() || !args.kw.is_empty() {
        return Err(type_error("create_dataset() takes no arguments"));
    }
    Ok(Value::Native(Rc::new(DatasetObj {
        inner: RefCell::new(DatasetInner {
            dummy_population_size: 10,
            ..Default::default()
        }),
    })))
}

pub fn as_dataset(v: &Value) -> Option<&DatasetObj> {
    match v {
        Value::Native(n) => n.as_any().downcast_ref::<DatasetObj>(),
        _ => None,
    }
}

fn valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Checks a variable, table, measure or group-by name.
pub fn check_name(name: &str, context: &str) -> PyResult<()> {
    if !valid_name(name) {
        return Err(attribute_error(format!(
            "{context} names must start with a letter, and contain only alphanumeric characters and \
             underscores (you defined a {context} '{name}')"
        )));
    }
    Ok(())
}

pub fn check_name_fn(_: &mut Interpreter, args: Args) -> PyResult<Value> {
    let name = match args.pos.first() {
        Some(Value::Str(s)) => s.clone(),
        _ => return Err(type_error("names must be strings")),
    };
    let context = match args.pos.get(1) {
        Some(Value::Str(s)) => s.to_string(),
        _ => "variable".into(),
    };
    check_name(&name, &context)?;
    Ok(Value::None)
}

/// The reasons a value cannot be a dataset column (one value per patient).
fn not_a_patient_series(it: &mut Interpreter, v: &Value) -> PyErr {
    if let Some(s) = as_series(v) {
        if !s.patient {
            return type_error(
                "Expecting a series with only one value per patient: did you forget `.first_for_patient()` \
                 or an aggregation?",
            )
            .with_help(
                "this series has many values per patient (one per row of an event table); reduce it to one, \
                 e.g. with `.sort_by(...).first_for_patient()`, `.exists_for_patient()` or `.count_for_patient()`",
            );
        }
    }
    if is_frame(it, v) {
        return type_error("Expecting a series but got a frame: are you missing a column name?");
    }
    if let Value::Tuple(t) = v {
        if t.len() == 1 && (as_series(&t[0]).is_some()) {
            return type_error("Expecting a series but got a tuple")
                .with_help("is there a trailing comma at the end of the line?");
        }
    }
    if matches!(
        v,
        Value::Function(_) | Value::BoundMethod(_) | Value::NativeMethod(_) | Value::Builtin(_)
    ) {
        return type_error("Function referenced but not called: are you missing parentheses?")
            .with_help("call the method, e.g. `frame.exists_for_patient()`, to get its series");
    }
    if as_date_difference(v).is_some() {
        return type_error("Expecting an ehrQL series, got type 'DateDifference'")
            .with_help("use `.days`, `.weeks`, `.months` or `.years` to get a number");
    }
    type_error(format!(
        "Expecting an ehrQL series, got type '{}'",
        v.type_name()
    ))
}

/// The node of a patient series, or the reason it is not one.
fn patient_series(it: &mut Interpreter, v: &Value) -> PyResult<NodeId> {
    match as_series(v) {
        Some(s) if s.patient => Ok(s.node),
        _ => Err(not_a_patient_series(it, v)),
    }
}

fn bool_patient_series(it: &mut Interpreter, v: &Value, what: &str) -> PyResult<NodeId> {
    let node = patient_series(it, v)?;
    let ty = as_series(v).map(|s| s.ty.clone());
    if ty != Some(Type::Bool) {
        return Err(type_error(format!(
            "{what} must be a boolean series (True or False per patient), got a series of type '{}'",
            ty.map(|t| t.to_string()).unwrap_or_default()
        )));
    }
    Ok(node)
}

pub fn check_patient_series(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    let v = args.pos.first().cloned().unwrap_or(Value::None);
    patient_series(it, &v)?;
    Ok(v)
}

pub fn check_measure_value(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    let v = args.pos.first().cloned().unwrap_or(Value::None);
    let what = match args.pos.get(1) {
        Some(Value::Str(s)) => s.to_string(),
        _ => "value".into(),
    };
    patient_series(it, &v)?;
    match as_series(&v).map(|s| s.ty.clone()) {
        Some(Type::Bool | Type::Int) => Ok(v),
        _ => Err(type_error(format!(
            "`{what}` must be a boolean or integer series"
        ))),
    }
}

pub fn check_population_constraint(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    let v = args.pos.first().cloned().unwrap_or(Value::None);
    bool_patient_series(it, &v, "additional_population_constraint")?;
    Ok(Value::None)
}

impl DatasetObj {
    fn add_column(&self, it: &mut Interpreter, name: &str, value: Value) -> PyResult<()> {
        check_name(name, "variable")?;
        if name == "population" {
            return Err(attribute_error(
                "Cannot set variable 'population'; use define_population() instead",
            ));
        }
        if RESERVED.contains(&name) {
            return Err(attribute_error(format!(
                "'{name}' is a reserved name and cannot be used as a variable"
            )));
        }
        {
            let inner = self.inner.borrow();
            if inner.variables.contains_key(name) || inner.events.contains_key(name) {
                return Err(attribute_error(format!(
                    "'{name}' is already set and cannot be reassigned"
                )));
            }
        }
        patient_series(it, &value)?;
        self.inner
            .borrow_mut()
            .variables
            .insert(name.to_string(), value);
        Ok(())
    }

    fn define_population(&self, it: &mut Interpreter, value: Value) -> PyResult<()> {
        if self.inner.borrow().population.is_some() {
            return Err(attribute_error(
                "define_population() should be called no more than once",
            ));
        }
        if as_series(&value).is_none() {
            return Err(not_a_patient_series(it, &value));
        }
        let node = bool_patient_series(it, &value, "the population")?;
        let checked = with_state(it, |s| crate::qm::validate_population(&s.arena, node));
        if let Err(e) = checked {
            let mut err = qm_error(it, e);
            err = err.with_help(
                "the population must be False or NULL for a patient with no rows in any table; \
                 e.g. `~x.exists_for_patient()` or `x.is_null()` alone would select every patient",
            );
            return Err(err);
        }
        self.inner.borrow_mut().population = Some(value);
        Ok(())
    }

    fn configure_dummy_data(&self, it: &mut Interpreter, mut args: Args) -> PyResult<()> {
        if !args.pos.is_empty() {
            return Err(type_error(
                "configure_dummy_data() takes keyword arguments only",
            ));
        }
        let size = args.take_kw("population_size").unwrap_or(Value::Int(10));
        let legacy = args.take_kw("legacy").unwrap_or(Value::Bool(false));
        let _timeout = args.take_kw("timeout");
        let constraint = args
            .take_kw("additional_population_constraint")
            .unwrap_or(Value::None);
        if let Some((k, _)) = args.kw.first() {
            return Err(type_error(format!(
                "configure_dummy_data() got an unexpected keyword argument '{k}'"
            )));
        }
        if let Value::Int(n) = size {
            self.inner.borrow_mut().dummy_population_size = n;
        }
        if !constraint.is_none() {
            let node = bool_patient_series(it, &constraint, "additional_population_constraint")?;
            if it.truthy(&legacy)? {
                return Err(value_error(
                    "Cannot provide `additional_population_constraint` and also set `legacy=True`",
                ));
            }
            self.inner.borrow_mut().dummy_constraint = Some(node);
        }
        Ok(())
    }

    fn add_event_table(&self, it: &mut Interpreter, mut args: Args) -> PyResult<Value> {
        let name = match args.pos.first() {
            Some(Value::Str(s)) => s.to_string(),
            _ => return Err(type_error("add_event_table() needs a table name")),
        };
        check_name(&name, "table")?;
        {
            let inner = self.inner.borrow();
            if inner.variables.contains_key(&name)
                || inner.events.contains_key(&name)
                || RESERVED.contains(&name.as_str())
            {
                return Err(attribute_error(format!(
                    "'{name}' is already set and cannot be reassigned"
                )));
            }
        }
        let kw = std::mem::take(&mut args.kw);
        if kw.is_empty() {
            return Err(value_error("event tables must have at least one column"));
        }
        let table = Rc::new(EventTableObj {
            name: name.clone(),
            columns: RefCell::new(IndexMap::new()),
        });
        let mut any_event = false;
        for (k, v) in &kw {
            table.check_and_add(it, k, v)?;
            any_event |= as_series(v).is_some_and(|s| !s.patient);
        }
        if !any_event {
            return Err(type_error(
                "event tables must have columns with more than one value per patient",
            ));
        }
        table.check_domain(it)?;
        with_state(it, |s| s.uses_event_tables = true);
        let value = Value::Native(table);
        self.inner.borrow_mut().events.insert(name, value.clone());
        Ok(value)
    }
}

impl EventTableObj {
    fn check_and_add(&self, _it: &mut Interpreter, name: &str, v: &Value) -> PyResult<()> {
        check_name(name, "column")?;
        let Some(s) = as_series(v) else {
            return Err(type_error(format!(
                "Expecting an ehrQL series, got type '{}'",
                v.type_name()
            )));
        };
        if self.columns.borrow().contains_key(name) {
            return Err(attribute_error(format!(
                "'{name}' is already set and cannot be reassigned"
            )));
        }
        self.columns.borrow_mut().insert(name.to_string(), s.node);
        Ok(())
    }

    /// The members as an event table node (checks that the event series share a domain).
    pub fn node(&self, it: &mut Interpreter) -> PyResult<NodeId> {
        let members: Vec<(String, NodeId)> = self
            .columns
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), *v))
            .collect();
        build(it, |a| a.series_collection_frame(members))
    }

    fn check_domain(&self, it: &mut Interpreter) -> PyResult<()> {
        self.node(it).map(|_| ()).map_err(|e| {
            if e.is("TypeError") {
                return e;
            }
            ehrql_error(
                it,
                "cannot combine series drawn from different tables; create a new event table for each table",
            )
        })
    }
}

impl NativeObject for EventTableObj {
    fn type_name(&self) -> &str {
        "EventTable"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn has_method(&self, name: &str) -> bool {
        name == "add_column"
    }
    fn call_method(
        &self,
        _this: &Value,
        name: &str,
        args: Args,
        it: &mut Interpreter,
    ) -> PyResult<Value> {
        debug_assert_eq!(name, "add_column");
        let (Some(Value::Str(n)), Some(v)) = (args.pos.first(), args.pos.get(1)) else {
            return Err(type_error("add_column(name, series)"));
        };
        self.check_and_add(it, n, v)?;
        self.check_domain(it)?;
        Ok(Value::None)
    }
    fn set_attr(&self, name: &str, value: Value, it: &mut Interpreter) -> Option<PyResult<()>> {
        Some(
            self.check_and_add(it, name, &value)
                .and_then(|_| self.check_domain(it)),
        )
    }
    fn get_attr(&self, _this: &Value, name: &str, it: &mut Interpreter) -> Option<PyResult<Value>> {
        let node = self.columns.borrow().get(name).copied()?;
        Some(Ok(super::series::wrap(it, node)))
    }
    fn repr(&self, _it: &mut Interpreter) -> PyResult<String> {
        Ok(format!("EventTable({:?})", self.name))
    }
}

impl NativeObject for DatasetObj {
    fn type_name(&self) -> &str {
        "Dataset"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn has_method(&self, name: &str) -> bool {
        matches!(
            name,
            "define_population" | "add_column" | "configure_dummy_data" | "add_event_table"
        )
    }
    fn call_method(
        &self,
        _this: &Value,
        name: &str,
        mut args: Args,
        it: &mut Interpreter,
    ) -> PyResult<Value> {
        match name {
            "define_population" => {
                let v = args
                    .pos
                    .first()
                    .cloned()
                    .or_else(|| args.take_kw("population_condition"));
                let v = v.ok_or_else(|| {
                    type_error("define_population() missing 1 required positional argument")
                })?;
                self.define_population(it, v)?;
            }
            "add_column" => {
                let (Some(Value::Str(n)), Some(v)) =
                    (args.pos.first().cloned(), args.pos.get(1).cloned())
                else {
                    return Err(type_error(
                        "add_column() takes a column name (a string) and a series",
                    ));
                };
                self.add_column(it, &n, v)?;
            }
            "configure_dummy_data" => self.configure_dummy_data(it, args)?,
            "add_event_table" => return self.add_event_table(it, args),
            _ => unreachable!("has_method"),
        }
        Ok(Value::None)
    }
    fn set_attr(&self, name: &str, value: Value, it: &mut Interpreter) -> Option<PyResult<()>> {
        Some(self.add_column(it, name, value))
    }
    fn get_attr(
        &self,
        _this: &Value,
        name: &str,
        _it: &mut Interpreter,
    ) -> Option<PyResult<Value>> {
        if self.has_method(name) {
            return None;
        }
        let inner = self.inner.borrow();
        if let Some(v) = inner.variables.get(name).or_else(|| inner.events.get(name)) {
            return Some(Ok(v.clone()));
        }
        if name == "population" {
            return Some(match &inner.population {
                Some(p) => Ok(p.clone()),
                None => Err(attribute_error(
                    "A population has not been defined; define one with define_population()",
                )),
            });
        }
        if name.starts_with("__") {
            return None;
        }
        let mut err = attribute_error(format!("Variable '{name}' has not been defined"));
        let names: Vec<&str> = inner.variables.keys().map(String::as_str).collect();
        if let Some(close) = crate::eval::interp::closest(name, names.into_iter()) {
            err = err.with_help(format!("did you mean `{close}`?"));
        }
        Some(Err(err))
    }
    fn attribute_names(&self) -> Vec<String> {
        self.inner.borrow().variables.keys().cloned().collect()
    }
    fn repr(&self, _it: &mut Interpreter) -> PyResult<String> {
        Ok("Dataset()".into())
    }
}
