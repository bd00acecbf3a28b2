//! Per-run state of the ehrQL modules (the arena being built, claimed permissions, `show`
//! calls) and the errors the language raises, in the researcher's terms.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use crate::eval::error::{make_exception, type_error, PyErr};
use crate::eval::{Interpreter, NativeObject, Value};
use crate::qm::{Arena, Expected, QmError, Received, SpanTable};

/// What the definition built, shared by every series, frame and dataset of one run.
#[derive(Default)]
pub struct LangState {
    pub arena: Arena,
    pub spans: SpanTable,
    pub claimed_permissions: Vec<String>,
    /// Labels of `show()` calls, in order.
    pub shows: Vec<Option<String>>,
    /// Whether `add_event_table` was used (needs the `event_level_data` permission).
    pub uses_event_tables: bool,
    /// Codes read from codelist files: code → (file, line), for invalid-code errors.
    pub code_origins: std::collections::HashMap<String, (String, usize)>,
    /// Whether each source file is one of the embedded ehrql modules (cached).
    pub embedded_files: std::collections::HashMap<crate::diagnostics::FileId, bool>,
    /// Secondary labels for the diagnostic of the last refused node: where its offending
    /// inputs were written, and what they are.
    pub error_labels: Vec<(crate::diagnostics::FileId, crate::diagnostics::Span, String)>,
    /// The last place in the researcher's files that produced a series or frame (for the
    /// line number `show()` reports).
    pub last_user_span: Option<(crate::diagnostics::FileId, crate::diagnostics::Span)>,
}

pub struct StateHolder(pub RefCell<LangState>);

impl NativeObject for StateHolder {
    fn type_name(&self) -> &str {
        "ehrql_state"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

const KEY: &str = "ehrql";

/// The state of this run, created on first use.
pub fn state(it: &mut Interpreter) -> Rc<dyn NativeObject> {
    if let Some(Value::Native(n)) = it.native_state.get(KEY) {
        return n.clone();
    }
    let holder: Rc<dyn NativeObject> = Rc::new(StateHolder(RefCell::new(LangState::default())));
    it.native_state
        .insert(KEY.into(), Value::Native(holder.clone()));
    holder
}

/// Runs `f` with the run's state borrowed mutably.
pub fn with_state<T>(it: &mut Interpreter, f: impl FnOnce(&mut LangState) -> T) -> T {
    let rc = state(it);
    let holder = rc
        .as_any()
        .downcast_ref::<StateHolder>()
        .expect("ehrql state");
    let mut s = holder.0.borrow_mut();
    let out = f(&mut s);
    drop(s);
    out
}

/// Takes the state out of the interpreter at the end of a run.
pub fn take_state(it: &mut Interpreter) -> LangState {
    let rc = state(it);
    let holder = rc
        .as_any()
        .downcast_ref::<StateHolder>()
        .expect("ehrql state");
    let taken = std::mem::take(&mut *holder.0.borrow_mut());
    taken
}

/// `ehrql.Error(message)`.
pub fn ehrql_error(it: &mut Interpreter, message: impl Into<String>) -> PyErr {
    let message = message.into();
    match it
        .import_module("ehrql.exceptions")
        .ok()
        .and_then(|m| m.get("Error"))
    {
        Some(Value::Class(c)) => PyErr::new(make_exception(c, vec![Value::str(&message)])),
        _ => crate::eval::error::exception("Exception", message),
    }
}

/// An exception of a named class from `ehrql.exceptions` (e.g. `CodelistError`).
pub fn ehrql_exception(it: &mut Interpreter, class: &str, message: impl Into<String>) -> PyErr {
    let message = message.into();
    match it
        .import_module("ehrql.exceptions")
        .ok()
        .and_then(|m| m.get(class))
    {
        Some(Value::Class(c)) => PyErr::new(make_exception(c, vec![Value::str(&message)])),
        _ => crate::eval::error::exception("ValueError", message),
    }
}

pub const COMBINE_MESSAGE: &str = "Cannot combine series which are drawn from different tables and both have more than one value per patient";

/// Translates a query-model refusal into the exception a researcher sees.
pub fn qm_error(it: &mut Interpreter, e: QmError) -> PyErr {
    let labels = with_state(it, |s| input_labels(s, &e));
    with_state(it, |s| s.error_labels = labels);
    match e {
        QmError::Type { expected, received, .. } => {
            let expected = match expected {
                Expected::Comparable => "Series[~Comparable]".to_string(),
                Expected::Numeric => "Series[~Numeric]".to_string(),
                other => other.to_string(),
            };
            let received = match received {
                Received::Frame | Received::PatientFrame | Received::UnsortedFrame => "Frame".to_string(),
                other => other.to_string(),
            };
            let series_expected = expected.starts_with("Series");
            let mut err = type_error(format!("Expected type '{expected}' but got '{received}'"));
            if expected == "SortedFrame" {
                err = err.with_help("`sort_by()` needs at least one series to sort by");
            } else if received == "Frame" && series_expected {
                err = err.with_help("a frame was given where a series is expected: are you missing a column name?");
            }
            err
        }
        QmError::DomainMismatch { node, .. } => {
            let mut msg = format!(
                "{COMBINE_MESSAGE}.\n\nTo filter rows of one table by values from another, reduce the other \
                 to one value per patient first (for example with `.first_for_patient()` or an aggregation \
                 such as `.exists_for_patient()`)."
            );
            if node == "EQ" || node == "NE" {
                msg.push_str(" To test whether a value appears among another table's values, use `is_in()`.");
            }
            ehrql_error(it, msg)
        }
        QmError::FrameDomainMismatch { node, .. } => ehrql_error(
            it,
            format!(
                "{COMBINE_MESSAGE}: the {} uses a series from a different table, or from a more \
                 filtered version of this one",
                if node == "Sort" { "sort key" } else { "condition" }
            ),
        ),
        QmError::InvalidSort { .. } => ehrql_error(it, "Cannot sort by a constant value"),
        QmError::PatientDomain { .. } => ehrql_error(
            it,
            "This operation needs a series with more than one value per patient (an event series)",
        ),
        QmError::UnknownColumn { table, column, .. } => crate::eval::error::attribute_error(format!(
            "table '{table}' has no column '{column}'"
        )),
        QmError::MixedSet => type_error("All the values in a set must have the same type"),
        QmError::CaseWithoutType => type_error("`case()` cannot have all values and `otherwise` set to `None`"),
        QmError::DuplicateCaseCondition { .. } => type_error("`case()` has a duplicated condition"),
        QmError::NoSources { node } => type_error(format!("{node} needs at least one input")),
        QmError::InlineRowArity { row, expected, got } => crate::eval::error::value_error(format!(
            "row {row} has {got} values but the table has {expected} columns (plus patient_id)"
        )),
        QmError::DatasetNotOneRowPerPatient { .. } => type_error(
            "Expecting a series with only one value per patient: did you forget `.first_for_patient()` or an aggregation?",
        ),
        QmError::DuplicateName { name } => {
            crate::eval::error::attribute_error(format!("'{name}' is already set and cannot be reassigned"))
        }
        QmError::PopulationTrueForNoRows { .. } => {
            ehrql_error(it, "population definition must not evaluate as True for NULL inputs")
        }
        other => ehrql_error(it, other.to_string()),
    }
}

/// The evaluator's value hook: records where each series or frame node was first written
/// in the researcher's own files (not in the embedded modules).
pub fn record_span(
    it: &mut Interpreter,
    file: crate::diagnostics::FileId,
    span: crate::diagnostics::Span,
    v: &Value,
) {
    let node = match super::convert::as_series(v) {
        Some(s) => s.node,
        None => match super::native::frame_of(v) {
            Some(n) => n,
            None => return,
        },
    };
    // One borrow of the state in the common case (the file was seen before).
    let recorded = with_state(it, |s| match s.embedded_files.get(&file) {
        Some(true) => true,
        Some(false) => {
            s.spans.record(node, file, span);
            s.last_user_span = Some((file, span));
            true
        }
        None => false,
    });
    if !recorded {
        let embedded = it
            .sources()
            .get(file)
            .path
            .to_string_lossy()
            .starts_with("<ehrql");
        with_state(it, |s| {
            s.embedded_files.insert(file, embedded);
            if !embedded {
                s.spans.record(node, file, span);
                s.last_user_span = Some((file, span));
            }
        });
    }
}

/// Where the inputs a refusal names were written, each with what it is.
fn input_labels(
    s: &LangState,
    e: &QmError,
) -> Vec<(crate::diagnostics::FileId, crate::diagnostics::Span, String)> {
    let rows_of = |id: crate::qm::NodeId| -> String {
        let info = s.arena.info(id);
        match s.arena.domain_table(info.domain) {
            Some(t) => {
                let filtered = match info.domain {
                    crate::qm::Domain::Rows(d) => {
                        matches!(s.arena.node(d), crate::qm::Node::Filter { .. })
                    }
                    crate::qm::Domain::Patient => false,
                };
                if filtered {
                    format!("one value per row of filtered `{}`", t.name)
                } else {
                    format!("one value per row of `{}`", t.name)
                }
            }
            None => "one value per patient".into(),
        }
    };
    let mut ids: Vec<(crate::qm::NodeId, String)> = Vec::new();
    match e {
        QmError::DomainMismatch { first, second, .. } => {
            ids.push((*first, rows_of(*first)));
            ids.push((*second, rows_of(*second)));
        }
        QmError::FrameDomainMismatch { series, .. } => ids.push((*series, rows_of(*series))),
        QmError::Type {
            input, received, ..
        } => ids.push((*input, format!("this is a {received}"))),
        _ => {}
    }
    ids.into_iter()
        .filter_map(|(id, label)| s.spans.get(id).map(|(f, sp)| (f, sp, label)))
        .collect()
}
