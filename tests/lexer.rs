//! Lexer and layout-pass tests: token dumps for the tricky corners of Python's lexical rules.

use ehrql::diagnostics::{render_human, SourceFile, SourceMap};
use ehrql::syntax::token::Tok;
use ehrql::syntax::tokenize;

/// Token kinds in order, one string each; errors appended as `ERROR: message`.
fn dump(src: &str) -> Vec<String> {
    let tokens = tokenize(src);
    let mut out: Vec<String> = tokens
        .tokens
        .iter()
        .map(|(_, t, _)| t.to_string())
        .collect();
    if let Some(err) = tokens.error {
        out.push(format!("ERROR[{}]: {}", err.code, err.message));
    }
    out
}

fn rendered_error(src: &str) -> String {
    let err = tokenize(src).error.expect("expected a lexical error");
    let mut sources = SourceMap::new();
    let file = sources.add(SourceFile::new("test.py", src));
    render_human(&err.in_file(file), &sources)
}

#[test]
fn numbers() {
    let toks = dump("0x1F 0o17 0b101 1_000 1.5e-3 .5 1. 1e3 0 00\n");
    assert_eq!(
        toks,
        [
            "Int(31)",
            "Int(15)",
            "Int(5)",
            "Int(1000)",
            "Float(0.0015)",
            "Float(0.5)",
            "Float(1.0)",
            "Float(1000.0)",
            "Int(0)",
            "Int(0)",
            "NEWLINE"
        ]
    );
}

#[test]
fn invalid_numbers() {
    for (src, code) in [
        ("1_000_\n", "E0007"),
        ("0x\n", "E0007"),
        ("09\n", "E0007"),
        ("12abc\n", "E0007"),
        ("3j\n", "E0008"),
        ("99999999999999999999\n", "E0007"),
    ] {
        let err = tokenize(src)
            .error
            .unwrap_or_else(|| panic!("{src:?} should fail"));
        assert_eq!(err.code, code, "{src:?}");
    }
    // A keyword may follow a number directly, as in Python.
    assert!(tokenize("x = 1if y else 2\n").error.is_none());
}

#[test]
fn layout_tokens() {
    let src = "if a:\n    b = (1,\n  2)\n\n    # comment\n    c \\\n  = 3\nd\n";
    assert_eq!(
        dump(src),
        [
            "if", "Name(a)", ":", "NEWLINE", "INDENT", "Name(b)", "=", "(", "Int(1)", ",",
            "Int(2)", ")", "NEWLINE", "Name(c)", "=", "Int(3)", "NEWLINE", "DEDENT", "Name(d)",
            "NEWLINE"
        ]
    );
}

#[test]
fn dedents_at_eof_and_missing_final_newline() {
    assert_eq!(
        dump("def f():\n    if x:\n        return 1"),
        [
            "def", "Name(f)", "(", ")", ":", "NEWLINE", "INDENT", "if", "Name(x)", ":", "NEWLINE",
            "INDENT", "return", "Int(1)", "NEWLINE", "DEDENT", "DEDENT"
        ]
    );
}

#[test]
fn crlf_and_lone_cr_and_bom() {
    assert_eq!(
        dump("\u{feff}a = 1\r\nb = 2\rc"),
        [
            "Name(a)", "=", "Int(1)", "NEWLINE", "Name(b)", "=", "Int(2)", "NEWLINE", "Name(c)",
            "NEWLINE"
        ]
    );
}

#[test]
fn tabs_consistent_and_inconsistent() {
    assert!(tokenize("if x:\n\ty\n\tz\n").error.is_none());
    let err = tokenize("if x:\n        y\n\tz\n")
        .error
        .expect("mixed tabs");
    assert_eq!(err.code, "E0005");
    insta::assert_snapshot!(rendered_error("if x:\n        y\n\tz\n"));
}

#[test]
fn bad_dedent() {
    insta::assert_snapshot!(rendered_error("if x:\n        y\n    z\n"));
}

#[test]
fn strings() {
    assert_eq!(
        dump(r#"'a' "b" '''c'd''' """e"f""" r'\d' u'x' R"\n" 'tab\there' '\x41\u00e9\101' '\q'"#),
        [
            r#"Str("a")"#,
            r#"Str("b")"#,
            r#"Str("c'd")"#,
            r#"Str("e\"f")"#,
            r#"Str("\\d")"#,
            r#"Str("x")"#,
            r#"Str("\\n")"#,
            r#"Str("tab\there")"#,
            r#"Str("AéA")"#,
            r#"Str("\\q")"#,
            "NEWLINE"
        ]
    );
    assert_eq!(dump("'a\\\nb'"), [r#"Str("ab")"#, "NEWLINE"]);
    assert_eq!(dump("''"), [r#"Str("")"#, "NEWLINE"]);
}

#[test]
fn string_errors() {
    assert_eq!(tokenize("b'x'").error.unwrap().code, "E0011");
    insta::assert_snapshot!(rendered_error("x = 'abc\ny = 1\n"));
    insta::assert_snapshot!(rendered_error("x = \"\"\"abc\ny = 1\n"));
}

#[test]
fn brackets() {
    insta::assert_snapshot!(rendered_error("x = f(a, [1, 2)\n"));
    insta::assert_snapshot!(rendered_error("x = 1)\n"));
    insta::assert_snapshot!(rendered_error("x = {'a': [1,\n"));
    let deep = format!("x = {}1{}\n", "(".repeat(10_000), ")".repeat(10_000));
    assert_eq!(tokenize(&deep).error.unwrap().code, "E0006");
}

#[test]
fn invalid_characters() {
    insta::assert_snapshot!(rendered_error("x = $y\n"));
    assert_eq!(tokenize("if !x: pass\n").error.unwrap().code, "E0010");
    assert_eq!(tokenize("a <> b\n").error.unwrap().code, "E0001");
}

#[test]
fn unicode_identifiers() {
    assert_eq!(dump("café = 1\n"), ["Name(café)", "=", "Int(1)", "NEWLINE"]);
}

#[test]
fn keywords_and_operators() {
    assert_eq!(
        dump("a //= b ** -c @ d != e := f -> g ... <<= >>= **=\n"),
        [
            "Name(a)", "//=", "Name(b)", "**", "-", "Name(c)", "@", "Name(d)", "!=", "Name(e)",
            ":=", "Name(f)", "->", "Name(g)", "...", "<<=", ">>=", "**=", "NEWLINE"
        ]
    );
    assert!(matches!(tokenize("lambda").tokens[0].1, Tok::Lambda));
}

#[test]
fn unterminated_continuation_at_eof() {
    assert_eq!(tokenize("x = 1 + \\").error.map(|e| e.code), Some("E0009"));
    assert_eq!(
        tokenize("x = 1 + \\\n").error.map(|e| e.code),
        Some("E0009")
    );
    assert_eq!(
        tokenize("x = 1 + \\ y\n").error.map(|e| e.code),
        Some("E0009")
    );
}
