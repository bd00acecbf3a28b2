//! Standard-library shims: one file per module, registered in `MODULES`.
//!
//! Each shim is only as deep as studies use it. Adding one: write `src/eval/stdlib/<name>.rs`
//! with `pub fn init(it: &mut Interpreter, ns: &Namespace) -> PyResult<()>` (or embedded
//! Python source) and add a line to `MODULES`.

mod calendar;
pub mod datetime;
mod functools;
mod json;
mod math;
mod misc;
mod operator;
pub mod os;
mod random;
mod re;
mod sys;

use std::rc::Rc;

use super::modules::BuiltinModule;
use super::value::{BuiltinFn, Namespace, Value};

const MODULES: &[(&str, BuiltinModule)] = &[
    ("sys", BuiltinModule::Native(sys::init)),
    ("functools", BuiltinModule::Native(functools::init)),
    ("operator", BuiltinModule::Native(operator::init)),
    ("math", BuiltinModule::Native(math::init)),
    ("json", BuiltinModule::Native(json::init)),
    ("typing", BuiltinModule::Native(misc::typing)),
    ("logging", BuiltinModule::Native(misc::logging)),
    ("string", BuiltinModule::Native(misc::string)),
    ("warnings", BuiltinModule::Native(misc::warnings)),
    ("__future__", BuiltinModule::Native(misc::future)),
    ("os", BuiltinModule::Native(os::init)),
    ("datetime", BuiltinModule::Native(datetime::init)),
    ("random", BuiltinModule::Native(random::init)),
    ("re", BuiltinModule::Native(re::init)),
    ("os.path", BuiltinModule::Native(os::init_path)),
    (
        "collections",
        BuiltinModule::Python(include_str!("py/collections.py")),
    ),
    (
        "itertools",
        BuiltinModule::Python(include_str!("py/itertools.py")),
    ),
    ("csv", BuiltinModule::Python(include_str!("py/csv.py"))),
    (
        "pathlib",
        BuiltinModule::Python(include_str!("py/pathlib.py")),
    ),
    (
        "argparse",
        BuiltinModule::Python(include_str!("py/argparse.py")),
    ),
];

pub fn lookup(name: &str) -> Option<BuiltinModule> {
    MODULES.iter().find(|(n, _)| *n == name).map(|(_, m)| *m)
}

/// Whether `name` is a registered top-level module (so a missing child gets a hint).
pub fn is_known_parent(name: &str) -> bool {
    lookup(name).is_some()
}

/// Adds builtin functions to a module namespace.
pub fn add_functions(ns: &Namespace, fns: &[(&'static str, BuiltinFn)]) {
    let mut m = ns.borrow_mut();
    for (name, f) in fns {
        m.insert(Rc::from(*name), Value::builtin(name, *f));
    }
}

pub fn set(ns: &Namespace, name: &str, v: Value) {
    ns.borrow_mut().insert(Rc::from(name), v);
}
