//! The commands that run a definition through the language layer: `check` (summary),
//! `serialize-definition` (QM as JSON), `explain --emit qm|qm-opt`, and `dump-schema`.

use crate::cli::{report, DefinitionArgs, EXIT_OK, EXIT_PERMISSIONS, EXIT_USAGE};
use crate::diagnostics::Diagnostic;
use crate::diagnostics::ErrorFormat;
use crate::lang::{compile_definition_with_limits, Compiled, Output};
use crate::qm;

/// Compiles the definition, printing diagnostics and returning the exit code on failure.
pub fn compile(args: &DefinitionArgs, format: ErrorFormat) -> Result<Compiled, i32> {
    let root = super::project_root();
    compile_definition_with_limits(&args.definition, &args.params, &root, args.limits()).map_err(
        |e| {
            report(&e.diagnostics, &e.sources, format);
            e.exit_code
        },
    )
}

/// The one-line summary `check` prints.
pub fn summary(args: &DefinitionArgs, c: &Compiled) -> String {
    let tables = c.tables_used();
    let tables = if tables.is_empty() {
        "none".to_string()
    } else {
        tables.join(", ")
    };
    match &c.output {
        Output::Dataset(d) => {
            let events = if d.events().is_empty() {
                String::new()
            } else {
                format!(
                    ", {} event table{}",
                    d.events().len(),
                    if d.events().len() == 1 { "" } else { "s" }
                )
            };
            format!(
                "ok: {}: dataset with {} column{}{events}; tables used: {tables}",
                args.definition.display(),
                d.variables().len(),
                if d.variables().len() == 1 { "" } else { "s" },
            )
        }
        Output::Measures(groups) => {
            let n: usize = groups.iter().map(|g| g.measure_names.len()).sum();
            format!(
                "ok: {}: {n} measure{}; tables used: {tables}",
                args.definition.display(),
                if n == 1 { "" } else { "s" }
            )
        }
    }
}

pub fn serialize(args: &DefinitionArgs, format: ErrorFormat) -> i32 {
    let c = match compile(args, format) {
        Ok(c) => c,
        Err(code) => return code,
    };
    match &c.output {
        Output::Dataset(d) => println!("{}", qm::serial::to_json(&c.arena, d)),
        Output::Measures(groups) => {
            let items: Vec<serde_json::Value> = groups
                .iter()
                .map(|g| {
                    serde_json::json!({
                        "measures": g.measure_names,
                        "intervals": g.intervals.iter().map(|(s, e)| vec![s.to_string(), e.to_string()]).collect::<Vec<_>>(),
                        "dataset": serde_json::from_str::<serde_json::Value>(&qm::serial::to_json(&c.arena, &g.dataset)).unwrap_or_default(),
                    })
                })
                .collect();
            println!("{}", serde_json::to_string_pretty(&items).expect("json"));
        }
    }
    EXIT_OK
}

/// `explain --emit qm` (as built) or `qm-opt` (after the required sort rewrite).
pub fn explain_qm(args: &DefinitionArgs, format: ErrorFormat, rewritten: bool) -> i32 {
    let mut c = match compile(args, format) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let datasets: Vec<(Option<Vec<String>>, qm::Dataset)> = match &c.output {
        Output::Dataset(d) => vec![(None, d.clone())],
        Output::Measures(groups) => groups
            .iter()
            .map(|g| (Some(g.measure_names.clone()), g.dataset.clone()))
            .collect(),
    };
    for (names, d) in datasets {
        let d = if rewritten {
            match qm::rewrite::rewrite_dataset_sorts(&mut c.arena, &d) {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("error: the sort rewrite failed: {e}");
                    return super::EXIT_INTERNAL;
                }
            }
        } else {
            d
        };
        if let Some(names) = names {
            println!("# measures: {}", names.join(", "));
        }
        print!("{}", qm::display::display_dataset(&c.arena, &d));
    }
    EXIT_OK
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SchemaFormat {
    Md,
    Json,
}

pub fn dump_schema(schema: &str, format: SchemaFormat) -> i32 {
    let tables = match crate::lang::schema_tables(schema) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_USAGE;
        }
    };
    match format {
        SchemaFormat::Md => print!("{}", crate::lang::schema_markdown(schema, &tables)),
        SchemaFormat::Json => println!("{}", serde_json::to_string_pretty(&tables).expect("json")),
    }
    EXIT_OK
}

/// The permission check of a dummy-data run: every permission the tables used (and event
/// tables) require must have been claimed with `claim_permissions()`.
pub fn check_permissions(c: &Compiled, format: ErrorFormat) -> Result<(), i32> {
    let missing: Vec<String> = c
        .required_permissions()
        .into_iter()
        .filter(|p| !c.claimed_permissions.contains(p))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let list = missing
        .iter()
        .map(|p| format!("`{p}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let claim = missing
        .iter()
        .map(|p| format!("{p:?}"))
        .collect::<Vec<_>>()
        .join(", ");
    let diag = Diagnostic::error(
        "E1030",
        format!("the definition needs permission(s) it has not claimed: {list}"),
    )
    .help(format!(
        "to run against dummy data, claim them in the definition: `claim_permissions({claim})`; \
             on real data the permissions come from the output's approval"
    ));
    report(&[diag], &c.sources, format);
    Err(EXIT_PERMISSIONS)
}
