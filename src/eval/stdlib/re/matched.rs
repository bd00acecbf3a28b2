//! `re.Match`: the result of a successful match (`group`, `groups`, `groupdict`, `span`, ...).
//!
//! Spans are kept as byte offsets into the string and reported as character offsets,
//! which is what Python counts.

use std::any::Any;
use std::rc::Rc;

use super::pattern::Pattern;
use super::syntax::{template, Piece};
use super::{error, str_of};
use crate::eval::builtins::int_arg;
use crate::eval::error::{index_error, type_error, PyResult};
use crate::eval::interp::Interpreter;
use crate::eval::repr::str_repr;
use crate::eval::value::{Args, Dict, Key, NativeObject, Value};

/// Byte spans of the whole match (index 0) and each group; `None` for a group that did not take part.
pub type Spans = Vec<Option<(usize, usize)>>;

pub struct Match {
    pub pattern: Rc<Pattern>,
    pub pattern_value: Value,
    pub string: Rc<str>,
    pub spans: Spans,
    /// The `pos`/`endpos` the match was looked for in, as byte offsets.
    pub range: (usize, usize),
}

const METHODS: &[&str] = &[
    "group",
    "groups",
    "groupdict",
    "start",
    "end",
    "span",
    "expand",
];

impl Match {
    fn chars(&self, byte: usize) -> i64 {
        if self.string.is_ascii() {
            byte as i64
        } else {
            self.string[..byte].chars().count() as i64
        }
    }

    /// The group index for `group(key)`: an int, or a name of a named group.
    fn index(&self, key: &Value) -> PyResult<usize> {
        let n = match key {
            Value::Str(name) => self
                .pattern
                .names
                .iter()
                .position(|n| n.as_deref() == Some(&**name)),
            Value::Int(_) | Value::Bool(_) => usize::try_from(int_arg(key)?)
                .ok()
                .filter(|&i| i < self.spans.len()),
            _ => None,
        };
        n.ok_or_else(|| index_error("no such group"))
    }

    fn group_value(&self, g: usize, default: &Value) -> Value {
        match self.spans[g] {
            Some((a, b)) => Value::str(&self.string[a..b]),
            None => default.clone(),
        }
    }

    fn span_of(&self, g: usize) -> (i64, i64) {
        match self.spans[g] {
            Some((a, b)) => (self.chars(a), self.chars(b)),
            None => (-1, -1),
        }
    }

    fn group_arg(&self, args: &Args) -> PyResult<usize> {
        match args.pos.first() {
            Some(k) => self.index(k),
            None => Ok(0),
        }
    }
}

/// `default=` as a keyword or the first positional argument.
fn default_arg(args: &mut Args) -> Value {
    args.take_kw("default")
        .or_else(|| args.pos.first().cloned())
        .unwrap_or(Value::None)
}

impl NativeObject for Match {
    fn type_name(&self) -> &str {
        "re.Match"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn has_method(&self, name: &str) -> bool {
        METHODS.contains(&name)
    }
    fn attribute_names(&self) -> Vec<String> {
        let mut names: Vec<String> = METHODS.iter().map(|s| s.to_string()).collect();
        names.extend(["string", "re", "pos", "endpos", "lastindex", "lastgroup"].map(String::from));
        names
    }
    fn get_attr(
        &self,
        _this: &Value,
        name: &str,
        _it: &mut Interpreter,
    ) -> Option<PyResult<Value>> {
        // The group that closed last: the participating group whose span ends last, the
        // outermost among nested ones ending together.
        let last = || {
            (1..self.spans.len())
                .filter_map(|g| self.spans[g].map(|(_, e)| (e, g)))
                .fold(None, |best: Option<(usize, usize)>, (e, g)| match best {
                    Some((be, _)) if be >= e => best,
                    _ => Some((e, g)),
                })
                .map(|(_, g)| g)
        };
        Some(Ok(match name {
            "string" => Value::Str(self.string.clone()),
            "re" => self.pattern_value.clone(),
            "pos" => Value::Int(self.chars(self.range.0)),
            "endpos" => Value::Int(self.chars(self.range.1)),
            "lastindex" => last().map_or(Value::None, |g| Value::Int(g as i64)),
            "lastgroup" => last()
                .and_then(|g| self.pattern.names[g].as_deref().map(Value::str))
                .unwrap_or(Value::None),
            _ => return None,
        }))
    }
    fn call_method(
        &self,
        _this: &Value,
        name: &str,
        mut args: Args,
        _it: &mut Interpreter,
    ) -> PyResult<Value> {
        match name {
            "group" => {
                if args.pos.len() <= 1 {
                    let g = self.group_arg(&args)?;
                    return Ok(self.group_value(g, &Value::None));
                }
                let items = args
                    .pos
                    .iter()
                    .map(|k| self.index(k).map(|g| self.group_value(g, &Value::None)))
                    .collect::<PyResult<Vec<_>>>()?;
                Ok(Value::tuple(items))
            }
            "groups" => {
                let d = default_arg(&mut args);
                Ok(Value::tuple(
                    (1..self.spans.len())
                        .map(|g| self.group_value(g, &d))
                        .collect(),
                ))
            }
            "groupdict" => {
                let d = default_arg(&mut args);
                let mut out = Dict::new();
                for (g, n) in self.pattern.names.iter().enumerate() {
                    if let Some(n) = n {
                        out.insert(Key(Value::str(n)), self.group_value(g, &d));
                    }
                }
                Ok(Value::dict(out))
            }
            "start" | "end" | "span" => {
                let (a, b) = self.span_of(self.group_arg(&args)?);
                Ok(match name {
                    "start" => Value::Int(a),
                    "end" => Value::Int(b),
                    _ => Value::tuple(vec![Value::Int(a), Value::Int(b)]),
                })
            }
            "expand" => {
                let t = str_of(args.pos.first().cloned(), "Match.expand")?;
                let mut out = String::new();
                for p in template(&t, &self.pattern.names).map_err(error)? {
                    match p {
                        Piece::Text(t) => out.push_str(&t),
                        Piece::Group(g) => {
                            if let Some((a, b)) = self.spans[g] {
                                out.push_str(&self.string[a..b]);
                            }
                        }
                    }
                }
                Ok(Value::str(&out))
            }
            _ => Err(type_error(format!(
                "'re.Match' object has no attribute '{name}'"
            ))),
        }
    }
    fn getitem(
        &self,
        _this: &Value,
        key: &Value,
        _it: &mut Interpreter,
    ) -> Option<PyResult<Value>> {
        Some(self.index(key).map(|g| self.group_value(g, &Value::None)))
    }
    fn repr(&self, _it: &mut Interpreter) -> PyResult<String> {
        let (a, b) = self.span_of(0);
        let text = self.spans[0].map_or("", |(x, y)| &self.string[x..y]);
        Ok(format!(
            "<re.Match object; span=({a}, {b}), match={}>",
            str_repr(text)
        ))
    }
}
