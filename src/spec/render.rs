//! The spec chapters rendered as the Markdown language reference (`docs/language/`): an
//! index with the tables and chapter list, and one page per chapter with each topic's
//! prose and each case as input tables, the ehrQL and the result.

use std::collections::HashMap;
use std::fmt::Write;
use std::path::PathBuf;

use crate::qm::Type;

use super::compare::format_cell;
use super::{Case, Cell, Chapter, FrameKind, Spec};

/// A generated file: its path relative to the output directory, and its text.
#[derive(Debug, Clone, PartialEq)]
pub struct DocFile {
    pub path: PathBuf,
    pub text: String,
}

/// The index page's file name.
pub const INDEX: &str = "README.md";

const GENERATED: &str =
    "<!-- Generated from spec/ by `ehrql render-spec`: edit the spec files, not this page. -->";

/// Renders the whole reference: the index, then one page per chapter.
pub fn render_docs(spec: &Spec) -> Vec<DocFile> {
    let mut files = vec![DocFile {
        path: PathBuf::from(INDEX),
        text: render_index(spec),
    }];
    for (k, chapter) in spec.chapters.iter().enumerate() {
        let prev = k.checked_sub(1).and_then(|p| spec.chapters.get(p));
        let next = spec.chapters.get(k + 1);
        files.push(DocFile {
            path: PathBuf::from(page_name(chapter)),
            text: render_chapter(chapter, prev, next),
        });
    }
    files
}

fn page_name(chapter: &Chapter) -> String {
    format!("{}.md", chapter.dir)
}

/// `1. Basics` for `01_basics`.
fn numbered_title(chapter: &Chapter) -> String {
    let digits: String = chapter
        .dir
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    match digits.parse::<u32>() {
        Ok(n) => format!("{n}. {}", chapter.title()),
        Err(_) => chapter.title(),
    }
}

fn python_type(ty: &Type) -> String {
    match ty {
        Type::Bool => "bool".into(),
        Type::Int => "int".into(),
        Type::Float => "float".into(),
        Type::Str => "str".into(),
        Type::Date => "datetime.date".into(),
        Type::Code(s) => s.name().into(),
        Type::MultiCodeString(s) => s.name().into(),
        Type::Set(_) => "set".into(),
    }
}

fn render_index(spec: &Spec) -> String {
    let mut out = String::new();
    let total: usize = spec.chapters.iter().map(Chapter::case_count).sum();
    let _ = writeln!(out, "# The ehrQL language reference\n\n{GENERATED}\n");
    out.push_str(
        "What each part of ehrQL does, shown by example. Every example is a case of the \
         conformance suite in `spec/`, which `tests/spec.rs` runs on every engine, so this \
         page and the implementation cannot disagree.\n\n",
    );
    out.push_str("## The example tables\n\n");
    out.push_str(
        "Every example reads two tables: `p`, a patient frame (at most one row per patient), \
         and `e`, an event frame (any number of rows per patient). Both have these columns:\n\n",
    );
    out.push_str("| column | type |\n| --- | --- |\n");
    for col in &spec.columns {
        let _ = writeln!(out, "| `{}` | `{}` |", col.name, python_type(&col.ty));
    }
    out.push_str(
        "\nAn example gives only the rows and columns it needs; every other cell is *NULL*. \
         Booleans are written `T` and `F`, and dates `YYYY-MM-DD`. An example that is a single \
         expression runs after `from ehrql import *` and `from ehrql.codes import *`, for \
         every patient with a row in either table; its result is the column `value`, one row \
         per patient.\n\n",
    );
    out.push_str("## Chapters\n\n| Chapter | Topics | Examples |\n| --- | --- | ---: |\n");
    for chapter in &spec.chapters {
        let page = page_name(chapter);
        let topics: Vec<String> = chapter
            .topics
            .iter()
            .zip(topic_anchors(chapter))
            .map(|(t, a)| format!("[{}]({page}#{a})", t.title))
            .collect();
        let _ = writeln!(
            out,
            "| [{}]({page}) | {} | {} |",
            numbered_title(chapter),
            topics.join(", "),
            chapter.case_count()
        );
    }
    let _ = writeln!(out, "\n{total} examples in all.");
    out
}

/// GitHub's heading anchors: lowercase, punctuation other than `-` and `_` dropped, spaces
/// as `-`, and `-N` added to repeats on the same page.
struct Anchors(HashMap<String, usize>);

impl Anchors {
    fn next(&mut self, heading: &str) -> String {
        let base: String = heading
            .to_lowercase()
            .chars()
            .filter_map(|c| match c {
                ' ' => Some('-'),
                c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
                _ => None,
            })
            .collect();
        let seen = self.0.entry(base.clone()).or_insert(0);
        let anchor = if *seen == 0 {
            base
        } else {
            format!("{base}-{seen}")
        };
        *seen += 1;
        anchor
    }
}

/// The anchors of a chapter page's topic headings, as the page assigns them (every heading
/// on the page counts towards repeats, so this walks them in page order).
fn topic_anchors(chapter: &Chapter) -> Vec<String> {
    let mut anchors = Anchors(HashMap::new());
    anchors.next(&numbered_title(chapter));
    let mut out = Vec::new();
    for topic in &chapter.topics {
        out.push(anchors.next(&topic.title));
        for case in &topic.cases {
            anchors.next(&case.title);
        }
    }
    out
}

fn render_chapter(chapter: &Chapter, prev: Option<&Chapter>, next: Option<&Chapter>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n\n{GENERATED}\n", numbered_title(chapter));
    let mut nav = vec![format!("[Contents]({INDEX})")];
    if let Some(p) = prev {
        nav.push(format!(
            "previous: [{}]({})",
            numbered_title(p),
            page_name(p)
        ));
    }
    if let Some(n) = next {
        nav.push(format!("next: [{}]({})", numbered_title(n), page_name(n)));
    }
    let _ = writeln!(out, "{}\n", nav.join(" · "));
    for (topic, anchor) in chapter.topics.iter().zip(topic_anchors(chapter)) {
        let _ = writeln!(
            out,
            "- [{}](#{anchor}) ({} examples)",
            topic.title,
            topic.cases.len()
        );
    }
    for topic in &chapter.topics {
        let _ = writeln!(out, "\n## {}\n", topic.title);
        if !topic.intro.is_empty() {
            let _ = writeln!(out, "{}\n", topic.intro);
        }
        for case in &topic.cases {
            render_case(&mut out, case);
        }
    }
    out
}

fn render_case(out: &mut String, case: &Case) {
    let _ = writeln!(out, "### {}\n", case.title);
    if !case.prose.is_empty() {
        let _ = writeln!(out, "{}\n", case.prose);
    }
    for table in &case.tables {
        let kind = match table.kind {
            FrameKind::Patient => "patient frame",
            FrameKind::Event => "event frame",
        };
        let _ = writeln!(out, "`{}` ({kind}):\n", table.name);
        let header: Vec<&str> = std::iter::once("patient_id")
            .chain(table.columns.iter().map(|c| c.name.as_str()))
            .collect();
        let rows = table.rows.iter().map(|r| {
            std::iter::once(r.patient_id.to_string())
                .chain(r.cells.iter().map(input_cell))
                .collect()
        });
        markdown_table(out, &header, rows);
    }
    let what = if case.whole_definition {
        "The definition"
    } else {
        "The expression"
    };
    let _ = writeln!(
        out,
        "{what}:\n\n```python\n{}\n```\n",
        case.ehrql.trim_end()
    );
    out.push_str("gives:\n\n");
    let header: Vec<&str> = std::iter::once("patient_id")
        .chain(case.expected.columns.iter().map(String::as_str))
        .collect();
    let rows = case.expected.rows.iter().map(|r| {
        std::iter::once(r.patient_id.to_string())
            .chain(r.cells.iter().map(|c| match c {
                Some(text) => text.replace('|', "\\|"),
                None => "*NULL*".into(),
            }))
            .collect()
    });
    markdown_table(out, &header, rows);
    let _ = writeln!(out, "<sub>{}</sub>\n", case.location());
}

fn input_cell(cell: &Cell) -> String {
    match cell {
        Cell::Null => "*NULL*".into(),
        other => format_cell(other),
    }
}

fn markdown_table(out: &mut String, header: &[&str], rows: impl Iterator<Item = Vec<String>>) {
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let _ = writeln!(out, "|{}", " --- |".repeat(header.len()));
    for row in rows {
        let _ = writeln!(out, "| {} |", row.join(" | "));
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_follow_github_and_count_repeats() {
        let mut a = Anchors(HashMap::new());
        assert_eq!(
            a.next("Membership: is_in and is_not_in"),
            "membership-is_in-and-is_not_in"
        );
        assert_eq!(a.next("`case` with (no) default"), "case-with-no-default");
        assert_eq!(a.next("case with no default"), "case-with-no-default-1");
    }

    #[test]
    fn chapters_are_titled_from_their_folders() {
        let chapter = Chapter {
            dir: "09_strings_and_codes".into(),
            topics: Vec::new(),
        };
        assert_eq!(numbered_title(&chapter), "9. Strings and codes");
        assert_eq!(page_name(&chapter), "09_strings_and_codes.md");
    }
}
