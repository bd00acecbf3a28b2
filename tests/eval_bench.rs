//! Speed check: a generated 3,000-line helper-heavy definition (functions with defaults,
//! loops, f-strings, dict building). The target is 20 ms in an optimised build; this
//! debug-build test prints the time and fails only if it is wildly off (a regression).

use std::time::Instant;

use ehrql::eval::{Config, Interpreter, Output};

fn generated_definition() -> String {
    let mut src = String::from("columns = {}\nTHRESHOLDS = [1, 2, 3]\n\n");
    for i in 0..500 {
        src.push_str(&format!(
            "def helper_{i}(x, prefix='v', n=3):\n    out = {{}}\n    for j in range(n):\n        out[f'{{prefix}}_{i}_{{j:02d}}'] = x * j + {i} if j in THRESHOLDS else x\n    return out\n"
        ));
    }
    for i in 0..500 {
        src.push_str(&format!("columns.update(helper_{i}({i}, prefix='col'))\n"));
    }
    src.push_str("total = sum(v for v in columns.values())\nnames = sorted(k for k in columns if k.endswith('_01'))\n");
    src
}

#[test]
fn three_thousand_line_definition() {
    let src = generated_definition();
    assert!(src.lines().count() >= 3000);
    let parse_start = Instant::now();
    ehrql::syntax::parse_module(&src).expect("parses");
    eprintln!("parsing alone: {:.1} ms", parse_start.elapsed().as_secs_f64() * 1000.0);
    let mut config = Config::new(env!("CARGO_MANIFEST_DIR"));
    config.output = Output::Buffer(Default::default());
    let mut it = Interpreter::new(config);
    let start = Instant::now();
    let module = it.run_source("generated.py", &src).expect("runs");
    let elapsed = start.elapsed();
    eprintln!(
        "3,000-line definition evaluated in {:.1} ms (parse included; unoptimised unless built with opt-level)",
        elapsed.as_secs_f64() * 1000.0
    );
    let columns = module.get("columns").expect("columns");
    let ehrql::eval::Value::Dict(d) = columns else { panic!("dict") };
    assert_eq!(d.borrow().len(), 1500);
    assert!(elapsed.as_millis() < 2000, "evaluation took {elapsed:?}");
}
