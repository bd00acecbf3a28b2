//! Running a definition file and finding what it defines: a module-level `dataset` (with a
//! population) or `measures`, compiled to the query model.

use std::path::Path;

use crate::diagnostics::{Diagnostic, SourceMap};
use crate::eval::{Config, EvalError, Interpreter, Limits, Value};
use crate::qm::{self, Arena, Date, GroupedSum, NodeId, SpanTable, Type};

use super::convert::{as_date, as_series};
use super::dataset::{as_dataset, EventTableObj};
use super::state::take_state;

/// The measures sharing one denominator and one set of intervals, as one dataset whose
/// `measures` field says what to sum.
#[derive(Debug, Clone)]
pub struct MeasureGroup {
    pub intervals: Vec<(Date, Date)>,
    pub measure_names: Vec<String>,
    pub dataset: qm::Dataset,
}

#[derive(Debug, Clone)]
pub enum Output {
    Dataset(qm::Dataset),
    Measures(Vec<MeasureGroup>),
}

/// A compiled definition.
#[derive(Debug)]
pub struct Compiled {
    pub output: Output,
    pub arena: Arena,
    pub spans: SpanTable,
    pub sources: SourceMap,
    pub claimed_permissions: Vec<String>,
    /// Labels of `show()` calls, in order (`None` for unlabelled ones).
    pub shows: Vec<Option<String>>,
    pub uses_event_tables: bool,
}

impl Compiled {
    /// The dataset, if the definition defines one (not measures).
    pub fn dataset(&self) -> Option<&qm::Dataset> {
        match &self.output {
            Output::Dataset(d) => Some(d),
            Output::Measures(_) => None,
        }
    }

    /// Every root of the output: the dataset's, or every measure group's.
    pub fn roots(&self) -> Vec<NodeId> {
        match &self.output {
            Output::Dataset(d) => d.roots(),
            Output::Measures(groups) => groups.iter().flat_map(|g| g.dataset.roots()).collect(),
        }
    }

    /// The tables the output reads, by name, in first-use order.
    pub fn tables_used(&self) -> Vec<String> {
        qm::introspect::tables_used(&self.arena, &self.roots())
            .into_iter()
            .map(|t| t.name.clone())
            .collect()
    }

    /// Permissions the tables used (and event tables) require.
    pub fn required_permissions(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for t in qm::introspect::tables_used(&self.arena, &self.roots()) {
            if let Some(p) = &t.required_permission {
                if !out.contains(p) {
                    out.push(p.clone());
                }
            }
        }
        if self.uses_event_tables {
            out.push("event_level_data".into());
        }
        out
    }
}

/// Why a definition did not compile.
#[derive(Debug)]
pub struct CompileError {
    pub diagnostics: Vec<Diagnostic>,
    pub sources: SourceMap,
    /// 10 definition error, 11 file validation, 2 usage (argparse exits).
    pub exit_code: i32,
}

fn exit_code_for(e: &EvalError) -> i32 {
    if let Some(code) = e.exit_code {
        return if code == 0 { 0 } else { 2 };
    }
    match e.kind.as_str() {
        "CodelistError" | "FileValidationError" => 11,
        _ => 10,
    }
}

fn failure(it: &mut Interpreter, e: EvalError) -> CompileError {
    let e = super::diagnose::relocate(e, it.sources());
    let labels = super::state::with_state(it, |s| std::mem::take(&mut s.error_labels));
    // A `SystemExit` (argparse's usage error or `--help`) has already said what it had to
    // say, as Python would: no diagnostic pointing into the argparse shim on top.
    let diagnostics = if e.exit_code.is_some() {
        Vec::new()
    } else {
        vec![super::diagnose::diagnostic(&e, it.sources(), &labels)]
    };
    CompileError {
        exit_code: exit_code_for(&e),
        diagnostics,
        sources: it.sources().clone(),
    }
}

fn loader_error(it: &Interpreter, code: &'static str, message: &str) -> CompileError {
    CompileError {
        diagnostics: vec![Diagnostic::error(code, message.to_string())],
        sources: it.sources().clone(),
        exit_code: 10,
    }
}

/// A new interpreter with the `ehrql` modules, for running a definition.
pub fn interpreter(definition: &Path, params: &[String], project_root: &Path) -> Interpreter {
    interpreter_with_limits(definition, params, project_root, Limits::default())
}

/// Like [`interpreter`], with the evaluator's limits set by the caller (the CLI's flags).
pub fn interpreter_with_limits(
    definition: &Path,
    params: &[String],
    project_root: &Path,
    limits: Limits,
) -> Interpreter {
    let mut config = Config::new(project_root);
    config.limits = limits;
    config.argv = std::iter::once(definition.to_string_lossy().into_owned())
        .chain(params.iter().cloned())
        .collect();
    let mut it = Interpreter::new(config);
    super::register_modules(&mut it);
    it.value_hook = Some(super::state::record_span);
    it
}

/// Runs the definition at `path` (relative to `project_root`, or absolute inside it) with
/// `params` as `sys.argv[1:]`, and compiles its `measures` or `dataset`.
pub fn compile_definition(
    path: &Path,
    params: &[String],
    project_root: &Path,
) -> Result<Compiled, CompileError> {
    compile_definition_with_limits(path, params, project_root, Limits::default())
}

/// Like [`compile_definition`], with the evaluator's step, depth, memory and stack limits.
pub fn compile_definition_with_limits(
    path: &Path,
    params: &[String],
    project_root: &Path,
    limits: Limits,
) -> Result<Compiled, CompileError> {
    let mut it = interpreter_with_limits(path, params, project_root, limits);
    let module = match it.run_file(path) {
        Ok(m) => m,
        Err(e) => return Err(failure(&mut it, e)),
    };
    // `measures` counts only when it is a `Measures`: a dataset definition may well have a
    // variable of that name for something else.
    let is_measures =
        |v: &Value| matches!(v, Value::Instance(i) if i.class.lookup("define_measure").is_some());
    let output = if let Some(measures) = module.get("measures").filter(is_measures) {
        Output::Measures(compile_measures(&mut it, &measures)?)
    } else {
        let Some(dataset) = module.get("dataset") else {
            return Err(loader_error(
                &it,
                "E1001",
                "Did not find a variable called 'dataset' in dataset definition file",
            ));
        };
        let Some(ds) = as_dataset(&dataset) else {
            return Err(loader_error(
                &it,
                "E1002",
                "'dataset' must be an instance of ehrql.Dataset",
            ));
        };
        Output::Dataset(compile_dataset(&mut it, ds)?)
    };
    let state = take_state(&mut it);
    Ok(Compiled {
        output,
        arena: state.arena,
        spans: state.spans,
        sources: it.sources().clone(),
        claimed_permissions: state.claimed_permissions,
        shows: state.shows,
        uses_event_tables: state.uses_event_tables,
    })
}

fn compile_dataset(
    it: &mut Interpreter,
    ds: &super::dataset::DatasetObj,
) -> Result<qm::Dataset, CompileError> {
    let (population, variables, events) = {
        let inner = ds.inner.borrow();
        let Some(population) = inner
            .population
            .as_ref()
            .and_then(as_series)
            .map(|s| s.node)
        else {
            return Err(loader_error(
                it,
                "E1003",
                "A population has not been defined; define one with define_population()",
            ));
        };
        let variables: Vec<(String, NodeId)> = inner
            .variables
            .iter()
            .filter_map(|(k, v)| as_series(v).map(|s| (k.clone(), s.node)))
            .collect();
        (population, variables, inner.events.clone())
    };
    let mut event_nodes = Vec::new();
    for (name, table) in events {
        let crate::eval::Value::Native(n) = &table else {
            continue;
        };
        let Some(t) = n.as_any().downcast_ref::<EventTableObj>() else {
            continue;
        };
        match t.node(it) {
            Ok(node) => event_nodes.push((name, node)),
            Err(e) => {
                let e = it.to_eval_error(e);
                return Err(failure(it, e));
            }
        }
    }
    let built = super::state::with_state(it, |s| {
        qm::Dataset::new(&s.arena, population, variables, event_nodes, None)
    });
    built.map_err(|e| loader_error(it, "E1004", &e.to_string()))
}

fn get(it: &mut Interpreter, v: &Value, name: &str) -> Result<Value, CompileError> {
    it.getattr(v, name).map_err(|e| {
        let e = it.to_eval_error(e);
        failure(it, e)
    })
}

fn compile_measures(
    it: &mut Interpreter,
    measures: &Value,
) -> Result<Vec<MeasureGroup>, CompileError> {
    let defined = get(it, measures, "_measures").map_err(|_| {
        loader_error(
            it,
            "E1005",
            "'measures' must be an instance of ehrql.Measures",
        )
    })?;
    let list = it.iterate(&defined).unwrap_or_default();
    let mut items = Vec::new();
    for name in list {
        let m = match &defined {
            Value::Dict(d) => d
                .borrow()
                .get(&crate::eval::value::Key(name.clone()))
                .cloned(),
            _ => None,
        };
        if let Some(m) = m {
            items.push(m);
        }
    }
    if items.is_empty() {
        return Err(loader_error(it, "E1006", "No measures defined"));
    }
    // Group by (denominator, intervals), in first-appearance order.
    struct Group {
        denominator: NodeId,
        intervals: Vec<(Date, Date)>,
        names: Vec<String>,
        numerators: Vec<NodeId>,
        group_bys: Vec<Vec<(String, NodeId)>>,
    }
    let mut groups: Vec<Group> = Vec::new();
    for m in items {
        let name = match get(it, &m, "name")? {
            Value::Str(s) => s.to_string(),
            _ => continue,
        };
        let num = as_series(&get(it, &m, "numerator")?).map(|s| s.node);
        let den = as_series(&get(it, &m, "denominator")?).map(|s| s.node);
        let (Some(num), Some(den)) = (num, den) else {
            continue;
        };
        let ivs = get(it, &m, "intervals")?;
        let mut intervals = Vec::new();
        for iv in it.iterate(&ivs).unwrap_or_default() {
            let pair = it.iterate(&iv).unwrap_or_default();
            if let (Some(s), Some(e)) = (
                pair.first().and_then(as_date),
                pair.get(1).and_then(as_date),
            ) {
                intervals.push((s, e));
            }
        }
        let gb = get(it, &m, "group_by")?;
        let mut group_by = Vec::new();
        if let Value::Dict(d) = &gb {
            for (k, v) in d.borrow().iter() {
                if let (Value::Str(k), Some(s)) = (&k.0, as_series(v)) {
                    group_by.push((k.to_string(), s.node));
                }
            }
        }
        match groups
            .iter_mut()
            .find(|g| g.denominator == den && g.intervals == intervals)
        {
            Some(g) => {
                g.names.push(name);
                g.numerators.push(num);
                g.group_bys.push(group_by);
            }
            None => groups.push(Group {
                denominator: den,
                intervals,
                names: vec![name],
                numerators: vec![num],
                group_bys: vec![group_by],
            }),
        }
    }
    let mut out = Vec::new();
    for g in groups {
        let built = super::state::with_state(it, |s| -> Result<qm::Dataset, qm::QmError> {
            let a = &mut s.arena;
            let population = match a.series_type(g.denominator) {
                Some(Type::Int) => {
                    let zero = a.value(qm::Value::Int(0))?;
                    a.binary(qm::BinaryFn::GT, g.denominator, zero)?
                }
                _ => g.denominator,
            };
            let mut variables = vec![("denominator".to_string(), g.denominator)];
            let mut numerator_names = Vec::new();
            for (i, n) in g.numerators.iter().enumerate() {
                let var = format!("numerator_{}", i + 1);
                numerator_names.push(var.clone());
                variables.push((var, *n));
            }
            let mut group_bys: Vec<(Vec<String>, Vec<String>)> = Vec::new();
            for (i, gb) in g.group_bys.iter().enumerate() {
                let key: Vec<String> = gb.iter().map(|(k, _)| k.clone()).collect();
                for (k, node) in gb {
                    if !variables.iter().any(|(n, _)| n == k) {
                        variables.push((k.clone(), *node));
                    }
                }
                match group_bys.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, nums)) => nums.push(numerator_names[i].clone()),
                    None => group_bys.push((key, vec![numerator_names[i].clone()])),
                }
            }
            let measures = GroupedSum {
                numerators: numerator_names,
                denominator: "denominator".into(),
                group_bys,
            };
            qm::Dataset::new(a, population, variables, vec![], Some(measures))
        });
        let dataset = built.map_err(|e| loader_error(it, "E1004", &e.to_string()))?;
        out.push(MeasureGroup {
            intervals: g.intervals,
            measure_names: g.names,
            dataset,
        });
    }
    Ok(out)
}
