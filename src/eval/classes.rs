//! The built-in classes (`int`, `str`, `list`, ..., and the exception hierarchy), shared per thread.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use indexmap::IndexMap;

use super::value::{new_namespace, BuiltinType, Class, Value};

/// The exception hierarchy as (name, base) pairs, parents before children.
const EXCEPTIONS: &[(&str, &str)] = &[
    ("Exception", "BaseException"),
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("ArithmeticError", "Exception"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("RuntimeError", "Exception"),
    ("RecursionError", "RuntimeError"),
    ("NotImplementedError", "RuntimeError"),
    ("StopIteration", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("OSError", "Exception"),
    ("FileNotFoundError", "OSError"),
    ("PermissionError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("TimeoutError", "OSError"),
    ("MemoryError", "Exception"),
    ("SyntaxError", "Exception"),
    ("Warning", "Exception"),
    ("UserWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("FutureWarning", "Warning"),
];

const TYPES: &[(&str, BuiltinType)] = &[
    ("type", BuiltinType::Type),
    ("NoneType", BuiltinType::NoneType),
    ("int", BuiltinType::Int),
    ("float", BuiltinType::Float),
    ("str", BuiltinType::Str),
    ("list", BuiltinType::List),
    ("tuple", BuiltinType::Tuple),
    ("dict", BuiltinType::Dict),
    ("set", BuiltinType::Set),
    ("frozenset", BuiltinType::FrozenSet),
    ("range", BuiltinType::Range),
    ("slice", BuiltinType::Slice),
    ("function", BuiltinType::Function),
    ("module", BuiltinType::Module),
    ("property", BuiltinType::Property),
    ("staticmethod", BuiltinType::StaticMethod),
    ("classmethod", BuiltinType::ClassMethod),
    ("super", BuiltinType::Super),
];

pub struct Registry {
    pub by_name: IndexMap<&'static str, Rc<Class>>,
    by_type: HashMap<&'static str, Rc<Class>>,
}

fn make(name: &str, bases: Vec<Rc<Class>>, builtin: Option<BuiltinType>) -> Rc<Class> {
    let mut mro: Vec<Rc<Class>> = Vec::new();
    for b in &bases {
        mro.push(b.clone());
        mro.extend(b.mro.iter().cloned());
    }
    Rc::new(Class {
        name: Rc::from(name),
        module_name: Rc::from("builtins"),
        bases,
        mro,
        dict: new_namespace(),
        builtin,
    })
}

fn build() -> Registry {
    let mut by_name: IndexMap<&'static str, Rc<Class>> = IndexMap::new();
    let object = make("object", vec![], Some(BuiltinType::Object));
    by_name.insert("object", object.clone());
    for (name, t) in TYPES {
        by_name.insert(name, make(name, vec![object.clone()], Some(*t)));
    }
    let int = by_name["int"].clone();
    by_name.insert("bool", make("bool", vec![int], Some(BuiltinType::Bool)));
    by_name.insert(
        "BaseException",
        make(
            "BaseException",
            vec![object],
            Some(BuiltinType::BaseException),
        ),
    );
    for (name, base) in EXCEPTIONS {
        let base = by_name[base].clone();
        by_name.insert(name, make(name, vec![base], None));
    }
    let by_type = by_name.iter().map(|(k, v)| (*k, v.clone())).collect();
    Registry { by_name, by_type }
}

thread_local! {
    static REGISTRY: RefCell<Option<Rc<Registry>>> = const { RefCell::new(None) };
}

pub fn registry() -> Rc<Registry> {
    REGISTRY.with(|r| {
        r.borrow_mut()
            .get_or_insert_with(|| Rc::new(build()))
            .clone()
    })
}

/// A built-in class by name; panics on an unknown name (a bug in this crate).
pub fn builtin_class(name: &str) -> Rc<Class> {
    registry()
        .by_type
        .get(name)
        .cloned()
        .unwrap_or_else(|| panic!("no built-in class {name}"))
}

thread_local! {
    static NATIVE_CLASSES: RefCell<HashMap<String, Rc<Class>>> = RefCell::new(HashMap::new());
}

/// A stand-in class for a native value without its own (`type(d)` is `<class 'datetime.date'>`).
fn native_class(type_name: &str) -> Rc<Class> {
    NATIVE_CLASSES.with(|m| {
        m.borrow_mut()
            .entry(type_name.to_string())
            .or_insert_with(|| {
                let (module, name) = type_name
                    .rsplit_once('.')
                    .unwrap_or(("builtins", type_name));
                Rc::new(Class {
                    name: Rc::from(name),
                    module_name: Rc::from(module),
                    bases: vec![builtin_class("object")],
                    mro: vec![builtin_class("object")],
                    dict: new_namespace(),
                    builtin: None,
                })
            })
            .clone()
    })
}

/// `type(value)`.
pub fn class_of(value: &Value) -> Rc<Class> {
    match value {
        Value::Instance(i) => i.class.clone(),
        Value::Native(n) => n.class().unwrap_or_else(|| native_class(n.type_name())),
        Value::Class(_) => builtin_class("type"),
        Value::Builtin(_) | Value::BoundMethod(_) | Value::NativeMethod(_) => {
            builtin_class("function")
        }
        Value::Iter(_) | Value::Ellipsis => builtin_class("object"),
        other => builtin_class(&other.type_name()),
    }
}

/// Whether `value` is an instance of `class` (with `bool` a subclass of `int`).
pub fn isinstance(value: &Value, class: &Rc<Class>) -> bool {
    if class.builtin == Some(BuiltinType::Object) {
        return true;
    }
    class_of(value).is_subclass(class)
}
