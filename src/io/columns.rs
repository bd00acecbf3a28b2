//! What a reader must produce for each column: its kind, nullability and categories, from
//! a table schema (dummy tables) or the dataset's column specs (dataset files).

use std::sync::Arc;

use arrow_schema::{DataType, Field, Schema, SchemaRef};

use crate::qm::introspect::ColumnSpec;
use crate::qm::{Constraint, Table, Type, Value};

use super::values::value_repr;

/// The primitive kinds a file column can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Bool,
    Int,
    Float,
    Date,
    Str,
}

impl Kind {
    pub fn of(ty: &Type) -> Kind {
        match ty {
            Type::Bool => Kind::Bool,
            Type::Int => Kind::Int,
            Type::Float => Kind::Float,
            Type::Date => Kind::Date,
            Type::Str | Type::Code(_) | Type::MultiCodeString(_) | Type::Set(_) => Kind::Str,
        }
    }

    pub fn arrow_type(self) -> DataType {
        match self {
            Kind::Bool => DataType::Boolean,
            Kind::Int => DataType::Int64,
            Kind::Float => DataType::Float64,
            Kind::Date => DataType::Date32,
            Kind::Str => DataType::Utf8,
        }
    }

    /// How Python prints the column's type in a mismatch message.
    pub fn python_class(self) -> &'static str {
        match self {
            Kind::Bool => "<class 'bool'>",
            Kind::Int => "<class 'int'>",
            Kind::Float => "<class 'float'>",
            Kind::Date => "<class 'datetime.date'>",
            Kind::Str => "<class 'str'>",
        }
    }
}

/// The allowed values of a categorical column, typed like the column.
#[derive(Debug, Clone)]
pub enum Categories {
    Bool(Vec<bool>),
    Int(Vec<i64>),
    Float(Vec<f64>),
    Date(Vec<i32>),
    Str(Vec<String>),
}

impl Categories {
    fn new(kind: Kind, values: &[Value]) -> Categories {
        match kind {
            Kind::Bool => Categories::Bool(
                values
                    .iter()
                    .filter_map(|v| match v {
                        Value::Bool(b) => Some(*b),
                        _ => None,
                    })
                    .collect(),
            ),
            Kind::Int => Categories::Int(
                values
                    .iter()
                    .filter_map(|v| match v {
                        Value::Int(i) => Some(*i),
                        _ => None,
                    })
                    .collect(),
            ),
            Kind::Float => Categories::Float(
                values
                    .iter()
                    .filter_map(|v| match v {
                        Value::Float(f) => Some(f.get()),
                        Value::Int(i) => Some(*i as f64),
                        _ => None,
                    })
                    .collect(),
            ),
            Kind::Date => Categories::Date(
                values
                    .iter()
                    .filter_map(|v| match v {
                        Value::Date(d) => Some(d.0),
                        _ => None,
                    })
                    .collect(),
            ),
            Kind::Str => Categories::Str(
                values
                    .iter()
                    .filter_map(|v| match v {
                        Value::Str(s) | Value::Code(_, s) | Value::MultiCode(_, s) => {
                            Some(s.clone())
                        }
                        _ => None,
                    })
                    .collect(),
            ),
        }
    }

    pub fn has_str(&self, s: &[u8]) -> bool {
        matches!(self, Categories::Str(v) if v.iter().any(|c| c.as_bytes() == s))
    }
    pub fn has_int(&self, i: i64) -> bool {
        matches!(self, Categories::Int(v) if v.contains(&i))
    }
    pub fn has_float(&self, f: f64) -> bool {
        matches!(self, Categories::Float(v) if v.contains(&f))
    }
    pub fn has_bool(&self, b: bool) -> bool {
        matches!(self, Categories::Bool(v) if v.contains(&b))
    }
    pub fn has_date(&self, d: i32) -> bool {
        matches!(self, Categories::Date(v) if v.contains(&d))
    }

    /// The categories as the reference lists them in messages: Python reprs joined by `, `.
    pub fn repr_list(&self) -> String {
        let reprs: Vec<String> = match self {
            Categories::Bool(v) => v.iter().map(|b| value_repr(&Value::Bool(*b))).collect(),
            Categories::Int(v) => v.iter().map(|i| i.to_string()).collect(),
            Categories::Float(v) => v.iter().map(|f| value_repr(&Value::float(*f))).collect(),
            Categories::Date(v) => v
                .iter()
                .map(|d| value_repr(&Value::Date(crate::qm::Date(*d))))
                .collect(),
            Categories::Str(v) => v.iter().map(|s| crate::eval::repr::str_repr(s)).collect(),
        };
        reprs.join(", ")
    }

    /// The string categories, if these are strings.
    pub fn strings(&self) -> Option<&[String]> {
        match self {
            Categories::Str(v) => Some(v),
            _ => None,
        }
    }
}

/// One column a reader must produce.
#[derive(Debug, Clone)]
pub struct ColumnReq {
    pub name: String,
    pub kind: Kind,
    pub nullable: bool,
    pub categories: Option<Categories>,
}

/// What a reader must produce from one file.
#[derive(Debug, Clone)]
pub struct TableReq {
    /// `patient_id` first.
    pub columns: Vec<ColumnReq>,
    /// Whether nullable columns may be absent from the file (read as NULL): true for dummy
    /// tables, false for a dataset file.
    pub allow_missing_columns: bool,
    /// The schema of the batches returned.
    pub schema: SchemaRef,
}

impl TableReq {
    /// `patient_id` and `columns` of a database table, as the dummy-tables reader needs
    /// them: every column nullable, categories from `Categorical` constraints.
    pub fn for_table(table: &Table, columns: &[String]) -> TableReq {
        let mut reqs = vec![patient_id()];
        for name in columns {
            let column = table.schema.column(name);
            let kind = column.map_or(Kind::Str, |c| Kind::of(&c.ty));
            let categories = column.and_then(|c| {
                c.constraints.iter().find_map(|k| match k {
                    Constraint::Categorical(values) => Some(Categories::new(kind, values)),
                    _ => None,
                })
            });
            reqs.push(ColumnReq {
                name: name.clone(),
                kind,
                nullable: true,
                categories,
            });
        }
        TableReq {
            columns: reqs,
            allow_missing_columns: true,
            schema: crate::engine::table_arrow_schema(table, columns),
        }
    }

    /// A dataset's columns (patient_id first) as a dataset file must hold them.
    pub fn for_dataset(specs: &[(String, ColumnSpec)]) -> TableReq {
        let columns: Vec<ColumnReq> = specs
            .iter()
            .map(|(name, spec)| {
                let kind = Kind::of(&spec.ty);
                ColumnReq {
                    name: name.clone(),
                    kind,
                    nullable: spec.nullable,
                    categories: spec.categories.as_ref().map(|c| Categories::new(kind, c)),
                }
            })
            .collect();
        let fields: Vec<Field> = columns
            .iter()
            .map(|c| Field::new(&c.name, c.kind.arrow_type(), c.nullable))
            .collect();
        TableReq {
            columns,
            allow_missing_columns: false,
            schema: Arc::new(Schema::new(fields)),
        }
    }

    /// The columns the file must have.
    pub fn required(&self) -> impl Iterator<Item = &ColumnReq> {
        self.columns
            .iter()
            .filter(|c| !self.allow_missing_columns || !c.nullable)
    }

    /// `Missing columns: a, b` when the file's header lacks required columns.
    pub fn check_header(&self, header: &[&str]) -> Result<(), String> {
        let missing: Vec<&str> = self
            .required()
            .filter(|c| !header.contains(&c.name.as_str()))
            .map(|c| c.name.as_str())
            .collect();
        if missing.is_empty() {
            Ok(())
        } else {
            Err(format!("Missing columns: {}", missing.join(", ")))
        }
    }
}

fn patient_id() -> ColumnReq {
    ColumnReq {
        name: "patient_id".into(),
        kind: Kind::Int,
        nullable: false,
        categories: None,
    }
}
