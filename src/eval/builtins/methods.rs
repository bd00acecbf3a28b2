//! Method and attribute lookup on values of built-in types (`"a".upper`, `d.items`, `r.start`).

use std::rc::Rc;

use super::{dicts, lists, sets, strings};
use crate::eval::value::{BuiltinType, Class, Value};

/// A method of a built-in value, as an unbound builtin taking the value first.
pub fn lookup(obj: &Value, name: &str) -> Option<Value> {
    let found = match obj {
        Value::Str(_) => strings::method(name),
        Value::List(_) => lists::method(name),
        Value::Tuple(_) => lists::tuple_method(name),
        Value::Dict(_) => dicts::method(name),
        Value::Set(_) => sets::method(name),
        Value::Int(_) | Value::Bool(_) => match name {
            "bit_length" => Some((
                "bit_length",
                lists::int_bit_length as crate::eval::value::BuiltinFn,
            )),
            _ => None,
        },
        Value::Float(_) => match name {
            "is_integer" => Some((
                "is_integer",
                lists::float_is_integer as crate::eval::value::BuiltinFn,
            )),
            _ => None,
        },
        Value::Range(_) => lists::tuple_method(name),
        _ => None,
    }?;
    Some(Value::builtin(found.0, found.1))
}

/// Every method name of the built-in types, for did-you-mean hints.
const METHOD_NAMES: &[&str] = &[
    "format",
    "join",
    "split",
    "rsplit",
    "splitlines",
    "strip",
    "lstrip",
    "rstrip",
    "lower",
    "upper",
    "casefold",
    "swapcase",
    "title",
    "capitalize",
    "replace",
    "startswith",
    "endswith",
    "zfill",
    "count",
    "find",
    "rfind",
    "index",
    "rindex",
    "isdigit",
    "isdecimal",
    "isnumeric",
    "isalpha",
    "isalnum",
    "isspace",
    "isupper",
    "islower",
    "isidentifier",
    "center",
    "ljust",
    "rjust",
    "partition",
    "rpartition",
    "removeprefix",
    "removesuffix",
    "format_map",
    "encode",
    "append",
    "extend",
    "insert",
    "pop",
    "remove",
    "sort",
    "reverse",
    "copy",
    "clear",
    "items",
    "keys",
    "values",
    "get",
    "update",
    "setdefault",
    "popitem",
    "add",
    "union",
    "intersection",
    "difference",
    "symmetric_difference",
    "discard",
    "issubset",
    "issuperset",
    "isdisjoint",
    "bit_length",
    "is_integer",
];

/// The attribute names of a value, for did-you-mean hints.
pub fn attribute_names(obj: &Value) -> Vec<String> {
    let ns_keys = |ns: &crate::eval::value::Namespace| {
        ns.borrow()
            .keys()
            .map(|k| k.to_string())
            .collect::<Vec<_>>()
    };
    match obj {
        Value::Instance(i) => {
            let mut names = ns_keys(&i.attrs);
            names.extend(ns_keys(&i.class.dict));
            for c in &i.class.mro {
                names.extend(ns_keys(&c.dict));
            }
            names
        }
        Value::Class(c) => {
            let mut names = ns_keys(&c.dict);
            for k in &c.mro {
                names.extend(ns_keys(&k.dict));
            }
            names
        }
        Value::Module(m) => ns_keys(&m.globals),
        Value::Native(n) => n.attribute_names(),
        _ => METHOD_NAMES
            .iter()
            .filter(|n| lookup(obj, n).is_some())
            .map(|n| n.to_string())
            .collect(),
    }
}

/// Data attributes of built-in values.
pub fn attribute(obj: &Value, name: &str) -> Option<Value> {
    match (obj, name) {
        (Value::Int(_) | Value::Bool(_), "real" | "numerator") => {
            Some(Value::Int(super::int_arg(obj).ok()?))
        }
        (Value::Int(_) | Value::Bool(_), "imag") => Some(Value::Int(0)),
        (Value::Int(_) | Value::Bool(_), "denominator") => Some(Value::Int(1)),
        (Value::Float(f), "real") => Some(Value::Float(*f)),
        (Value::Float(_), "imag") => Some(Value::Float(0.0)),
        (Value::Range(r), "start") => Some(Value::Int(r.start)),
        (Value::Range(r), "stop") => Some(Value::Int(r.stop)),
        (Value::Range(r), "step") => Some(Value::Int(r.step)),
        (Value::Slice(s), "start") => Some(s.lower.clone()),
        (Value::Slice(s), "stop") => Some(s.upper.clone()),
        (Value::Slice(s), "step") => Some(s.step.clone()),
        (Value::Builtin(b), "__name__") => Some(Value::str(b.name)),
        (Value::BoundMethod(m), "__self__") => Some(m.receiver.clone()),
        (Value::BoundMethod(m), "__func__") => Some(m.func.clone()),
        (Value::Property(p), "fget") => Some(p.fget.clone()),
        (Value::Property(_), "setter") => Some(Value::NativeMethod(Rc::new((
            obj.clone(),
            Rc::from("setter"),
        )))),
        _ => None,
    }
}

/// `str.lower`, `dict.fromkeys`, ... looked up on the class itself.
pub fn lookup_type_method(class: &Rc<Class>, name: &str) -> Option<Value> {
    let found = match class.builtin? {
        BuiltinType::Str => strings::method(name),
        BuiltinType::List => lists::method(name),
        BuiltinType::Tuple => lists::tuple_method(name),
        BuiltinType::Dict if name == "fromkeys" => {
            Some(("fromkeys", dicts::fromkeys as crate::eval::value::BuiltinFn))
        }
        BuiltinType::Dict => dicts::method(name),
        BuiltinType::Set => sets::method(name),
        _ => None,
    }?;
    Some(Value::builtin(found.0, found.1))
}
