//! Static check of `schemas/*.py` against the facts in `tests/schema_facts/*.json`: every
//! table, column, type, constraint, dummy-data hint, permission, activation filter,
//! re-export and `__all__` order, plus the presence of descriptions and helper methods.
//!
//! The schema files are read as syntax only (nothing is evaluated), so this check pins down
//! what is written; a second check over the loaded table objects belongs with the evaluator.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use ehrql::syntax::ast::{
    Arg, ClassDef, Constant, Expr, ExprKind, FunctionDef, ImportNames, Module, Stmt, StmtKind,
    UnaryOp,
};
use ehrql::syntax::parse_module;
use serde_json::{json, Map, Value};

/// (module, schema file under `schemas/`, facts file under `tests/schema_facts/`).
const MODULES: &[(&str, &str, &str)] = &[
    ("ehrql.tables.core", "core.py", "core.json"),
    ("ehrql.tables.tpp", "tpp.py", "tpp.json"),
    ("ehrql.tables.emis", "emis.py", "emis.json"),
    ("ehrql.tables.emisv2", "emisv2.py", "emisv2.json"),
    ("ehrql.tables.raw.core", "raw/core.py", "raw_core.json"),
    ("ehrql.tables.raw.tpp", "raw/tpp.py", "raw_tpp.json"),
    ("ehrql.tables.raw.emis", "raw/emis.py", "raw_emis.json"),
    ("ehrql.tables.smoketest", "smoketest.py", "smoketest.json"),
];

/// The helper methods and properties each defining module's tables carry, as the reference
/// ehrQL's tables define them (`ehrql-language.md` §2.2), with their signatures: a method
/// is written `name(param, ...)` without `self`, because studies may pass the arguments by
/// keyword; a bare `name` is a `@property`, which (unlike a method) survives picking one row
/// per patient. Any other method is reported too.
const HELPERS: &[(&str, &str, &[&str])] = &[
    (
        "ehrql.tables.core",
        "patients",
        &["age_on(date)", "is_alive_on(date)", "is_dead_on(date)"],
    ),
    (
        "ehrql.tables.core",
        "practice_registrations",
        &[
            "for_patient_on(date)",
            "exists_for_patient_on(date)",
            "spanning(start_date, end_date)",
        ],
    ),
    (
        "ehrql.tables.core",
        "ons_deaths",
        &["cause_of_death_is_in(codelist)"],
    ),
    (
        "ehrql.tables.tpp",
        "addresses",
        &["for_patient_on(date)", "imd_quintile", "imd_decile"],
    ),
    (
        "ehrql.tables.tpp",
        "decision_support_values",
        &["electronic_frailty_index()"],
    ),
    (
        "ehrql.tables.tpp",
        "ons_deaths",
        &["cause_of_death_is_in(codelist)"],
    ),
    (
        "ehrql.tables.tpp",
        "practice_registrations",
        &[
            "for_patient_on(date)",
            "exists_for_patient_on(date)",
            "spanning(start_date, end_date)",
            "spanning_with_systmone(start_date, end_date)",
        ],
    ),
    (
        "ehrql.tables.emis",
        "patients",
        &[
            "age_on(date)",
            "has_practice_registration_spanning(start_date, end_date)",
        ],
    ),
    (
        "ehrql.tables.emis",
        "practice_registrations",
        &[
            "for_patient_on(date)",
            "exists_for_patient_on(date)",
            "spanning(start_date, end_date)",
        ],
    ),
    (
        "ehrql.tables.emisv2",
        "addresses",
        &["for_patient_on(date)"],
    ),
    (
        "ehrql.tables.emisv2",
        "practice_registrations",
        &[
            "for_patient_on(date)",
            "exists_for_patient_on(date)",
            "spanning(start_date, end_date)",
        ],
    ),
];

const SIMPLE_TYPES: &[&str] = &["bool", "int", "float", "str"];
const CODE_TYPES: &[&str] = &[
    "SNOMEDCTCode",
    "CTV3Code",
    "ICD10Code",
    "OPCS4Code",
    "DMDCode",
    "BNFCode",
    "ICD10MultiCodeString",
    "OPCS4MultiCodeString",
];

/// What one schema file declares, in the facts' shape.
#[derive(Default)]
struct Declared {
    all: Option<Vec<String>>,
    /// Local name -> the `ehrql.tables.*` module it is imported from.
    imports: BTreeMap<String, String>,
    /// Attribute -> table in the facts' shape (without `module`/`defined_in`).
    tables: BTreeMap<String, Value>,
    /// Attribute -> helper methods and properties, in order.
    helpers: BTreeMap<String, Vec<String>>,
    /// Problems found while reading, such as a column without a description.
    problems: Vec<String>,
}

/// Reads a schema file's syntax tree; `at` turns a byte offset into `file:line`.
struct Reader<'a> {
    file: &'a str,
    src: &'a str,
    out: Declared,
}

impl Reader<'_> {
    fn at(&self, offset: usize) -> String {
        let line = self.src[..offset.min(self.src.len())].matches('\n').count() + 1;
        format!("{}:{}", self.file, line)
    }

    fn problem(&mut self, offset: usize, msg: String) {
        let at = self.at(offset);
        self.out.problems.push(format!("{at}: {msg}"));
    }

    fn module(&mut self, module: &Module) {
        if docstring(&module.body).is_none() {
            self.problem(0, "the module has no docstring".into());
        }
        for stmt in &module.body {
            match &stmt.kind {
                StmtKind::Assign { targets, value } if is_name(targets, "__all__") => {
                    match literal(value) {
                        Ok(Value::Array(items)) if items.iter().all(Value::is_string) => {
                            let names = items.iter().map(|v| v.as_str().unwrap().to_string());
                            self.out.all = Some(names.collect());
                        }
                        _ => self.problem(
                            stmt.span.start,
                            "`__all__` must be a list of strings".into(),
                        ),
                    }
                }
                StmtKind::ImportFrom {
                    module: Some(m),
                    level: 0,
                    names: ImportNames::Names(names),
                } if m.dotted().starts_with("ehrql.tables.") => {
                    for alias in names {
                        let local = alias.asname.as_ref().unwrap_or(&alias.name.parts[0]);
                        self.out.imports.insert(local.name.clone(), m.dotted());
                    }
                }
                StmtKind::ClassDef(class) => self.class(class, stmt),
                _ => {}
            }
        }
    }

    fn class(&mut self, class: &ClassDef, stmt: &Stmt) {
        let attr = class.name.name.clone();
        let mut table = Map::new();
        table.insert("name".into(), json!(attr));
        table.insert("attr".into(), json!(attr));
        table.insert("required_permission".into(), Value::Null);
        table.insert("activation_filter_field".into(), json!(false));
        match class.decorators.as_slice() {
            [d] if matches!(&d.kind, ExprKind::Name(n) if n == "table") => {}
            [d] => match &d.kind {
                ExprKind::Call { func, args } if matches!(&func.kind, ExprKind::Name(n) if n == "table") => {
                    for arg in args {
                        let (key, value) = match arg {
                            Arg::Keyword { name, value } => (name.name.as_str(), literal(value)),
                            _ => ("", Err(String::new())),
                        };
                        let field = match key {
                            "name" => "name",
                            "permission" => "required_permission",
                            "activation_filter" => "activation_filter_field",
                            _ => {
                                let msg = format!("`{attr}`: `@table(...)` takes only name=, permission=, activation_filter=");
                                self.problem(d.span.start, msg);
                                continue;
                            }
                        };
                        match value {
                            Ok(v @ (Value::String(_) | Value::Null)) => {
                                table.insert(field.into(), v);
                            }
                            _ => self.problem(
                                d.span.start,
                                format!("`{attr}`: `{key}=` must be a string or None"),
                            ),
                        }
                    }
                }
                _ => self.problem(
                    d.span.start,
                    format!("`{attr}`: the decorator must be `@table`"),
                ),
            },
            _ => {
                self.problem(
                    stmt.span.start,
                    format!("class `{attr}` must have exactly one decorator, `@table`"),
                );
                return;
            }
        }
        let kind = match class.bases.as_slice() {
            [Arg::Positional(Expr {
                kind: ExprKind::Name(b),
                ..
            })] if b == "PatientFrame" => "patient",
            [Arg::Positional(Expr {
                kind: ExprKind::Name(b),
                ..
            })] if b == "EventFrame" => "event",
            _ => {
                self.problem(
                    stmt.span.start,
                    format!("`{attr}` must subclass exactly one of PatientFrame, EventFrame"),
                );
                "?"
            }
        };
        table.insert("kind".into(), json!(kind));
        if docstring(&class.body).is_none() {
            self.problem(stmt.span.start, format!("table `{attr}` has no docstring"));
        }
        let mut columns = Vec::new();
        let mut helpers = Vec::new();
        for (i, item) in class.body.iter().enumerate() {
            match &item.kind {
                StmtKind::Expr(_) if i == 0 => {}
                StmtKind::Assign { targets, value } => match (targets.as_slice(), &value.kind) {
                    (
                        [Expr {
                            kind: ExprKind::Name(col),
                            ..
                        }],
                        ExprKind::Call { func, args },
                    ) if matches!(&func.kind, ExprKind::Name(n) if n == "Series") => {
                        let column = self.column(&attr, col, args, item.span.start);
                        columns.push(column);
                    }
                    _ => self.problem(
                        item.span.start,
                        format!("`{attr}`: expected `name = Series(...)`"),
                    ),
                },
                StmtKind::FunctionDef(f) => {
                    if docstring(&f.body).is_none() {
                        self.problem(
                            item.span.start,
                            format!("`{attr}.{}` has no docstring", f.name.name),
                        );
                    }
                    helpers.push(self.helper_signature(&attr, f, item.span.start));
                }
                _ => self.problem(
                    item.span.start,
                    format!("`{attr}`: unexpected statement in a table class"),
                ),
            }
        }
        table.insert("columns".into(), Value::Array(columns));
        self.out.tables.insert(attr.clone(), Value::Object(table));
        self.out.helpers.insert(attr, helpers);
    }

    /// The helper's signature in `HELPERS` form: `name` for a `@property`, otherwise
    /// `name(params)` without `self`. Anything the reference's helpers never use (defaults,
    /// `*args`, keyword-only parameters, other decorators) is reported as a problem.
    fn helper_signature(&mut self, table: &str, f: &FunctionDef, offset: usize) -> String {
        let name = &f.name.name;
        let is_property = match f.decorators.as_slice() {
            [] => false,
            [Expr {
                kind: ExprKind::Name(d),
                ..
            }] if d == "property" => true,
            _ => {
                self.problem(offset, format!("`{table}.{name}`: unexpected decorator"));
                false
            }
        };
        let p = &f.params;
        if !p.posonly.is_empty() || p.vararg.is_some() || !p.kwonly.is_empty() || p.kwarg.is_some()
        {
            self.problem(
                offset,
                format!("`{table}.{name}`: only plain parameters are expected"),
            );
        }
        if p.args.iter().any(|a| a.default.is_some()) {
            self.problem(
                offset,
                format!("`{table}.{name}`: no helper takes a default"),
            );
        }
        match p.args.first() {
            Some(first) if first.name.name == "self" => {}
            _ => self.problem(
                offset,
                format!("`{table}.{name}`: the first parameter is `self`"),
            ),
        }
        let params: Vec<&str> = p
            .args
            .iter()
            .skip(1)
            .map(|a| a.name.name.as_str())
            .collect();
        if is_property {
            if !params.is_empty() {
                self.problem(
                    offset,
                    format!("`{table}.{name}`: a property takes only `self`"),
                );
            }
            name.clone()
        } else {
            format!("{name}({})", params.join(", "))
        }
    }

    fn column(&mut self, table: &str, name: &str, args: &[Arg], offset: usize) -> Value {
        let mut column = Map::new();
        column.insert("name".into(), json!(name));
        column.insert("type".into(), json!("?"));
        column.insert("constraints".into(), json!([]));
        let mut described = false;
        for (i, arg) in args.iter().enumerate() {
            let result = match arg {
                Arg::Positional(e) if i == 0 => series_type(e).map(|t| {
                    column.insert("type".into(), json!(t));
                }),
                Arg::Keyword { name: key, value } => match key.name.as_str() {
                    "constraints" => constraints(value).map(|c| {
                        column.insert("constraints".into(), Value::Array(c));
                    }),
                    "dummy_data_constraints" => constraints(value).map(|c| {
                        if !c.is_empty() {
                            column.insert("dummy_data_hints".into(), Value::Array(c));
                        }
                    }),
                    "description" => match literal(value) {
                        Ok(Value::String(s)) if !s.trim().is_empty() => {
                            described = true;
                            Ok(())
                        }
                        _ => Err("the description must be a non-empty string".into()),
                    },
                    other => Err(format!("unexpected argument `{other}=`")),
                },
                _ => Err("Series takes the type, then keyword arguments".into()),
            };
            if let Err(msg) = result {
                self.problem(offset, format!("`{table}.{name}`: {msg}"));
            }
        }
        if !described {
            self.problem(offset, format!("`{table}.{name}` has no description"));
        }
        Value::Object(column)
    }
}

fn is_name(targets: &[Expr], name: &str) -> bool {
    matches!(targets, [Expr { kind: ExprKind::Name(n), .. }] if n == name)
}

/// The docstring of a body, if its first statement is a non-empty string.
fn docstring(body: &[Stmt]) -> Option<&str> {
    match &body.first()?.kind {
        StmtKind::Expr(Expr {
            kind: ExprKind::Constant(Constant::Str(s)),
            ..
        }) if !s.trim().is_empty() => Some(s),
        _ => None,
    }
}

fn series_type(e: &Expr) -> Result<String, String> {
    match &e.kind {
        ExprKind::Name(n)
            if SIMPLE_TYPES.contains(&n.as_str()) || CODE_TYPES.contains(&n.as_str()) =>
        {
            Ok(n.clone())
        }
        ExprKind::Attribute { value, attr }
            if attr.name == "date"
                && matches!(&value.kind, ExprKind::Name(m) if m == "datetime") =>
        {
            Ok("date".into())
        }
        _ => Err("the type must be bool, int, float, str, datetime.date or a code class".into()),
    }
}

/// A literal as JSON: constants, lists and tuples, negative numbers, `datetime.date(y, m, d)`.
fn literal(e: &Expr) -> Result<Value, String> {
    match &e.kind {
        ExprKind::Constant(c) => match c {
            Constant::None => Ok(Value::Null),
            Constant::Bool(b) => Ok(json!(b)),
            Constant::Int(i) => Ok(json!(i)),
            Constant::Float(f) => Ok(json!(f)),
            Constant::Str(s) => Ok(json!(s)),
            Constant::Ellipsis => Err("`...` is not a value".into()),
        },
        ExprKind::UnaryOp {
            op: UnaryOp::USub,
            operand,
        } => match literal(operand)? {
            Value::Number(n) if n.is_i64() => Ok(json!(-n.as_i64().unwrap())),
            Value::Number(n) => Ok(json!(-n.as_f64().unwrap())),
            _ => Err("`-` applies only to numbers".into()),
        },
        ExprKind::List(items) | ExprKind::Tuple(items) => items
            .iter()
            .map(literal)
            .collect::<Result<_, _>>()
            .map(Value::Array),
        ExprKind::Call { func, args } if is_datetime_date(func) => {
            let parts: Vec<i64> = args
                .iter()
                .map(|a| match (a, literal(a.value())) {
                    (Arg::Positional(_), Ok(Value::Number(n))) if n.is_i64() => {
                        Ok(n.as_i64().unwrap())
                    }
                    _ => Err("datetime.date takes three int literals".to_string()),
                })
                .collect::<Result<_, _>>()?;
            match parts.as_slice() {
                [y, m, d] => Ok(json!(format!("{y:04}-{m:02}-{d:02}"))),
                _ => Err("datetime.date takes three int literals".into()),
            }
        }
        _ => Err("expected a literal value".into()),
    }
}

fn is_datetime_date(func: &Expr) -> bool {
    matches!(&func.kind, ExprKind::Attribute { value, attr }
        if attr.name == "date" && matches!(&value.kind, ExprKind::Name(m) if m == "datetime"))
}

/// A list of `Constraint.X(...)` calls in the facts' shape.
fn constraints(e: &Expr) -> Result<Vec<Value>, String> {
    let ExprKind::List(items) = &e.kind else {
        return Err("constraints must be written as a list".into());
    };
    items.iter().map(constraint).collect()
}

fn constraint(e: &Expr) -> Result<Value, String> {
    let (kind, args) = match &e.kind {
        ExprKind::Call { func, args } => match &func.kind {
            ExprKind::Attribute { value, attr } if matches!(&value.kind, ExprKind::Name(n) if n == "Constraint") => {
                (attr.name.as_str(), args)
            }
            _ => return Err("expected `Constraint.<Kind>(...)`".into()),
        },
        _ => return Err("expected `Constraint.<Kind>(...)`".into()),
    };
    let t = Value::Bool(true);
    let params: &[(&str, Option<Value>)] = match kind {
        "NotNull" | "Unique" | "FirstOfMonth" => &[],
        "Categorical" => &[("values", None)],
        "Regex" => &[("regex", None)],
        "DateAfter" => &[("column_names", None)],
        "ClosedRange" => &[
            ("minimum", None),
            ("maximum", None),
            ("step", Some(json!(1))),
        ],
        "GeneralRange" => &[
            ("minimum", Some(Value::Null)),
            ("maximum", Some(Value::Null)),
            ("includes_minimum", Some(t.clone())),
            ("includes_maximum", Some(t.clone())),
        ],
        other => return Err(format!("unknown constraint `Constraint.{other}`")),
    };
    let v = bind(kind, args, params)?;
    Ok(match kind {
        "NotNull" => json!({"not_null": true}),
        "Unique" => json!({"unique": true}),
        "FirstOfMonth" => json!({"first_of_month": true}),
        "Categorical" => json!({"categories": v[0]}),
        "Regex" => json!({"regex": v[0]}),
        "DateAfter" => json!({"date_after": v[0]}),
        "ClosedRange" => json!({"closed_range": [v[0], v[1], v[2]]}),
        _ => json!({"general_range": {
            "minimum": v[0], "maximum": v[1], "includes_minimum": v[2], "includes_maximum": v[3],
        }}),
    })
}

/// Binds call arguments to parameters as Python would, filling defaults.
fn bind(kind: &str, args: &[Arg], params: &[(&str, Option<Value>)]) -> Result<Vec<Value>, String> {
    let mut values: Vec<Option<Value>> = vec![None; params.len()];
    let mut positional = 0;
    for arg in args {
        let index = match arg {
            Arg::Positional(_) => {
                positional += 1;
                positional - 1
            }
            Arg::Keyword { name, .. } => params
                .iter()
                .position(|(p, _)| *p == name.name)
                .ok_or_else(|| format!("Constraint.{kind} has no argument `{}`", name.name))?,
            _ => return Err(format!("Constraint.{kind}: unpacking is not allowed here")),
        };
        if index >= params.len() || values[index].is_some() {
            return Err(format!("Constraint.{kind}: too many or repeated arguments"));
        }
        values[index] = Some(literal(arg.value())?);
    }
    values
        .into_iter()
        .zip(params)
        .map(|(v, (p, default))| {
            v.or_else(|| default.clone())
                .ok_or_else(|| format!("Constraint.{kind} needs `{p}`"))
        })
        .collect()
}

fn read_schema(repo: &Path, file: &str) -> Declared {
    let path = repo.join("schemas").join(file);
    let src = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    let label = format!("schemas/{file}");
    let mut reader = Reader {
        file: &label,
        src: &src,
        out: Declared::default(),
    };
    match parse_module(&src) {
        Ok(module) => reader.module(&module),
        Err(d) => reader.problem(0, format!("does not parse: {}", d.message)),
    }
    reader.out
}

/// How a declared list of names differs from the facts' list, briefly.
fn list_diff(have: &[String], want: &[String]) -> String {
    let missing: Vec<&String> = want.iter().filter(|w| !have.contains(w)).collect();
    let extra: Vec<&String> = have.iter().filter(|h| !want.contains(h)).collect();
    if missing.is_empty() && extra.is_empty() {
        let i = have.iter().zip(want).position(|(h, w)| h != w).unwrap_or(0);
        return format!(
            "are out of order: position {i} is `{}` but the facts have `{}`",
            have[i], want[i]
        );
    }
    format!("lack {missing:?} and have extra {extra:?}")
}

/// Every difference between one table's facts and its declaration, one line each.
fn compare_table(at: &str, fact: &Value, declared: &Value, diffs: &mut Vec<String>) {
    for key in [
        "name",
        "kind",
        "required_permission",
        "activation_filter_field",
    ] {
        if fact[key] != declared[key] {
            diffs.push(format!(
                "{at}: {key} is {} but the facts say {}",
                declared[key], fact[key]
            ));
        }
    }
    let names = |v: &Value| -> Vec<String> {
        v["columns"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["name"].as_str().unwrap().to_string())
            .collect()
    };
    let (want, have) = (names(fact), names(declared));
    if want != have {
        diffs.push(format!("{at}: columns {}", list_diff(&have, &want)));
    }
    for fc in fact["columns"].as_array().unwrap() {
        let name = fc["name"].as_str().unwrap();
        let Some(dc) = declared["columns"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == name)
        else {
            continue;
        };
        for key in ["type", "constraints", "dummy_data_hints"] {
            let absent = Value::Array(vec![]);
            let norm = |v: &Value| {
                if v.is_null() {
                    absent.clone()
                } else {
                    v.clone()
                }
            };
            if norm(&fc[key]) != norm(&dc[key]) {
                diffs.push(format!(
                    "{at}.{name}: {key} is {} but the facts say {}",
                    norm(&dc[key]),
                    norm(&fc[key])
                ));
            }
        }
    }
}

#[test]
fn schemas_match_the_facts() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let declared: BTreeMap<&str, Declared> = MODULES
        .iter()
        .map(|(m, file, _)| (*m, read_schema(repo, file)))
        .collect();
    let mut diffs: Vec<String> = Vec::new();
    for d in declared.values() {
        diffs.extend(d.problems.iter().cloned());
    }
    for (module, file, facts_file) in MODULES {
        let facts_path = repo.join("tests/schema_facts").join(facts_file);
        let facts: Vec<Value> =
            serde_json::from_str(&std::fs::read_to_string(&facts_path).unwrap()).unwrap();
        let here = &declared[module];
        let attrs: Vec<String> = facts
            .iter()
            .map(|t| t["attr"].as_str().unwrap().to_string())
            .collect();
        match &here.all {
            Some(all) if *all == attrs => {}
            Some(all) => diffs.push(format!(
                "schemas/{file}: __all__ {}",
                list_diff(all, &attrs)
            )),
            None => diffs.push(format!("schemas/{file}: no __all__")),
        }
        for attr in here.tables.keys().filter(|a| !attrs.contains(a)) {
            diffs.push(format!(
                "schemas/{file}: table `{attr}` is not in the facts"
            ));
        }
        for fact in &facts {
            let attr = fact["attr"].as_str().unwrap();
            let at = format!("schemas/{file}: {attr}");
            let defined_in = fact["defined_in"].as_str().unwrap();
            assert_eq!(
                fact["module"],
                json!(module),
                "{facts_file} lists another module"
            );
            let source = if here.tables.contains_key(attr) {
                *module
            } else if let Some(from) = here.imports.get(attr) {
                from.as_str()
            } else {
                diffs.push(format!(
                    "{at}: neither defined nor imported (the facts say it comes from {defined_in})"
                ));
                continue;
            };
            if source != defined_in {
                diffs.push(format!(
                    "{at}: comes from {source} but the facts say {defined_in}"
                ));
                continue;
            }
            match declared.get(source).and_then(|d| d.tables.get(attr)) {
                Some(table) => compare_table(&at, fact, table, &mut diffs),
                None => diffs.push(format!("{at}: {source} does not define it")),
            }
        }
    }
    for (module, table, expected) in HELPERS {
        let have = declared[module]
            .helpers
            .get(*table)
            .cloned()
            .unwrap_or_default();
        let mut want: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
        let mut sorted_have = have.clone();
        want.sort();
        sorted_have.sort();
        if want != sorted_have {
            diffs.push(format!(
                "{module}.{table}: helpers are {have:?} but should be {expected:?}"
            ));
        }
    }
    for (module, d) in &declared {
        for (table, helpers) in &d.helpers {
            let listed = HELPERS.iter().any(|(m, t, _)| m == module && t == table);
            if !helpers.is_empty() && !listed {
                diffs.push(format!(
                    "{module}.{table}: helpers {helpers:?} are not in HELPERS"
                ));
            }
        }
    }
    let mut report = String::new();
    for d in &diffs {
        writeln!(report, "  {d}").unwrap();
    }
    assert!(
        diffs.is_empty(),
        "schemas/ differs from tests/schema_facts/ in {} place(s):\n{report}",
        diffs.len()
    );
}

/// The copies in `tests/schema_facts/` must equal the shared reference facts when those are
/// present beside the repository (they are in CI); the copies keep the test self-contained.
#[test]
fn fact_copies_match_the_shared_reference() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = repo.join("../shared/reference/schemas");
    if !shared.is_dir() {
        eprintln!("note: {} not found; copies not compared", shared.display());
        return;
    }
    for (_, _, facts_file) in MODULES {
        let copy =
            std::fs::read_to_string(repo.join("tests/schema_facts").join(facts_file)).unwrap();
        let original = std::fs::read_to_string(shared.join(facts_file)).unwrap();
        assert!(
            copy == original,
            "tests/schema_facts/{facts_file} differs from {}",
            shared.display()
        );
    }
}

/// Guards the reader itself: a column that differs from the facts must be reported.
#[test]
fn a_wrong_constraint_is_reported() {
    let src = "\"\"\"Doc.\"\"\"\n@table\nclass t(PatientFrame):\n    \"\"\"Doc.\"\"\"\n\n    \
               x = Series(int, constraints=[Constraint.ClosedRange(0, 5)], description=\"An x.\")\n";
    let module = parse_module(src).expect("the fixture parses");
    let mut reader = Reader {
        file: "fixture.py",
        src,
        out: Declared::default(),
    };
    reader.module(&module);
    assert!(reader.out.problems.is_empty(), "{:?}", reader.out.problems);
    let fact = json!({"name": "t", "kind": "patient", "required_permission": null, "activation_filter_field": false,
        "columns": [{"name": "x", "type": "int", "constraints": [{"closed_range": [0, 5, 2]}]}]});
    let mut diffs = Vec::new();
    compare_table("fixture.py: t", &fact, &reader.out.tables["t"], &mut diffs);
    assert_eq!(diffs, ["fixture.py: t.x: constraints is [{\"closed_range\":[0,5,1]}] but the facts say [{\"closed_range\":[0,5,2]}]"]);
}
