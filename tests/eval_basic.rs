//! Source-string tests of the evaluator: printed output and exact error messages.

use std::cell::RefCell;
use std::rc::Rc;

use ehrql::eval::{Config, Interpreter, Output};

/// Runs `src` as `__main__` and returns what it printed, or the error headline.
fn run(src: &str) -> Result<String, String> {
    let buf = Rc::new(RefCell::new(String::new()));
    let mut config = Config::new(env!("CARGO_MANIFEST_DIR"));
    config.output = Output::Buffer(buf.clone());
    let mut it = Interpreter::new(config);
    let r = it.run_source("main.py", src);
    match r {
        Ok(_) => Ok(buf.borrow().clone()),
        Err(e) => Err(e.headline()),
    }
}

fn out(src: &str) -> String {
    match run(src) {
        Ok(s) => s,
        Err(e) => panic!("unexpected error: {e}\n--- source:\n{src}"),
    }
}

fn err(src: &str) -> String {
    match run(src) {
        Ok(s) => panic!("expected an error, got output {s:?}"),
        Err(e) => e,
    }
}

#[test]
fn smoke() {
    assert_eq!(out("print(1 + 2)"), "3\n");
    assert_eq!(out("x = [1, 2, 3]\nprint(x, len(x), x[-1])"), "[1, 2, 3] 3 3\n");
}

#[test]
fn recursion_limit_is_an_error_not_a_crash() {
    let e = err("def f(n):\n    return f(n + 1)\nf(0)\n");
    assert_eq!(e, "RecursionError: maximum recursion depth exceeded");
}
