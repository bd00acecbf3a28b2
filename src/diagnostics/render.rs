//! Rendering diagnostics: rustc-style text (via annotate-snippets) and one-line JSON.

use std::collections::BTreeMap;

use annotate_snippets::{Level, Renderer, Snippet};
use serde_json::json;

use super::{Diagnostic, FileId, Severity, SourceMap, Span};

/// How the CLI prints diagnostics (`--error-format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ErrorFormat {
    #[default]
    Human,
    Json,
}

/// Widest source line shown before it is trimmed around the label.
const TERM_WIDTH: usize = 140;

fn clamp(text: &str, span: Span) -> std::ops::Range<usize> {
    let fix = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = fix(span.start);
    let end = fix(span.end).max(start);
    start..end
}

/// Renders a diagnostic as rustc does, without colour.
pub fn render_human(diag: &Diagnostic, sources: &SourceMap) -> String {
    let level = match diag.severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
    };
    // Group labels by file, the diagnostic's own file first.
    let mut by_file: BTreeMap<(bool, FileId), Vec<&super::Label>> = BTreeMap::new();
    for label in &diag.labels {
        if let Some(file) = label.file.or(diag.file) {
            by_file
                .entry((Some(file) != diag.file, file))
                .or_default()
                .push(label);
        }
    }
    let origins: Vec<(FileId, String)> = by_file
        .keys()
        .map(|(_, f)| (*f, sources.get(*f).path.display().to_string()))
        .collect();
    let lines: Vec<String> = diag
        .traceback
        .iter()
        .map(|frame| {
            let file = sources.get(frame.file);
            let lc = file.line_col(frame.span.start);
            format!(
                "{}:{}:{} in {}",
                file.path.display(),
                lc.line,
                lc.column,
                frame.name
            )
        })
        .collect();
    let traceback = collapse_repeats(lines);
    let traceback_text = if traceback.is_empty() {
        String::new()
    } else {
        format!(
            "traceback (most recent call last):\n{}",
            traceback.join("\n")
        )
    };

    let mut message = level.title(&diag.message).id(diag.code);
    for ((_, file_id), labels) in &by_file {
        let file = sources.get(*file_id);
        let origin = &origins.iter().find(|(f, _)| f == file_id).unwrap().1;
        let mut snippet = Snippet::source(&file.text)
            .line_start(1)
            .origin(origin)
            .fold(true);
        for label in labels {
            let range = clamp(&file.text, label.span);
            // Error-level labels render as `^^^`, warning-level ones as `---`, both without
            // a prefix: that is rustc's primary/secondary look.
            let lvl = if label.primary {
                Level::Error
            } else {
                Level::Warning
            };
            snippet = snippet.annotation(lvl.span(range).label(&label.message));
        }
        message = message.snippet(snippet);
    }
    if !traceback_text.is_empty() {
        message = message.footer(Level::Note.title(&traceback_text));
    }
    for help in &diag.helps {
        message = message.footer(Level::Help.title(help));
    }
    for note in &diag.notes {
        message = message.footer(Level::Note.title(note));
    }
    let renderer = Renderer::plain().term_width(TERM_WIDTH);
    let mut out = renderer.render(message).to_string();
    if diag.labels.is_empty() {
        if let Some(file) = diag.file {
            out.push_str(&format!("\n  --> {}", sources.get(file).path.display()));
        }
    }
    out
}

/// Renders a diagnostic as one JSON object (one line), for editors and CI.
pub fn render_json(diag: &Diagnostic, sources: &SourceMap) -> String {
    let locate = |file: Option<FileId>, span: Span| {
        file.map(|f| {
            let src = sources.get(f);
            let start = src.line_col(span.start);
            let end = src.line_col(span.end);
            json!({
                "file": src.path.display().to_string(),
                "byte_start": span.start,
                "byte_end": span.end,
                "line_start": start.line,
                "column_start": start.column,
                "line_end": end.line,
                "column_end": end.column,
            })
        })
    };
    let labels: Vec<_> = diag
        .labels
        .iter()
        .map(|l| {
            json!({
                "message": l.message,
                "primary": l.primary,
                "location": locate(l.file.or(diag.file), l.span),
            })
        })
        .collect();
    let traceback: Vec<_> = diag
        .traceback
        .iter()
        .map(|f| json!({"name": f.name, "location": locate(Some(f.file), f.span)}))
        .collect();
    let primary = diag
        .labels
        .iter()
        .find(|l| l.primary)
        .and_then(|l| locate(l.file.or(diag.file), l.span));
    json!({
        "code": diag.code,
        "severity": diag.severity,
        "message": diag.message,
        "location": primary,
        "labels": labels,
        "help": diag.helps,
        "notes": diag.notes,
        "traceback": traceback,
        "rendered": render_human(diag, sources),
    })
    .to_string()
}

/// Runs of the same frame (deep recursion) are shown three times, then counted, as Python
/// does, so a recursion error does not print a thousand identical lines.
fn collapse_repeats(lines: Vec<String>) -> Vec<String> {
    const SHOWN: usize = 3;
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let mut run = 1;
        while i + run < lines.len() && lines[i + run] == lines[i] {
            run += 1;
        }
        out.extend(std::iter::repeat_n(lines[i].clone(), run.min(SHOWN)));
        if run > SHOWN {
            let more = run - SHOWN;
            out.push(format!(
                "[previous line repeated {more} more time{}]",
                if more == 1 { "" } else { "s" }
            ));
        }
        i += run;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::collapse_repeats;

    #[test]
    fn repeated_frames_are_counted() {
        let lines: Vec<String> = ["a", "b", "b", "b", "b", "b", "c"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            collapse_repeats(lines),
            [
                "a",
                "b",
                "b",
                "b",
                "[previous line repeated 2 more times]",
                "c"
            ]
        );
    }
}
