//! Criterion bench: evaluate a generated 3,000-line helper-heavy definition (functions with
//! defaults, loops, f-strings, dict building), parse included and separately.
//! Run: `cargo bench --bench eval`. Issue 3's target: under 20 ms on the project machine.

use criterion::{criterion_group, criterion_main, Criterion};
use ehrql::eval::{Config, Interpreter, Output, Value};

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

fn run(src: &str) -> usize {
    let mut config = Config::new(env!("CARGO_MANIFEST_DIR"));
    config.output = Output::Buffer(Default::default());
    let mut it = Interpreter::new(config);
    let module = it.run_source("generated.py", src).expect("runs");
    match module.get("columns") {
        Some(Value::Dict(d)) => d.borrow().len(),
        _ => panic!("`columns` should be a dict"),
    }
}

fn bench(c: &mut Criterion) {
    let src = generated_definition();
    assert!(src.lines().count() >= 3000);
    assert_eq!(
        run(&src),
        1500,
        "the generated definition must build 1,500 columns"
    );
    let mut group = c.benchmark_group("eval");
    group.bench_function("parse_3000_lines", |b| {
        b.iter(|| ehrql::syntax::parse_module(&src).unwrap())
    });
    group.bench_function("parse_and_evaluate_3000_lines", |b| b.iter(|| run(&src)));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
