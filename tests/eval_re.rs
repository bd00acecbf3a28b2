//! The `re` shim's behaviour where it cannot be compared with CPython: constructs the `regex`
//! crate lacks must fail loudly with `re.error`, and misuse must raise Python's error types.

use std::cell::RefCell;
use std::rc::Rc;

use ehrql::eval::{Config, Interpreter, Output};

/// Runs `src`; returns what it printed, or the error headline and its help.
fn run(src: &str) -> Result<String, String> {
    let buf = Rc::new(RefCell::new(String::new()));
    let mut config = Config::new(env!("CARGO_MANIFEST_DIR"));
    config.output = Output::Buffer(buf.clone());
    let mut it = Interpreter::new(config);
    match it.run_source("main.py", src) {
        Ok(_) => Ok(buf.borrow().clone()),
        Err(e) => Err(format!(
            "{} | help: {}",
            e.headline(),
            e.help.unwrap_or_default()
        )),
    }
}

fn err(src: &str) -> String {
    match run(src) {
        Ok(s) => panic!("expected an error, got output {s:?}"),
        Err(e) => e,
    }
}

#[test]
fn unsupported_constructs_raise_re_error_naming_them() {
    for (pattern, what) in [
        (r"a(?=b)", "look-ahead assertions"),
        (r"a(?!b)", "look-ahead assertions"),
        (r"(?<=a)b", "look-behind assertions"),
        (r"(?<!a)b", "look-behind assertions"),
        (r"(a)\1", "backreferences"),
        (r"(?P<x>a)(?P=x)", "named backreferences"),
        (r"(?>a)", "atomic groups"),
    ] {
        let e = err(&format!("import re\nre.compile(r'{pattern}')"));
        assert!(e.starts_with("PatternError: "), "{e}");
        assert!(
            e.contains(what) && e.contains("not supported"),
            "{pattern}: {e}"
        );
    }
    let caught = run(
        "import re\ntry:\n    re.search(r'(?=x)', 'x')\nexcept re.error as e:\n    print('caught')",
    );
    assert_eq!(caught.unwrap(), "caught\n");
}

#[test]
fn invalid_patterns_and_templates_raise_re_error() {
    assert!(err("import re\nre.compile('(abc')").starts_with("PatternError: "));
    assert!(
        err("import re\nre.compile('[a-')").contains("unterminated character set at position 0")
    );
    assert!(err(r"import re; re.sub('(a)', r'\2', 'a')").contains("invalid group reference 2"));
    assert!(err(r"import re; re.sub('(?P<n>a)', r'\g<m>', 'a')").contains("unknown group name 'm'"));
    assert!(
        run("import re\nprint(issubclass(re.error, Exception), re.error is re.PatternError)")
            .unwrap()
            == "True True\n"
    );
}

#[test]
fn misuse_raises_python_errors() {
    assert!(err("import re\nre.match('a', 5)").starts_with("TypeError: expected string"));
    assert!(err("import re\nre.sub('a', lambda m: 1, 'a')")
        .starts_with("TypeError: expected str instance, int found"));
    assert!(err("import re\nre.match(re.compile('a'), 'a', re.I)")
        .starts_with("ValueError: cannot process flags"));
    assert!(
        err("import re\nre.match('(a)', 'a').group(2)").starts_with("IndexError: no such group")
    );
    assert!(
        err("import re\nre.match('(a)', 'a').group('x')").starts_with("IndexError: no such group")
    );
    let e = err("import re\nre.match('a', 'a').grup()");
    assert!(
        e.starts_with("AttributeError") && e.contains("group"),
        "{e}"
    );
}

#[test]
fn reuses_compiled_patterns_and_handles_unicode_offsets() {
    let src = "import re\nfor s in ['naïve café', 'x']:\n    m = re.search(r'caf(é)', s)\n    print(m and (m.span(), m.span(1), m.group(1)))";
    assert_eq!(run(src).unwrap(), "((6, 10), (9, 10), 'é')\nNone\n");
    assert_eq!(
        run("import re\nprint(re.compile('a') == re.compile('a'))").unwrap(),
        "True\n"
    );
}

#[test]
fn match_objects_remember_where_they_searched() {
    let src = "import re\nm = re.compile('b').search('abcb', 2, 4)\nprint(m.span(), m.pos, m.endpos, m.string, m.re.pattern, type(m).__name__)";
    assert_eq!(run(src).unwrap(), "(3, 4) 2 4 abcb b Match\n");
}

#[test]
fn oversized_patterns_are_refused_not_built() {
    let e = err("import re\nre.compile('(?:a{1000}){1000}')");
    assert!(
        e.starts_with("PatternError: ") && e.contains("size limit"),
        "{e}"
    );
}
