//! The extension point ehrQL builds on: a Rust-implemented value (`NativeObject`) in a
//! registered built-in module, with reflected operators (`sum` starts from `0`), comparisons
//! that return non-bools, and truthiness that refuses.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use ehrql::eval::error::{type_error, PyResult};
use ehrql::eval::value::Namespace;
use ehrql::eval::{Args, BuiltinModule, Config, Interpreter, NativeObject, Output, Value};
use ehrql::syntax::ast::{BinOp, CmpOp};

/// A toy "series": an expression string built up by operators.
struct Expr(String);

fn expr(s: String) -> Value {
    Value::Native(Rc::new(Expr(s)))
}

fn text(it: &mut Interpreter, v: &Value) -> PyResult<String> {
    match v {
        Value::Native(n) => match n.as_any().downcast_ref::<Expr>() {
            Some(e) => Ok(e.0.clone()),
            None => it.repr(v),
        },
        _ => it.repr(v),
    }
}

impl NativeObject for Expr {
    fn type_name(&self) -> &str {
        "Expr"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn binary_op(
        &self,
        this: &Value,
        op: BinOp,
        other: &Value,
        reflected: bool,
        it: &mut Interpreter,
    ) -> Option<PyResult<Value>> {
        let (a, b) = match (text(it, this), text(it, other)) {
            (Ok(a), Ok(b)) => (a, b),
            (Err(e), _) | (_, Err(e)) => return Some(Err(e)),
        };
        let (l, r) = if reflected { (b, a) } else { (a, b) };
        Some(Ok(expr(format!("({l} {} {r})", op.symbol()))))
    }
    fn compare(
        &self,
        this: &Value,
        op: CmpOp,
        other: &Value,
        it: &mut Interpreter,
    ) -> Option<PyResult<Value>> {
        let b = match text(it, other) {
            Ok(b) => b,
            Err(e) => return Some(Err(e)),
        };
        let a = text(it, this).ok()?;
        Some(Ok(expr(format!("({a} {} {b})", op.symbol()))))
    }
    fn truthy(&self, _it: &mut Interpreter) -> PyResult<bool> {
        Err(type_error(
            "an Expr has no truth value; use & and | instead of and/or",
        ))
    }
    fn get_attr(
        &self,
        _this: &Value,
        name: &str,
        _it: &mut Interpreter,
    ) -> Option<PyResult<Value>> {
        (name == "text").then(|| Ok(Value::str(&self.0)))
    }
    fn attribute_names(&self) -> Vec<String> {
        vec!["text".into()]
    }
    fn repr(&self, _it: &mut Interpreter) -> PyResult<String> {
        Ok(format!("Expr<{}>", self.0))
    }
    /// `class t(Expr): a = ...`: a table-like value listing the body's names in order.
    fn subclass(
        &self,
        _this: &Value,
        name: &str,
        namespace: &Namespace,
        _it: &mut Interpreter,
    ) -> Option<PyResult<Value>> {
        let names: Vec<String> = namespace
            .borrow()
            .keys()
            .filter(|k| !k.starts_with("__"))
            .map(|k| k.to_string())
            .collect();
        Some(Ok(expr(format!("{name}[{}]", names.join(", ")))))
    }
}

fn init(_: &mut Interpreter, ns: &Namespace) -> PyResult<()> {
    ns.borrow_mut()
        .insert(Rc::from("Base"), expr("base".into()));
    // Any other name is answered by a module-level `__getattr__` (PEP 562).
    ns.borrow_mut().insert(
        Rc::from("__getattr__"),
        Value::builtin("__getattr__", |it, a: Args| {
            let name = it.to_str(a.pos.first().unwrap_or(&Value::None))?;
            Ok(expr(format!("<{name}>")))
        }),
    );
    ns.borrow_mut().insert(
        Rc::from("col"),
        Value::builtin("col", |it, a: Args| {
            let name = it.to_str(a.pos.first().unwrap_or(&Value::None))?;
            Ok(expr(name))
        }),
    );
    Ok(())
}

fn run(src: &str) -> Result<String, String> {
    let buf = Rc::new(RefCell::new(String::new()));
    let mut config = Config::new(env!("CARGO_MANIFEST_DIR"));
    config.output = Output::Buffer(buf.clone());
    let mut it = Interpreter::new(config);
    it.register_module("toy", BuiltinModule::Native(init));
    let r = it.run_source("main.py", src);
    r.map(|_| buf.borrow().clone()).map_err(|e| e.headline())
}

#[test]
fn reflected_operators_make_sum_work() {
    let out =
        run("from toy import col\nprint(sum([col('a'), col('b')]))\nprint((1 + col('x')).text)\n")
            .unwrap();
    assert_eq!(out, "Expr<((0 + a) + b)>\n(1 + x)\n");
}

#[test]
fn comparisons_return_native_values_and_fold_with_reduce() {
    let src = "import functools, operator\nfrom toy import col\nconds = [col(n) == 1 for n in 'ab']\nprint(functools.reduce(operator.or_, conds))\n";
    assert_eq!(run(src).unwrap(), "Expr<((a == 1) | (b == 1))>\n");
}

#[test]
fn truthiness_can_refuse() {
    assert_eq!(
        run("from toy import col\nif col('a') and col('b'):\n    pass\n").unwrap_err(),
        "TypeError: an Expr has no truth value; use & and | instead of and/or"
    );
    assert_eq!(
        run("from toy import col\ncol('a').txt\n").unwrap_err(),
        "AttributeError: 'Expr' object has no attribute 'txt'"
    );
}

#[test]
fn native_bases_build_the_class_and_modules_answer_missing_names() {
    let src = "from toy import Base, anything\nclass events(Base):\n    code = 1\n    date = 2\nprint(events, anything)\nimport toy\nprint(toy.other)\n";
    assert_eq!(
        run(src).unwrap(),
        "Expr<events[code, date]> Expr<<anything>>\nExpr<<other>>\n"
    );
}
