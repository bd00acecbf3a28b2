//! Series: the native objects behind every ehrQL series, with their operators per type
//! (language reference §3), each building checked query-model nodes; the named methods are
//! in `series_methods`.

use std::any::Any;
use std::rc::Rc;

use crate::eval::error::{type_error, PyResult};
use crate::eval::{Args, Interpreter, NativeObject, Value};
use crate::qm::{AggregateFn, Arena, BinaryFn, NodeId, QmError, Type, UnaryFn};

use super::series_methods::multi_code_eq_error;
use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};

use super::convert::{as_series, literal};
use super::duration::{self, DateDifference};
use super::state::{qm_error, with_state};

/// A series: a query-model node with its type and dimension.
pub struct SeriesObj {
    pub node: NodeId,
    pub ty: Type,
    /// One value per patient.
    pub patient: bool,
}

/// Builds a node with the run's arena, translating refusals.
pub fn build(
    it: &mut Interpreter,
    f: impl FnOnce(&mut Arena) -> Result<NodeId, QmError>,
) -> PyResult<NodeId> {
    match with_state(it, |s| f(&mut s.arena)) {
        Ok(id) => Ok(id),
        Err(e) => Err(qm_error(it, e)),
    }
}

/// Wraps a series node in its series object.
pub fn wrap(it: &mut Interpreter, node: NodeId) -> Value {
    let (ty, patient) = with_state(it, |s| {
        let info = s.arena.info(node);
        (
            info.series_type().cloned().unwrap_or(Type::Bool),
            info.is_patient_level(),
        )
    });
    Value::Native(Rc::new(SeriesObj { node, ty, patient }))
}

pub fn build_series(
    it: &mut Interpreter,
    f: impl FnOnce(&mut Arena) -> Result<NodeId, QmError>,
) -> PyResult<Value> {
    let id = build(it, f)?;
    Ok(wrap(it, id))
}

/// The node for an operand: a series' own node, or a literal cast for type `cast`.
pub fn operand(it: &mut Interpreter, v: &Value, cast: Option<&Type>) -> PyResult<NodeId> {
    if let Some(s) = as_series(v) {
        return Ok(s.node);
    }
    if duration::as_date_difference(v).is_some() {
        return Err(type_error(
            "Expecting an ehrQL series, got a date difference: use `.days`, `.weeks`, `.months` or `.years`",
        ));
    }
    let value = literal(it, v, cast)?;
    build(it, |a| a.value(value))
}

fn precedence_help() -> &'static str {
    "the operators `&`, `|` and `~` bind more tightly than comparisons, so wrap each \
     comparison in parentheses: `(a > 1) & (b < 2)`, not `a > 1 & b < 2`"
}

const COMMON: &[&str] = &[
    "is_null",
    "is_not_null",
    "when_null_then",
    "is_in",
    "is_not_in",
    "map_values",
];
const EVENT_COMMON: &[&str] = &["count_distinct_for_patient"];

impl SeriesObj {
    pub(super) fn event(&self) -> bool {
        !self.patient
    }

    pub fn method_names(&self) -> Vec<&'static str> {
        let mut m: Vec<&'static str> = COMMON.to_vec();
        if self.event() {
            m.extend(EVENT_COMMON);
        }
        match &self.ty {
            Type::Bool => m.push("as_int"),
            Type::Int | Type::Float => {
                m.extend(["as_int", "as_float", "absolute"]);
                if self.event() {
                    m.extend([
                        "sum_for_patient",
                        "mean_for_patient",
                        "minimum_for_patient",
                        "maximum_for_patient",
                    ]);
                }
            }
            Type::Str => {
                m.push("contains");
                if self.event() {
                    m.extend(["minimum_for_patient", "maximum_for_patient"]);
                }
            }
            Type::Date => {
                m.extend([
                    "to_first_of_year",
                    "to_first_of_month",
                    "is_before",
                    "is_on_or_before",
                    "is_after",
                    "is_on_or_after",
                    "is_between_but_not_on",
                    "is_on_or_between",
                    "is_during",
                ]);
                if self.event() {
                    m.extend([
                        "minimum_for_patient",
                        "maximum_for_patient",
                        "count_episodes_for_patient",
                    ]);
                }
            }
            Type::Code(_) => m.push("to_category"),
            Type::MultiCodeString(_) => m.extend(["contains", "contains_any_of"]),
            Type::Set(_) => {}
        }
        m
    }

    pub(super) fn class_name(&self) -> String {
        let family = match &self.ty {
            Type::Bool => "Bool",
            Type::Int => "Int",
            Type::Float => "Float",
            Type::Str => "Str",
            Type::Date => "Date",
            Type::Code(_) => "Code",
            Type::MultiCodeString(_) => "MultiCodeString",
            Type::Set(_) => "Set",
        };
        format!(
            "{family}{}Series",
            if self.patient { "Patient" } else { "Event" }
        )
    }

    pub(super) fn unary(&self, it: &mut Interpreter, op: UnaryFn) -> PyResult<Value> {
        let n = self.node;
        build_series(it, |a| a.unary(op, n))
    }

    pub(super) fn binary(
        &self,
        it: &mut Interpreter,
        op: BinaryFn,
        other: &Value,
        reflected: bool,
    ) -> PyResult<Value> {
        let o = operand(it, other, Some(&self.ty))?;
        let n = self.node;
        build_series(it, |a| {
            if reflected {
                a.binary(op, o, n)
            } else {
                a.binary(op, n, o)
            }
        })
    }

    pub(super) fn aggregate(&self, it: &mut Interpreter, op: AggregateFn) -> PyResult<Value> {
        let n = self.node;
        build_series(it, |a| a.aggregate(op, n))
    }

    fn compare_op(
        &self,
        it: &mut Interpreter,
        op: CmpOp,
        other: &Value,
    ) -> Option<PyResult<Value>> {
        let f = match op {
            CmpOp::Eq => BinaryFn::EQ,
            CmpOp::NotEq => BinaryFn::NE,
            CmpOp::Lt => BinaryFn::LT,
            CmpOp::LtE => BinaryFn::LE,
            CmpOp::Gt => BinaryFn::GT,
            CmpOp::GtE => BinaryFn::GE,
            _ => return None,
        };
        if let Type::MultiCodeString(_) = self.ty {
            return Some(Err(multi_code_eq_error(&self.ty)));
        }
        let ordering = !matches!(f, BinaryFn::EQ | BinaryFn::NE);
        if ordering && !matches!(self.ty, Type::Int | Type::Float | Type::Str | Type::Date) {
            return None;
        }
        if ordering && duration::as_date_difference(other).is_some() {
            return None;
        }
        if let Some(err) = self.mismatched_comparison(it, op, other) {
            return Some(Err(err));
        }
        Some(self.binary(it, f, other, false))
    }

    /// A comparison between values of different types, in the researcher's terms.
    fn mismatched_comparison(
        &self,
        it: &mut Interpreter,
        op: CmpOp,
        other: &Value,
    ) -> Option<crate::eval::PyErr> {
        let other_ty = match as_series(other) {
            Some(s) => s.ty.clone(),
            None => match other {
                Value::Int(_) | Value::Bool(_) if self.ty == Type::Float => return None,
                Value::Str(_) if matches!(self.ty, Type::Date | Type::Code(_)) => return None,
                _ => literal(it, other, None).ok()?.ty().ok()?,
            },
        };
        if other_ty == self.ty
            || other_ty.is_subtype_of(&self.ty)
            || self.ty.is_subtype_of(&other_ty)
        {
            return None;
        }
        let mut describe = |t: &Type, series: bool| -> String {
            let name = match t {
                Type::Date => "date".to_string(),
                Type::Int => "integer".into(),
                Type::Float => "float".into(),
                Type::Bool => "boolean".into(),
                Type::Str => "string".into(),
                other => other.to_string(),
            };
            if series {
                let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
                    "an"
                } else {
                    "a"
                };
                format!("{article} {name} series")
            } else {
                format!("the {name} {}", super::native::py_repr(it, other))
            }
        };
        let lhs = describe(&self.ty, true);
        let rhs = describe(&other_ty, as_series(other).is_some());
        let mut err = type_error(format!(
            "Cannot compare {lhs} with {rhs} (using `{}`)",
            op.symbol()
        ));
        err = err.with_help(match (&self.ty, &other_ty) {
            (Type::Date, Type::Int | Type::Float) => {
                "compare dates with dates, e.g. `x.date > \"2020-01-01\"`, or compare a part of the date, \
                 e.g. `x.date.year > 2020`; to compare a time span use `(a - b).days > 30`"
                    .to_string()
            }
            (Type::Int, Type::Float) | (Type::Float, Type::Int) => {
                "ehrQL does not mix integers and floats: convert one side with `.as_float()` or `.as_int()`".into()
            }
            _ => format!("both sides must have the same type (the series is of type {})", self.ty),
        });
        Some(err)
    }
}

impl NativeObject for SeriesObj {
    fn type_name(&self) -> &str {
        match (&self.ty, self.patient) {
            (Type::Bool, true) => "BoolPatientSeries",
            (Type::Bool, false) => "BoolEventSeries",
            (Type::Int, true) => "IntPatientSeries",
            (Type::Int, false) => "IntEventSeries",
            (Type::Float, true) => "FloatPatientSeries",
            (Type::Float, false) => "FloatEventSeries",
            (Type::Str, true) => "StrPatientSeries",
            (Type::Str, false) => "StrEventSeries",
            (Type::Date, true) => "DatePatientSeries",
            (Type::Date, false) => "DateEventSeries",
            (Type::Code(_), true) => "CodePatientSeries",
            (Type::Code(_), false) => "CodeEventSeries",
            (Type::MultiCodeString(_), true) => "MultiCodeStringPatientSeries",
            (Type::MultiCodeString(_), false) => "MultiCodeStringEventSeries",
            (Type::Set(_), _) => "SetSeries",
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn get_attr(&self, _this: &Value, name: &str, it: &mut Interpreter) -> Option<PyResult<Value>> {
        if self.ty == Type::Date {
            let op = match name {
                "year" => UnaryFn::YearFromDate,
                "month" => UnaryFn::MonthFromDate,
                "day" => UnaryFn::DayFromDate,
                _ => return None,
            };
            return Some(self.unary(it, op));
        }
        None
    }
    fn has_method(&self, name: &str) -> bool {
        name == "__abs__" || self.method_names().contains(&name)
    }
    fn call_method(
        &self,
        this: &Value,
        name: &str,
        args: Args,
        it: &mut Interpreter,
    ) -> PyResult<Value> {
        if name == "__abs__" {
            return Err(super::state::ehrql_error(
                it,
                "Instead of abs(x) use x.absolute()",
            ));
        }
        self.call(this, name, args, it)
    }
    fn attribute_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.method_names().into_iter().map(String::from).collect();
        if self.ty == Type::Date {
            names.extend(["year", "month", "day"].map(String::from));
        }
        names
    }
    fn binary_op(
        &self,
        this: &Value,
        op: BinOp,
        other: &Value,
        reflected: bool,
        it: &mut Interpreter,
    ) -> Option<PyResult<Value>> {
        let _ = this;
        match op {
            BinOp::BitAnd | BinOp::BitOr => {
                let other_ok = matches!(other, Value::Bool(_))
                    || as_series(other).is_some_and(|s| s.ty == Type::Bool);
                if self.ty != Type::Bool || !other_ok {
                    let sym = if op == BinOp::BitAnd { "&" } else { "|" };
                    let (l, r) = if reflected {
                        (other.type_name(), self.type_name().to_string())
                    } else {
                        (self.type_name().to_string(), other.type_name())
                    };
                    return Some(Err(type_error(format!(
                        "unsupported operand type(s) for {sym}: '{l}' and '{r}'"
                    ))
                    .with_help(precedence_help())));
                }
                let f = if op == BinOp::BitAnd {
                    BinaryFn::And
                } else {
                    BinaryFn::Or
                };
                Some(self.binary(it, f, other, reflected))
            }
            BinOp::Add | BinOp::Sub | BinOp::Mult | BinOp::Div | BinOp::FloorDiv | BinOp::Pow
                if self.ty.is_numeric() =>
            {
                if as_series(other).is_none()
                    && !matches!(other, Value::Int(_) | Value::Float(_) | Value::Bool(_))
                {
                    return None;
                }
                let f = match op {
                    BinOp::Add => BinaryFn::Add,
                    BinOp::Sub => BinaryFn::Subtract,
                    BinOp::Mult => BinaryFn::Multiply,
                    BinOp::Div => BinaryFn::TrueDivide,
                    BinOp::FloorDiv => BinaryFn::FloorDivide,
                    _ => BinaryFn::Power,
                };
                if op == BinOp::Sub && reflected {
                    // `1 - s` is `1 + (-s)`, as in the reference.
                    let o = match operand(it, other, Some(&self.ty)) {
                        Ok(o) => o,
                        Err(e) => return Some(Err(e)),
                    };
                    let n = self.node;
                    return Some(build_series(it, |a| {
                        let neg = a.unary(UnaryFn::Negate, n)?;
                        a.binary(BinaryFn::Add, o, neg)
                    }));
                }
                Some(self.binary(it, f, other, reflected))
            }
            BinOp::Add | BinOp::Sub if self.ty == Type::Date => {
                if let Some(d) = duration::as_duration(other) {
                    if reflected && op == BinOp::Sub {
                        return None;
                    }
                    return Some(d.add_to_date(it, self.node, op == BinOp::Sub));
                }
                if op == BinOp::Add {
                    return None;
                }
                let is_date_like = as_series(other).is_some_and(|s| s.ty == Type::Date)
                    || matches!(other, Value::Str(_))
                    || super::convert::as_date(other).is_some();
                if !is_date_like {
                    return None;
                }
                let o = match operand(it, other, Some(&Type::Date)) {
                    Ok(o) => o,
                    Err(e) => return Some(Err(e)),
                };
                let (lhs, rhs) = if reflected {
                    (o, self.node)
                } else {
                    (self.node, o)
                };
                Some(Ok(DateDifference::value(lhs, rhs)))
            }
            _ => None,
        }
    }
    fn unary_op(
        &self,
        _this: &Value,
        op: UnaryOp,
        it: &mut Interpreter,
    ) -> Option<PyResult<Value>> {
        match op {
            UnaryOp::Invert if self.ty == Type::Bool => Some(self.unary(it, UnaryFn::Not)),
            UnaryOp::Invert => Some(Err(type_error(format!(
                "bad operand type for unary ~: '{}'",
                self.type_name()
            ))
            .with_help(precedence_help()))),
            UnaryOp::USub if self.ty.is_numeric() => Some(self.unary(it, UnaryFn::Negate)),
            _ => None,
        }
    }
    fn compare(
        &self,
        _this: &Value,
        op: CmpOp,
        other: &Value,
        it: &mut Interpreter,
    ) -> Option<PyResult<Value>> {
        self.compare_op(it, op, other)
    }
    fn truthy(&self, _it: &mut Interpreter) -> PyResult<bool> {
        Err(type_error(
            "The keywords 'and', 'or', and 'not' cannot be used with ehrQL, please use the operators '&', '|' and '~' \
             instead.\n(You will also see this error if you try use a chained comparison, such as 'a < b < c'.)",
        )
        .with_help(
            "ehrQL series are not True or False when the definition runs, so `if`, `and`, `or` and `not` cannot \
             use them; combine conditions with `&`, `|` and `~`, and wrap each comparison in parentheses, \
             because those operators bind more tightly than comparisons",
        ))
    }
    fn repr(&self, _it: &mut Interpreter) -> PyResult<String> {
        Ok(format!("{}(qm_node={})", self.class_name(), self.node.0))
    }
    fn iter(&self, _this: &Value, _it: &mut Interpreter) -> Option<PyResult<Vec<Value>>> {
        Some(Err(type_error(format!(
            "'{}' object is not iterable",
            self.class_name()
        ))))
    }
}
