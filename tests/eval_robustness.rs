//! The evaluator must never panic: mutated versions of the differential programs (lines
//! dropped, swapped or spliced with fragments) either run or fail with a Python error.

use std::cell::RefCell;
use std::path::Path;
use std::rc::Rc;

use ehrql::eval::{Config, Interpreter, Output};
use proptest::prelude::*;

fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval/programs");
    let mut out = Vec::new();
    for area in std::fs::read_dir(root).expect("programs") {
        for f in std::fs::read_dir(area.expect("area").path()).expect("files") {
            let p = f.expect("file").path();
            if p.extension().is_some_and(|e| e == "py") {
                out.push(std::fs::read_to_string(p).expect("read"));
            }
        }
    }
    out.sort();
    out
}

const FRAGMENTS: &[&str] = &[
    "x = x + 1",
    "del x",
    "return",
    "raise",
    "yield_",
    "print(*x)",
    "x[0] = x",
    "x = [x] * 3",
    "import os",
    "global y",
    "x.y.z = 1",
    "f(**x)",
    "for x in x: pass",
    "while x: x -= 1",
    "x = {}[x]",
    "x = 1 / 0",
    "class C(x): pass",
    "x = -x",
    "lambda: x",
    "x, *y = x",
    "assert x",
    "with x as y: pass",
    "try:\n    pass\nexcept x:\n    pass",
];

fn run(src: &str) {
    let buf = Rc::new(RefCell::new(String::new()));
    let mut config = Config::new(env!("CARGO_MANIFEST_DIR"));
    config.output = Output::Buffer(buf);
    config.limits.max_steps = 20_000;
    config.limits.max_memory = 1_000_000;
    config.limits.max_stack_bytes = 4 << 20;
    let mut it = Interpreter::new(config);
    let _ = it.run_source("mutant.py", src);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn mutated_programs_never_panic(program in 0usize..10_000, cut in 0usize..40, frag in 0usize..FRAGMENTS.len(), op in 0u8..3) {
        let programs = corpus();
        let src = &programs[program % programs.len()];
        let mut lines: Vec<String> = src.lines().map(String::from).collect();
        let at = cut % lines.len().max(1);
        match op {
            0 => { lines.remove(at); }
            1 => {
                let indent: String = lines[at].chars().take_while(|c| *c == ' ').collect();
                lines.insert(at, format!("{indent}{}", FRAGMENTS[frag]));
            }
            _ => { let last = lines.len() - 1; lines.swap(at, last); }
        }
        let mutated = lines.join("\n") + "\n";
        let handle = std::thread::Builder::new().stack_size(16 << 20).spawn(move || run(&mutated)).expect("thread");
        prop_assert!(handle.join().is_ok(), "the evaluator panicked");
    }
}
