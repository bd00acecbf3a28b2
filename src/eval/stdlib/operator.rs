//! `operator`: the operator functions (`or_`, `and_`, `add`, ...) and `attrgetter`/`itemgetter`.

use std::any::Any;
use std::rc::Rc;

use super::add_functions;
use crate::eval::builtins::arity;
use crate::eval::error::PyResult;
use crate::eval::interp::Interpreter;
use crate::eval::value::{Args, BuiltinFn, Namespace, NativeObject, Value};
use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};

macro_rules! binop {
    ($name:literal, $op:expr) => {
        ($name, |it: &mut Interpreter, a: Args| -> PyResult<Value> {
            arity($name, &a, 2, 2)?;
            it.binary_op($op, &a.pos[0], &a.pos[1])
        } as BuiltinFn)
    };
}

macro_rules! cmpop {
    ($name:literal, $op:expr) => {
        ($name, |it: &mut Interpreter, a: Args| -> PyResult<Value> {
            arity($name, &a, 2, 2)?;
            it.compare($op, &a.pos[0], &a.pos[1])
        } as BuiltinFn)
    };
}

macro_rules! unop {
    ($name:literal, $op:expr) => {
        ($name, |it: &mut Interpreter, a: Args| -> PyResult<Value> {
            arity($name, &a, 1, 1)?;
            it.unary_op($op, &a.pos[0])
        } as BuiltinFn)
    };
}

pub fn init(_: &mut Interpreter, ns: &Namespace) -> PyResult<()> {
    add_functions(
        ns,
        &[
            binop!("or_", BinOp::BitOr),
            binop!("and_", BinOp::BitAnd),
            binop!("xor", BinOp::BitXor),
            binop!("add", BinOp::Add),
            binop!("concat", BinOp::Add),
            binop!("sub", BinOp::Sub),
            binop!("mul", BinOp::Mult),
            binop!("truediv", BinOp::Div),
            binop!("floordiv", BinOp::FloorDiv),
            binop!("mod", BinOp::Mod),
            binop!("pow", BinOp::Pow),
            binop!("lshift", BinOp::LShift),
            binop!("rshift", BinOp::RShift),
            cmpop!("eq", CmpOp::Eq),
            cmpop!("ne", CmpOp::NotEq),
            cmpop!("lt", CmpOp::Lt),
            cmpop!("le", CmpOp::LtE),
            cmpop!("gt", CmpOp::Gt),
            cmpop!("ge", CmpOp::GtE),
            cmpop!("is_", CmpOp::Is),
            cmpop!("is_not", CmpOp::IsNot),
            unop!("not_", UnaryOp::Not),
            unop!("neg", UnaryOp::USub),
            unop!("pos", UnaryOp::UAdd),
            unop!("invert", UnaryOp::Invert),
            unop!("inv", UnaryOp::Invert),
            ("truth", |it, a| {
                arity("truth", &a, 1, 1)?;
                Ok(Value::Bool(it.truthy(&a.pos[0])?))
            }),
            ("contains", |it, a| {
                arity("contains", &a, 2, 2)?;
                Ok(Value::Bool(it.contains(&a.pos[0], &a.pos[1])?))
            }),
            ("getitem", |it, a| {
                arity("getitem", &a, 2, 2)?;
                it.getitem(&a.pos[0], &a.pos[1])
            }),
            ("attrgetter", |_, a| Ok(getter(a, true))),
            ("itemgetter", |_, a| Ok(getter(a, false))),
        ],
    );
    Ok(())
}

fn getter(args: Args, attr: bool) -> Value {
    Value::Native(Rc::new(Getter {
        keys: args.pos,
        attr,
    }))
}

/// `attrgetter("a.b")` / `itemgetter(k)`: one key gives a value, several give a tuple.
struct Getter {
    keys: Vec<Value>,
    attr: bool,
}

impl Getter {
    fn get(&self, it: &mut Interpreter, obj: &Value, key: &Value) -> PyResult<Value> {
        if !self.attr {
            return it.getitem(obj, key);
        }
        let Value::Str(path) = key else {
            return Err(crate::eval::error::type_error(
                "attribute name must be a string",
            ));
        };
        let mut v = obj.clone();
        for part in path.split('.') {
            v = it.getattr(&v, part)?;
        }
        Ok(v)
    }
}

impl NativeObject for Getter {
    fn type_name(&self) -> &str {
        if self.attr {
            "operator.attrgetter"
        } else {
            "operator.itemgetter"
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn call(&self, _this: &Value, args: Args, it: &mut Interpreter) -> Option<PyResult<Value>> {
        let run = |it: &mut Interpreter| -> PyResult<Value> {
            arity(self.type_name(), &args, 1, 1)?;
            if self.keys.len() == 1 {
                return self.get(it, &args.pos[0], &self.keys[0]);
            }
            let mut out = Vec::new();
            for k in &self.keys {
                out.push(self.get(it, &args.pos[0], k)?);
            }
            Ok(Value::tuple(out))
        };
        Some(run(it))
    }
}
