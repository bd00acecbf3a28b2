//! Runtime values of the evaluator: one cheap-to-clone enum with Python's object kinds.

use std::cell::RefCell;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use indexmap::{IndexMap, IndexSet};

use crate::diagnostics::FileId;

use super::error::PyResult;
use super::interp::{FnCode, Interpreter};
pub use super::native::NativeObject;

/// An ordered namespace: module globals, class bodies, instance attributes, function locals.
pub type Namespace = Rc<RefCell<IndexMap<Rc<str>, Value>>>;

pub fn new_namespace() -> Namespace {
    Rc::new(RefCell::new(IndexMap::new()))
}

/// A Python value.
#[derive(Clone)]
pub enum Value {
    None,
    Ellipsis,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Rc<str>),
    List(Rc<RefCell<Vec<Value>>>),
    Tuple(Rc<[Value]>),
    Dict(Rc<RefCell<Dict>>),
    Set(Rc<RefCell<Set>>),
    Range(Rc<RangeObj>),
    Slice(Rc<SliceObj>),
    Function(Rc<Function>),
    Builtin(Rc<Builtin>),
    BoundMethod(Rc<BoundMethod>),
    Class(Rc<Class>),
    Instance(Rc<Instance>),
    Module(Rc<Module>),
    Iter(Rc<RefCell<IterState>>),
    Property(Rc<Property>),
    StaticMethod(Rc<Value>),
    ClassMethod(Rc<Value>),
    Super(Rc<(Rc<Class>, Value)>),
    /// A method of a native object, bound to it: calling it calls `call_method`.
    NativeMethod(Rc<(Value, Rc<str>)>),
    Native(Rc<dyn NativeObject>),
}

/// Positional and keyword arguments of a call.
#[derive(Clone, Default)]
pub struct Args {
    pub pos: Vec<Value>,
    pub kw: Vec<(Rc<str>, Value)>,
}

impl Args {
    pub fn positional(pos: Vec<Value>) -> Args {
        Args {
            pos,
            kw: Vec::new(),
        }
    }

    /// Removes and returns a keyword argument.
    pub fn take_kw(&mut self, name: &str) -> Option<Value> {
        let i = self.kw.iter().position(|(k, _)| &**k == name)?;
        Some(self.kw.remove(i).1)
    }
}

pub type BuiltinFn = fn(&mut Interpreter, Args) -> PyResult<Value>;

/// A function written in Rust. Methods of built-in types receive the object as `pos[0]`.
pub struct Builtin {
    pub name: &'static str,
    pub func: BuiltinFn,
}

pub struct BoundMethod {
    pub receiver: Value,
    pub func: Value,
}

pub struct RangeObj {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl RangeObj {
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn len(&self) -> usize {
        let (start, stop, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if step > 0 {
            (stop - start + step - 1) / step
        } else {
            (start - stop - step - 1) / -step
        };
        n.max(0) as usize
    }

    pub fn get(&self, i: usize) -> i64 {
        self.start + self.step * i as i64
    }
}

pub struct SliceObj {
    pub lower: Value,
    pub upper: Value,
    pub step: Value,
}

/// A user function or lambda; `closure` holds the enclosing functions' scopes, innermost first.
pub struct Function {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub code: Rc<FnCode>,
    pub defaults: Vec<Value>,
    pub kw_defaults: Vec<(Rc<str>, Value)>,
    pub globals: Namespace,
    pub closure: Rc<[Namespace]>,
    pub file: FileId,
    pub module_name: Rc<str>,
    /// The class whose body defined this function, for zero-argument `super()`.
    pub owner: RefCell<Option<std::rc::Weak<Class>>>,
    pub attrs: Namespace,
}

/// What a built-in class is, so calls and `isinstance` know.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BuiltinType {
    Object,
    Type,
    NoneType,
    Bool,
    Int,
    Float,
    Str,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Function,
    Module,
    BaseException,
    Property,
    StaticMethod,
    ClassMethod,
    Super,
}

pub struct Class {
    pub name: Rc<str>,
    pub module_name: Rc<str>,
    pub bases: Vec<Rc<Class>>,
    /// The method resolution order without the class itself.
    pub mro: Vec<Rc<Class>>,
    pub dict: Namespace,
    pub builtin: Option<BuiltinType>,
}

impl Class {
    /// Looks a name up along the MRO (the class first).
    pub fn lookup(&self, name: &str) -> Option<Value> {
        if let Some(v) = self.dict.borrow().get(name) {
            return Some(v.clone());
        }
        self.mro
            .iter()
            .find_map(|c| c.dict.borrow().get(name).cloned())
    }

    /// True if this class is `other` or inherits from it.
    pub fn is_subclass(self: &Rc<Class>, other: &Rc<Class>) -> bool {
        Rc::ptr_eq(self, other) || self.mro.iter().any(|c| Rc::ptr_eq(c, other))
    }

    /// The nearest built-in class in the MRO, if any.
    pub fn builtin_base(&self) -> Option<BuiltinType> {
        self.builtin.or_else(|| {
            self.mro
                .iter()
                .find_map(|c| c.builtin.filter(|b| *b != BuiltinType::Object))
        })
    }
}

pub struct Instance {
    pub class: Rc<Class>,
    pub attrs: Namespace,
}

pub struct Module {
    pub name: Rc<str>,
    pub file: Option<std::path::PathBuf>,
    pub globals: Namespace,
}

pub struct Property {
    pub fget: Value,
    pub fset: Value,
}

/// The state of a built-in iterator. Sequences are snapshotted, except lists (live, as Python).
pub enum IterState {
    Items(Vec<Value>, usize),
    List(Rc<RefCell<Vec<Value>>>, usize),
    Range { next: i64, stop: i64, step: i64 },
}

impl IterState {
    pub fn next_value(&mut self) -> Option<Value> {
        match self {
            IterState::Items(items, i) => {
                let v = items.get(*i).cloned();
                *i += 1;
                v
            }
            IterState::List(list, i) => {
                let v = list.borrow().get(*i).cloned();
                *i += 1;
                v
            }
            IterState::Range { next, stop, step } => {
                if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                    let v = *next;
                    *next = next.saturating_add(*step);
                    Some(Value::Int(v))
                } else {
                    None
                }
            }
        }
    }
}

/// A value used as a dict key or set member: hashed and compared with Python's rules
/// (`1 == 1.0 == True`). Only hashable values are ever wrapped (checked by `check_hashable`).
#[derive(Clone)]
pub struct Key(pub Value);

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        hash_value(&self.0, state)
    }
}

fn hash_value<H: Hasher>(v: &Value, state: &mut H) {
    match v {
        Value::None => 0u8.hash(state),
        Value::Bool(b) => (*b as i64).hash(state),
        Value::Int(i) => i.hash(state),
        Value::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 9.2e18 {
                (*f as i64).hash(state)
            } else {
                f.to_bits().hash(state)
            }
        }
        Value::Str(s) => s.hash(state),
        Value::Tuple(items) => {
            items.len().hash(state);
            for item in items.iter() {
                hash_value(item, state);
            }
        }
        Value::Native(n) => match n.hash_key() {
            Some(h) => h.hash(state),
            None => (Rc::as_ptr(n) as *const u8 as usize).hash(state),
        },
        other => other.identity().hash(state),
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        key_eq(&self.0, &other.0)
    }
}

impl Eq for Key {}

/// Equality of hashable values without calling user code.
pub fn key_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::None, Value::None) => true,
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Tuple(x), Value::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| key_eq(p, q))
        }
        (Value::Native(n), other) => n
            .eq_key(other)
            .unwrap_or_else(|| a.identity() == other.identity()),
        _ => match (a.as_number(), b.as_number()) {
            (Some(x), Some(y)) => x.equals(&y),
            _ => a.identity() != 0 && a.identity() == b.identity(),
        },
    }
}

/// A number for cross-type comparison.
#[derive(Clone, Copy, Debug)]
pub enum Num {
    Int(i64),
    Float(f64),
}

impl Num {
    pub fn equals(&self, other: &Num) -> bool {
        self.partial_cmp(other) == Some(std::cmp::Ordering::Equal)
    }

    pub fn partial_cmp(&self, other: &Num) -> Option<std::cmp::Ordering> {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => Some(a.cmp(b)),
            (Num::Int(a), Num::Float(b)) => (*a as f64).partial_cmp(b),
            (Num::Float(a), Num::Int(b)) => a.partial_cmp(&(*b as f64)),
            (Num::Float(a), Num::Float(b)) => a.partial_cmp(b),
        }
    }

    pub fn to_f64(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::Float(f) => f,
        }
    }
}

pub type Dict = IndexMap<Key, Value>;
pub type Set = IndexSet<Key>;

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::from(s))
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(items)))
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::from(items))
    }

    pub fn dict(d: Dict) -> Value {
        Value::Dict(Rc::new(RefCell::new(d)))
    }

    pub fn set(s: Set) -> Value {
        Value::Set(Rc::new(RefCell::new(s)))
    }

    pub fn builtin(name: &'static str, func: BuiltinFn) -> Value {
        Value::Builtin(Rc::new(Builtin { name, func }))
    }

    pub fn iter(state: IterState) -> Value {
        Value::Iter(Rc::new(RefCell::new(state)))
    }

    pub fn as_number(&self) -> Option<Num> {
        match self {
            Value::Bool(b) => Some(Num::Int(*b as i64)),
            Value::Int(i) => Some(Num::Int(*i)),
            Value::Float(f) => Some(Num::Float(*f)),
            _ => None,
        }
    }

    /// An address for `is` and identity hashing; 0 for values compared by value.
    pub fn identity(&self) -> usize {
        fn p<T: ?Sized>(r: &Rc<T>) -> usize {
            Rc::as_ptr(r) as *const u8 as usize
        }
        match self {
            Value::List(r) => p(r),
            Value::Tuple(r) => p(r),
            Value::Dict(r) => p(r),
            Value::Set(r) => p(r),
            Value::Range(r) => p(r),
            Value::Slice(r) => p(r),
            Value::Function(r) => p(r),
            Value::Builtin(r) => p(r),
            Value::BoundMethod(r) => p(r),
            Value::Class(r) => p(r),
            Value::Instance(r) => p(r),
            Value::Module(r) => p(r),
            Value::Iter(r) => p(r),
            Value::Property(r) => p(r),
            Value::StaticMethod(r) => p(r),
            Value::ClassMethod(r) => p(r),
            Value::Super(r) => p(r),
            Value::NativeMethod(r) => p(r),
            Value::Native(r) => p(r),
            Value::Str(r) => p(r),
            _ => 0,
        }
    }

    /// Python's `is`.
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) | (Value::Ellipsis, Value::Ellipsis) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            // Small ints and equal literals are shared in CPython; treat equal ints as identical.
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Str(a), Value::Str(b)) => a == b,
            _ => {
                let (x, y) = (self.identity(), other.identity());
                x != 0 && x == y
            }
        }
    }

    /// The name `type(x).__name__` gives.
    pub fn type_name(&self) -> String {
        match self {
            Value::None => "NoneType".into(),
            Value::Ellipsis => "ellipsis".into(),
            Value::Bool(_) => "bool".into(),
            Value::Int(_) => "int".into(),
            Value::Float(_) => "float".into(),
            Value::Str(_) => "str".into(),
            Value::List(_) => "list".into(),
            Value::Tuple(_) => "tuple".into(),
            Value::Dict(_) => "dict".into(),
            Value::Set(_) => "set".into(),
            Value::Range(_) => "range".into(),
            Value::Slice(_) => "slice".into(),
            Value::Function(_) => "function".into(),
            Value::Builtin(_) => "builtin_function_or_method".into(),
            Value::BoundMethod(_) | Value::NativeMethod(_) => "method".into(),
            Value::Class(_) => "type".into(),
            Value::Instance(i) => i.class.name.to_string(),
            Value::Module(_) => "module".into(),
            Value::Iter(_) => "iterator".into(),
            Value::Property(_) => "property".into(),
            Value::StaticMethod(_) => "staticmethod".into(),
            Value::ClassMethod(_) => "classmethod".into(),
            Value::Super(_) => "super".into(),
            Value::Native(n) => n.type_name().to_string(),
        }
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }
}
