//! Diagnostics: one error type with spans, rendered rustc-style for people and as JSON for tools.

mod render;
mod source;

pub use render::{render_human, render_json, ErrorFormat};
pub use source::{FileId, LineCol, SourceFile, SourceMap};

use serde::Serialize;

/// A byte range in one source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// Moves the span right by `offset` bytes.
    pub fn shifted(self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A span with a message, in the diagnostic's file unless `file` says otherwise.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Label {
    pub span: Span,
    pub message: String,
    pub primary: bool,
    pub file: Option<FileId>,
}

/// One call site in a traceback (outermost first).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Frame {
    pub file: FileId,
    pub span: Span,
    /// What was running there: a function name or `<module>`.
    pub name: String,
}

/// An error or warning to show the user.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    /// A stable code such as `E0101`; the list lives in `src/diagnostics/codes.md`.
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub file: Option<FileId>,
    pub labels: Vec<Label>,
    pub helps: Vec<String>,
    pub notes: Vec<String>,
    pub traceback: Vec<Frame>,
}

impl Diagnostic {
    /// An error with a primary label.
    pub fn error(code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            severity: Severity::Error,
            message: message.into(),
            file: None,
            labels: Vec::new(),
            helps: Vec::new(),
            notes: Vec::new(),
            traceback: Vec::new(),
        }
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    /// Sets the file all unqualified labels refer to.
    pub fn in_file(mut self, file: FileId) -> Diagnostic {
        self.file = Some(file);
        self
    }

    /// Adds the primary label.
    pub fn primary(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.labels.push(Label {
            span,
            message: message.into(),
            primary: true,
            file: None,
        });
        self
    }

    /// Adds a secondary label.
    pub fn secondary(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.labels.push(Label {
            span,
            message: message.into(),
            primary: false,
            file: None,
        });
        self
    }

    pub fn help(mut self, text: impl Into<String>) -> Diagnostic {
        self.helps.push(text.into());
        self
    }

    pub fn note(mut self, text: impl Into<String>) -> Diagnostic {
        self.notes.push(text.into());
        self
    }

    /// The span of the primary label, if any.
    pub fn primary_span(&self) -> Option<Span> {
        self.labels.iter().find(|l| l.primary).map(|l| l.span)
    }

    /// Moves every label right by `offset` bytes (for sub-parses of f-string fields).
    pub fn shifted(mut self, offset: usize) -> Diagnostic {
        for label in &mut self.labels {
            label.span = label.span.shifted(offset);
        }
        self
    }
}
