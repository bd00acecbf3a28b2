//! Fuzzing the front end: arbitrary bytes, soups of Python-ish fragments and mutations of a
//! realistic definition never panic the lexer, the layout pass, the parser or the diagnostic
//! renderer, and every error points inside the source. Plus fixed hostile inputs (deep
//! nesting, huge lines, odd line endings, a byte order mark).

use std::process::{Command, Stdio};

use ehrql::diagnostics::{render_human, Diagnostic, SourceFile, SourceMap};
use ehrql::syntax::{parse_module, tokenize};
use proptest::prelude::*;

/// Runs every front-end stage on `src`; panics (failing the case) if a result is malformed.
#[allow(clippy::result_large_err)] // the crate's own error type; tests only look at it
fn front_end(src: &str) -> Result<(), Diagnostic> {
    let tokens = tokenize(src);
    for (start, _, end) in &tokens.tokens {
        assert!(
            start <= end && *end <= src.len(),
            "token span {start}..{end} outside the source"
        );
    }
    if let Some(error) = &tokens.error {
        check_diagnostic(src, error);
    }
    let parsed = parse_module(src);
    if let Err(error) = &parsed {
        check_diagnostic(src, error);
    }
    parsed.map(|_| ())
}

fn check_diagnostic(src: &str, diag: &Diagnostic) {
    for label in &diag.labels {
        let span = label.span;
        let inside = span.start <= span.end && span.end <= src.len();
        assert!(
            inside,
            "label span {span:?} outside {src:?} ({} bytes): {}",
            src.len(),
            diag.message
        );
        assert!(
            src.is_char_boundary(span.start) && src.is_char_boundary(span.end),
            "label span {span:?} splits a character of {src:?}: {}",
            diag.message
        );
    }
    let mut sources = SourceMap::new();
    let file = sources.add(SourceFile::new("fuzz.py", src));
    let rendered = render_human(&diag.clone().in_file(file), &sources);
    assert!(!rendered.is_empty());
}

const FRAGMENTS: &[&str] = &[
    // Keywords and names.
    "def ",
    "class ",
    "if ",
    "elif ",
    "else",
    "for ",
    " in ",
    "while ",
    "try",
    "except ",
    "finally",
    "with ",
    " as ",
    "lambda",
    "return ",
    "import ",
    "from ",
    "not ",
    " and ",
    " or ",
    " is ",
    "None",
    "True",
    "pass",
    "yield",
    "async ",
    "await ",
    "global ",
    "del ",
    "x",
    "dataset",
    "_",
    "é",
    "変数",
    "😀",
    "\u{feff}",
    "\u{0}",
    "\u{2028}",
    "\u{85}",
    "\u{c}",
    // Punctuation.
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ".",
    ";",
    "=",
    "==",
    ":=",
    "->",
    "**",
    "*",
    "/",
    "//",
    "@",
    "+",
    "-",
    "~",
    "<<",
    ">>",
    "!=",
    "!",
    "...",
    "$",
    "?",
    "`",
    // Strings and f-strings.
    "'",
    "\"",
    "'''",
    "\"\"\"",
    "f\"",
    "f'",
    "f\"{",
    "f'{x:",
    "rf'",
    "Rb\"",
    "b'",
    "u\"",
    "{{",
    "}}",
    "!r",
    ":>10",
    ":{",
    "\\N{",
    "\\x",
    "\\u12",
    "\\",
    // Layout.
    "\\\n",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "    ",
    "  ",
    " ",
    "#",
    "# comment\n",
    "\n    ",
    "\n\t",
    // Numbers.
    "0x",
    "0o",
    "0b",
    "1_",
    "1__0",
    "1e",
    "1e+",
    "1.",
    ".5",
    "1j",
    "00",
    "0_0",
    "123",
    "09",
    "99999999999999999999999",
    "1.5e308",
    "1e999",
    "0x_",
    "1.e5",
];

fn fragment_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..60).prop_map(|parts| parts.concat())
}

/// A small but realistic definition, the seed for mutations.
const SEED: &str = r#"from ehrql import Dataset, case, when
from ehrql.tables.tpp import patients, clinical_events as events
from codelists import *

index_date = "2023-01-01"
dataset = Dataset()


def has_code(codes, *, since=None):
    """True if any event matches."""
    rows = events.where(events.snomedct_code.is_in(codes))
    if since is not None:
        rows = rows.where(events.date >= since)
    return rows.exists_for_patient()


for name, codes in {"asthma": asthma, "copd": copd}.items():
    setattr(dataset, f"has_{name}", has_code(codes, since=index_date))

age = patients.age_on(index_date)
dataset.band = case(when(age < 40).then("young"), otherwise=f"{age:>3d} 'old'")
dataset.define_population((age >= 18) & ~patients.sex.is_in(["unknown"]))
values = [x ** 2 for x in range(10) if x % 2][1:-1:2]
"#;

#[derive(Debug, Clone)]
enum Mutation {
    Delete {
        at: prop::sample::Index,
        len: usize,
    },
    Insert {
        at: prop::sample::Index,
        text: &'static str,
    },
    Duplicate {
        from: prop::sample::Index,
        len: usize,
        to: prop::sample::Index,
    },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let index = any::<prop::sample::Index>;
    prop_oneof![
        (index(), 1..40usize).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (index(), prop::sample::select(FRAGMENTS))
            .prop_map(|(at, text)| Mutation::Insert { at, text }),
        (index(), 1..80usize, index()).prop_map(|(from, len, to)| Mutation::Duplicate {
            from,
            len,
            to
        }),
    ]
}

/// Applies the mutations to the seed's bytes; cuts may split characters, hence lossy UTF-8.
fn mutate(mutations: &[Mutation]) -> String {
    let mut bytes = SEED.as_bytes().to_vec();
    for m in mutations {
        let n = bytes.len();
        match m {
            Mutation::Delete { at, len } => {
                let start = at.index(n + 1);
                bytes.drain(start..(start + len).min(n));
            }
            Mutation::Insert { at, text } => {
                let at = at.index(n + 1);
                bytes.splice(at..at, text.bytes());
            }
            Mutation::Duplicate { from, len, to } => {
                let start = from.index(n + 1);
                let piece = bytes[start..(start + len).min(n)].to_vec();
                let to = to.index(n + 1);
                bytes.splice(to..to, piece);
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// 40,000 cases per property unless `PROPTEST_CASES` asks for another number.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(40_000);
    let max_global_rejects = cases / 2;
    ProptestConfig {
        cases,
        max_global_rejects,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let src = String::from_utf8_lossy(&bytes);
        let _ = front_end(&src);
    }

    #[test]
    fn fragment_soups_never_panic(src in fragment_soup()) {
        let _ = front_end(&src);
    }

    #[test]
    fn mutated_definitions_never_panic(mutations in prop::collection::vec(mutation(), 1..5)) {
        let src = mutate(&mutations);
        let _ = front_end(&src);
    }
}

// ---- fixed hostile inputs ----

// ---- bugs fuzzing found, now fixed ----

#[test]
fn invalid_escape_before_a_multibyte_character() {
    let diag = front_end("f\"\\xxé\"").unwrap_err();
    assert_eq!(diag.code, "E0015");
}

#[test]
fn self_documenting_equals_at_the_end_of_input() {
    for src in ["f\"{x=", "f\"{x= "] {
        let diag = front_end(src).unwrap_err();
        assert!(
            diag.message.contains("unterminated f-string"),
            "{src:?}: {}",
            diag.message
        );
    }
}

#[test]
fn empty_self_documenting_field_label_stays_inside_the_source() {
    for src in ["f\"{=", "f\"{=é"] {
        let diag = tokenize(src).error.expect("an error");
        assert_eq!(
            diag.message,
            "f-string: valid expression required before `}`"
        );
        check_diagnostic(src, &diag);
    }
}

#[test]
fn conversion_marker_at_the_end_of_input() {
    for src in ["f\"{1.!", ":f\"{.5  !"] {
        let diag = front_end(src).unwrap_err();
        check_diagnostic(src, &diag);
    }
}

#[test]
fn deeply_nested_same_quote_fstrings_are_fast_and_capped() {
    // Each level used to parse the levels inside it twice (exponential time).
    let nest = |n: usize| format!("x = {}1{}\n", "f\"{".repeat(n), "}\"".repeat(n));
    assert!(front_end(&nest(25)).is_ok());
    let diag = front_end(&nest(60)).unwrap_err();
    assert_eq!(diag.code, "E0012", "{}", diag.message);
}

/// Runs `case` in a child process (this test binary, filtered to `test_name`): a stack
/// overflow aborts the process, which no in-process test can observe.
fn child_survives(test_name: &str, case: impl FnOnce()) -> Option<bool> {
    if std::env::var_os("EHRQL_FUZZ_CHILD").is_some() {
        case();
        return None;
    }
    let exe = std::env::current_exe().expect("test binary path");
    let status = Command::new(exe)
        .args(["--exact", test_name, "--test-threads=1"])
        .env("EHRQL_FUZZ_CHILD", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("child test runs");
    Some(status.success())
}

#[test]
fn deep_operator_chains_give_a_diagnostic_not_a_stack_overflow() {
    // Each chain nests the tree 50,000 deep without a bracket; on an ordinary 2 MiB thread
    // that overflowed before the parser capped nesting. Run in a child process so that a
    // regression shows as this test failing rather than the whole binary aborting.
    let survived = child_survives(
        "deep_operator_chains_give_a_diagnostic_not_a_stack_overflow",
        || {
            let n = 50_000;
            let chains = [
                format!("x = {}1\n", "-".repeat(n)),
                format!("x = {}1\n", "not ".repeat(n)),
                format!("x = 1{}\n", "+1".repeat(n)),
                format!("x = 1{}\n", "**1".repeat(n)),
                format!("x = a{}\n", ".b".repeat(n)),
                format!("x = a{}\n", "[0]".repeat(n)),
                format!("x = f{}\n", "()".repeat(n)),
                format!("x = {}1\n", "lambda: ".repeat(n)),
                format!("x = 1{}\n", " if a else 1".repeat(n)),
            ];
            for src in &chains {
                let error = front_end(src).expect_err("too deep");
                assert_eq!(error.code, "E0112", "{}", error.message);
            }
        },
    );
    assert_ne!(
        survived,
        Some(false),
        "a deep chain crashed or was accepted"
    );
}

#[test]
fn the_seed_definition_parses() {
    front_end(SEED).expect("the unmutated seed is valid");
}

#[test]
fn ten_thousand_nested_brackets_give_a_diagnostic() {
    for (open, close) in [("(", ")"), ("[", "]"), ("{", "}")] {
        let src = format!("x = {}1{}\n", open.repeat(10_000), close.repeat(10_000));
        assert!(
            front_end(&src).is_err(),
            "{open} nested 10,000 deep was accepted"
        );
        let unclosed = format!("x = {}\n", open.repeat(10_000));
        assert!(front_end(&unclosed).is_err());
    }
}

#[test]
fn a_one_megabyte_line_is_handled() {
    let names = "a, ".repeat(350_000);
    let _ = front_end(&format!("x = [{names}]\n"));
    let string = format!("x = \"{}\"", "y".repeat(1 << 20));
    front_end(&string).expect("a long string literal is fine");
    let comment = format!("# {}", "z".repeat(1 << 20));
    front_end(&comment).expect("a long comment is fine");
}

#[test]
fn deep_but_reasonable_nesting_parses() {
    // The parser allows 1,000 levels (E0112 beyond).
    front_end(&format!("x = {}1\n", "-".repeat(900))).expect("900 unary minuses");
    front_end(&format!("x = 1{}\n", " + 1".repeat(900))).expect("900 additions");
    front_end(&format!("x = {}1{}\n", "(".repeat(150), ")".repeat(150))).expect("150 brackets");
    // Same-quote nesting is Python 3.12's; the lexer's time grows ~3× per level (see report).
    front_end(&format!("x = {}1{}\n", "f\"{".repeat(10), "}\"".repeat(10)))
        .expect("nested f-strings");
}

#[test]
fn empty_and_blank_files_parse() {
    for src in [
        "",
        "\n",
        "   ",
        "# only a comment",
        "\n\n# c\n   # d\n\t\n",
        "\u{c}\n",
        "\\\n",
    ] {
        let _ = front_end(src);
    }
    for src in ["", "\n", "   ", "# only a comment", "\n\n# c\n   # d\n\t\n"] {
        front_end(src).unwrap_or_else(|d| panic!("{src:?} should parse: {d:?}"));
    }
}

#[test]
fn line_endings_and_missing_final_newline() {
    let unix = "if x:\n    y = 1\nz = 2\n";
    for src in [
        unix.to_string(),
        unix.replace('\n', "\r\n"),
        unix.replace('\n', "\r"),
        unix.trim_end().to_string(),
    ] {
        front_end(&src).unwrap_or_else(|d| panic!("{src:?} should parse: {d:?}"));
    }
}

#[test]
fn a_byte_order_mark_is_skipped() {
    front_end("\u{feff}x = 1\n").expect("a UTF-8 BOM at the start is accepted, as in Python");
    assert!(
        front_end("x = 1\n\u{feff}y = 2\n").is_err(),
        "a BOM after the start is an error"
    );
}
