//! Turning an evaluation failure into a diagnostic in the researcher's terms: pointed at
//! their own code (not the embedded ehrql modules), at the offending sub-expression (the
//! value of a dataset assignment rather than its target), with a label saying what is wrong.

use crate::diagnostics::{Diagnostic, FileId, SourceMap, Span};
use crate::eval::EvalError;

/// Whether a source path is one of our embedded modules (`<ehrql/...>`).
pub fn is_embedded(sources: &SourceMap, file: FileId) -> bool {
    sources
        .get(file)
        .path
        .to_string_lossy()
        .starts_with("<ehrql")
}

/// Points an error raised inside the embedded modules at the researcher's own code: the
/// innermost call site in their files, dropping the embedded frames from the traceback.
pub fn relocate(mut e: EvalError, sources: &SourceMap) -> EvalError {
    if let Some((file, _)) = e.location {
        if is_embedded(sources, file) {
            if let Some(frame) = e
                .traceback
                .iter()
                .rev()
                .find(|f| !is_embedded(sources, f.file))
            {
                e.location = Some((frame.file, frame.span));
            }
        }
    }
    e.traceback.retain(|f| !is_embedded(sources, f.file));
    if let (Some((file, span)), Some(last)) = (e.location, e.traceback.last()) {
        if last.file == file && last.span == span {
            e.traceback.pop();
        }
    }
    e
}

fn span_of(v: &serde_json::Value) -> Option<Span> {
    let s = v.get("span")?;
    Some(Span::new(
        s.get("start")?.as_u64()? as usize,
        s.get("end")?.as_u64()? as usize,
    ))
}

/// The value of the assignment statement whose target is exactly `target`, if any.
fn assigned_value(tree: &serde_json::Value, target: Span) -> Option<Span> {
    match tree {
        serde_json::Value::Object(map) => {
            if let Some(assign) = map.get("Assign") {
                let targets = assign.get("targets")?.as_array()?;
                if targets.iter().any(|t| span_of(t) == Some(target)) {
                    return span_of(assign.get("value")?);
                }
            }
            map.values().find_map(|v| assigned_value(v, target))
        }
        serde_json::Value::Array(items) => items.iter().find_map(|v| assigned_value(v, target)),
        _ => None,
    }
}

/// The short label under the offending code.
fn label_for(e: &EvalError) -> String {
    let m = e.message.as_str();
    if m.starts_with("Expecting a series with only one value per patient") {
        "this has more than one value per patient".into()
    } else if m.starts_with("Cannot combine series") {
        "these series come from different tables (or differently filtered rows)".into()
    } else if m.starts_with("Cannot compare") {
        "these values have different types".into()
    } else if let Some(rest) = m.strip_prefix("Expected type ") {
        format!("expected type {rest}")
    } else if m.starts_with("Expecting an ehrQL series")
        || m.starts_with("Expecting a series but got a frame")
    {
        "not a series".into()
    } else if m.starts_with("Invalid ") {
        "not a valid code for this column's coding system".into()
    } else if m.contains("has no column or method") || m.contains("has no method") {
        "unknown column or method".into()
    } else if m.contains("is already set and cannot be reassigned") {
        "already defined".into()
    } else if m.contains("reserved name") {
        "a reserved name".into()
    } else if m.starts_with("Function referenced but not called") {
        "not called".into()
    } else {
        "raised here".into()
    }
}

fn code_for(e: &EvalError) -> &'static str {
    let m = e.message.as_str();
    match e.kind.as_str() {
        _ if m.starts_with("Expecting a series with only one value per patient") => "E1010",
        _ if m.starts_with("Cannot combine series") => "E1011",
        _ if m.starts_with("Cannot compare") => "E1012",
        _ if m.starts_with("Expected type ") => "E1013",
        _ if m.contains("is already set and cannot be reassigned")
            || m.contains("reserved name") =>
        {
            "E1014"
        }
        _ if m.starts_with("population definition must not") => "E1015",
        "CodelistError" => "E1020",
        "FileValidationError" => "E1022",
        _ if m.starts_with("Expecting an ehrQL series")
            || m.starts_with("Expecting a series but got")
            || m.starts_with("Function referenced but not called") =>
        {
            "E1016"
        }
        "AttributeError"
            if m.contains("has no column or method") || m.contains("has no method") =>
        {
            "E1017"
        }
        _ if m.starts_with("Invalid ") => "E1021",
        "Error" => "E1000",
        _ => "",
    }
}

/// The diagnostic for an evaluation failure of a definition, with `extra` secondary labels
/// (where the offending inputs were written) when they lie inside the primary location's file.
pub fn diagnostic(
    e: &EvalError,
    sources: &SourceMap,
    extra: &[(FileId, Span, String)],
) -> Diagnostic {
    let mut d = base_diagnostic(e, sources);
    if let (Some(file), Some(primary)) = (d.file, d.primary_span()) {
        let text = &sources.get(file).text;
        // Inputs written in the same statement: before the primary span's end, and at most a
        // few lines above it (a long expression split over lines).
        let window_start = text[..primary.start.min(text.len())]
            .rmatch_indices('\n')
            .nth(5)
            .map(|(i, _)| i + 1)
            .unwrap_or(0);
        for (f, span, label) in extra {
            if *f == file
                && *span != primary
                && span.start >= window_start
                && span.end <= primary.end
            {
                d = d.secondary(*span, label.clone());
            }
        }
    }
    d
}

/// The `ehrql` modules definitions can import, for did-you-mean on a misspelt one.
fn known_modules() -> Vec<String> {
    let mut names: Vec<String> = [
        "ehrql",
        "ehrql.codes",
        "ehrql.tables",
        "ehrql.query_language",
        "ehrql.measures",
    ]
    .map(String::from)
    .to_vec();
    for (name, _) in super::SCHEMA_MODULES {
        names.push(format!("ehrql.tables.{name}"));
        names.push(format!("ehrql.tables.beta.{name}"));
    }
    names
}

fn base_diagnostic(e: &EvalError, sources: &SourceMap) -> Diagnostic {
    if e.kind == "ModuleNotFoundError" {
        if let Some(missing) = e
            .message
            .strip_prefix("No module named '")
            .and_then(|m| m.strip_suffix('\''))
        {
            if missing.starts_with("ehrql") {
                let known = known_modules();
                if let Some(close) =
                    crate::eval::interp::closest(missing, known.iter().map(String::as_str))
                {
                    let mut d = e.to_diagnostic();
                    d.helps.retain(|h| !h.starts_with("did you mean"));
                    return d.help(format!("did you mean `{close}`?"));
                }
            }
        }
    }
    let code = code_for(e);
    if code.is_empty() || e.diagnostic.is_some() {
        return e.to_diagnostic();
    }
    let mut d = Diagnostic::error(code, e.headline());
    if let Some((file, span)) = e.location {
        d = d.in_file(file);
        let dataset_value = e.message.starts_with("Expecting")
            || e.message.starts_with("Function referenced")
            || e.message.contains("already set")
            || e.message.contains("reserved name");
        let value = if dataset_value && !e.message.contains("already set") {
            crate::syntax::parse_module(&sources.get(file).text)
                .ok()
                .and_then(|m| serde_json::to_value(&m).ok())
                .and_then(|tree| assigned_value(&tree, span))
        } else {
            None
        };
        match value {
            Some(v) => {
                d = d
                    .primary(v, label_for(e))
                    .secondary(span, "assigned to a dataset column here");
            }
            None => d = d.primary(span, label_for(e)),
        }
    }
    if let Some(help) = &e.help {
        d = d.help(help.clone());
    }
    d.traceback = e.traceback.clone();
    d
}
