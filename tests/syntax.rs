//! Syntax fixtures: every `tests/fixtures/syntax/ok/*.py` parses, and its AST (spans stripped,
//! printed compactly) matches a snapshot; `spans_*` fixtures also snapshot the source text
//! every node's span covers. Every `err/*.py` fails, and its rendered diagnostic matches a
//! snapshot. `check_with_cpython.sh` in the fixture folder checks the fixtures against
//! CPython 3.13 (by hand: CI has no CPython 3.13).

use std::fs;
use std::path::{Path, PathBuf};

use ehrql::diagnostics::{render_human, SourceFile, SourceMap};
use ehrql::syntax::{parse_module, strip_spans};
use serde_json::Value;

fn fixtures(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/syntax")
        .join(kind);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {}", dir.display());
    files
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .expect("file name")
        .to_string_lossy()
        .into_owned()
}

/// The fixture path relative to the crate root, as diagnostics show it.
fn display_path(path: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Runs `f` on a thread with a stack large enough for the deepest tree the parser accepts
/// (serialising it recurses once per level; the CLI runs on a large stack too).
fn with_large_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(256 * 1024 * 1024)
        .spawn(f)
        .expect("spawning the test thread")
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
}

#[test]
fn ok_fixtures_parse_and_match_snapshots() {
    with_large_stack(check_ok_fixtures);
}

fn check_ok_fixtures() {
    for path in fixtures("ok") {
        let src = fs::read_to_string(&path).expect("fixture is UTF-8");
        let module = match parse_module(&src) {
            Ok(m) => m,
            Err(diag) => {
                let mut sources = SourceMap::new();
                let file = sources.add(SourceFile::new(display_path(&path), src.clone()));
                panic!("{}", render_human(&diag.in_file(file), &sources));
            }
        };
        assert_eq!(
            module.span.end,
            src.len(),
            "{}: module span",
            path.display()
        );
        let name = stem(&path);
        let mut text = String::new();
        let json = strip_spans(&module);
        for stmt in json["body"].as_array().expect("body is a list") {
            text.push_str(&pretty(stmt, 0));
            text.push('\n');
        }
        insta::assert_snapshot!(format!("ok__{name}"), text);
        if name.starts_with("spans_") {
            let with_spans = serde_json::to_value(&module).expect("AST serialises");
            let mut listing = String::new();
            list_spans(&with_spans, &src, 0, &mut listing);
            insta::assert_snapshot!(format!("spans__{name}"), listing);
        }
    }
}

#[test]
fn err_fixtures_fail_and_match_snapshots() {
    for path in fixtures("err") {
        let src = fs::read_to_string(&path).expect("fixture is UTF-8");
        let diag = match parse_module(&src) {
            Ok(_) => panic!("{} parsed, but should not", path.display()),
            Err(diag) => diag,
        };
        assert!(
            diag.primary_span().is_some(),
            "{}: diagnostic has no primary label",
            path.display()
        );
        let mut sources = SourceMap::new();
        let file = sources.add(SourceFile::new(display_path(&path), src));
        let rendered = render_human(&diag.in_file(file), &sources);
        insta::assert_snapshot!(format!("err__{}", stem(&path)), rendered);
    }
}

/// Widest line before a node is broken over several lines.
const WIDTH: usize = 96;

/// Prints span-free AST JSON compactly: enum variants as `Variant(...)`, struct fields as
/// `field=value`, with null fields and empty lists left out.
fn pretty(value: &Value, indent: usize) -> String {
    let value = node(value);
    let flat = flat(value);
    if indent + flat.len() <= WIDTH {
        return flat;
    }
    let pad = "  ".repeat(indent + 1);
    let close = "  ".repeat(indent);
    match value {
        Value::Array(items) => {
            let inner: Vec<String> = items
                .iter()
                .map(|v| format!("{pad}{},", pretty(v, indent + 1)))
                .collect();
            format!("[\n{}\n{close}]", inner.join("\n"))
        }
        Value::Object(map) => match variant(map) {
            Some((name, inner)) => match node(inner) {
                Value::Object(fields) if !is_span(fields) && variant(fields).is_none() => {
                    let inner: Vec<String> = fields
                        .iter()
                        .filter(|(_, v)| !skip(v))
                        .map(|(k, v)| format!("{pad}{k}={},", pretty(v, indent + 1)))
                        .collect();
                    format!("{name}(\n{}\n{close})", inner.join("\n"))
                }
                other => format!("{name}({})", pretty(other, indent)),
            },
            None => {
                let inner: Vec<String> = map
                    .iter()
                    .filter(|(_, v)| !skip(v))
                    .map(|(k, v)| format!("{pad}{k}={},", pretty(v, indent + 1)))
                    .collect();
                format!("{{\n{}\n{close}}}", inner.join("\n"))
            }
        },
        other => flat_scalar(other),
    }
}

fn is_span(map: &serde_json::Map<String, Value>) -> bool {
    map.len() == 2 && map.contains_key("start") && map.contains_key("end")
}

fn skip(v: &Value) -> bool {
    v.is_null() || v.as_array().is_some_and(|a| a.is_empty())
}

/// `{"kind": X}` is the node X; `{"Variant": X}` (an upper-case single key) is an enum variant.
fn variant(map: &serde_json::Map<String, Value>) -> Option<(String, &Value)> {
    if map.len() != 1 {
        return None;
    }
    let (key, inner) = map.iter().next().expect("one entry");
    if key.chars().next().is_some_and(|c| c.is_ascii_uppercase()) {
        Some((key.clone(), inner))
    } else {
        None
    }
}

/// An expression or statement is `{"kind": ...}` once its span is gone: print the kind.
fn node(value: &Value) -> &Value {
    match value {
        Value::Object(map) if map.len() == 1 && map.contains_key("kind") => node(&map["kind"]),
        other => other,
    }
}

fn flat(value: &Value) -> String {
    let value = node(value);
    match value {
        Value::Array(items) => {
            let inner: Vec<String> = items.iter().map(flat).collect();
            format!("[{}]", inner.join(", "))
        }
        Value::Object(map) => {
            // A bare span (as in `ImportNames::Star`): positions are pinned by `spans_*` only.
            if is_span(map) {
                return "_".into();
            }
            if map.len() == 1 {
                if let Some(Value::String(name)) = map.get("name") {
                    return name.clone();
                }
            }
            match variant(map) {
                Some((name, inner)) => match node(inner) {
                    Value::Object(fields) if !is_span(fields) && variant(fields).is_none() => {
                        format!("{name}({})", fields_flat(fields))
                    }
                    other => format!("{name}({})", flat(other)),
                },
                None => format!("{{{}}}", fields_flat(map)),
            }
        }
        other => flat_scalar(other),
    }
}

fn fields_flat(map: &serde_json::Map<String, Value>) -> String {
    let fields: Vec<String> = map
        .iter()
        .filter(|(_, v)| !skip(v))
        .map(|(k, v)| format!("{k}={}", flat(v)))
        .collect();
    fields.join(", ")
}

fn flat_scalar(value: &Value) -> String {
    match value {
        Value::String(s) => format!("{s:?}"),
        other => other.to_string(),
    }
}

/// One line per node that has a span: its kind and the exact source text it covers.
fn list_spans(value: &Value, src: &str, depth: usize, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut depth = depth;
            if let Some(span) = map.get("span") {
                let start = span["start"].as_u64().expect("span start") as usize;
                let end = span["end"].as_u64().expect("span end") as usize;
                let label = node_label(map);
                out.push_str(&format!(
                    "{}{label} {start}..{end} {:?}\n",
                    "  ".repeat(depth),
                    &src[start..end]
                ));
                depth += 1;
            }
            for (key, v) in map {
                if key != "span" {
                    list_spans(v, src, depth, out);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| list_spans(v, src, depth, out)),
        _ => {}
    }
}

fn node_label(map: &serde_json::Map<String, Value>) -> String {
    match map.get("kind") {
        Some(Value::Object(kind)) => kind.keys().next().cloned().unwrap_or_default(),
        Some(Value::String(kind)) => kind.clone(),
        _ if map.contains_key("name") && map.len() == 2 => "Ident".into(),
        _ if map.contains_key("parts") => "DottedName".into(),
        _ if map.contains_key("asname") => "Alias".into(),
        _ if map.contains_key("annotation") => "Param".into(),
        _ if map.contains_key("context") => "WithItem".into(),
        _ if map.contains_key("ifs") => "Comprehension".into(),
        _ if map.contains_key("conversion") => "FStringField".into(),
        _ if map.contains_key("typ") => "ExceptHandler".into(),
        _ => "Node".into(),
    }
}

/// The f-string field entry point parses a slice of a larger text, with absolute spans.
#[test]
fn parse_expression_uses_absolute_spans() {
    use ehrql::syntax::ast::ExprKind;
    use ehrql::syntax::parse_expression;

    let src = "label = f\"{a, *b}\"";
    let start = src.find('{').expect("field") + 1;
    let end = src.find('}').expect("field end");
    let expr = parse_expression(src, start, end).expect("field parses");
    assert_eq!(&src[expr.span.start..expr.span.end], "a, *b");
    let ExprKind::Tuple(items) = &expr.kind else {
        panic!("a field with a comma is a tuple, got {:?}", expr.kind);
    };
    assert_eq!(&src[items[1].span.start..items[1].span.end], "*b");

    let src = "x = f\"{a +}\"";
    let start = src.find('{').expect("field") + 1;
    let end = src.find('}').expect("field end");
    let diag = parse_expression(src, start, end).expect_err("an incomplete field fails");
    let span = diag.primary_span().expect("labelled");
    assert_eq!(span.start, end, "the error points just after `+`: {diag:?}");
}

/// Code nested just inside the limit parses; one level more is a clear error, not a crash.
#[test]
fn nesting_limit_is_an_error_not_a_stack_overflow() {
    with_large_stack(|| {
        let within = format!("x = {}1\n", "-".repeat(990));
        assert!(parse_module(&within).is_ok());
        for deep in [
            format!("x = {}1\n", "-".repeat(100_000)),
            format!("x = 1{}\n", "+1".repeat(100_000)),
            format!("x = a{}\n", ".b".repeat(100_000)),
            format!("x = f{}\n", "()".repeat(100_000)),
            format!("x = {}1\n", "lambda a, b: ".repeat(100_000)),
        ] {
            let diag = parse_module(&deep).expect_err("too deep");
            assert_eq!(diag.code, "E0112", "{}", diag.message);
        }
    });
}
