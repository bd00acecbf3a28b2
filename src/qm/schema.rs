//! Table schemas as the query model sees them: tables, columns, their types and constraints.

use serde::{Deserialize, Serialize};

use super::types::{Type, Value};

/// A column constraint, as declared in a table schema (`Constraint.*` in definitions).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Constraint {
    /// NULL or one of these values, in declaration order (the output's categories).
    Categorical(Vec<Value>),
    NotNull,
    Unique,
    FirstOfMonth,
    /// Matched at the start of the value only (Python's `re.match`).
    Regex(String),
    ClosedRange {
        minimum: i64,
        maximum: i64,
        step: i64,
    },
    GeneralRange {
        minimum: Option<Value>,
        maximum: Option<Value>,
        includes_minimum: bool,
        includes_maximum: bool,
    },
    DateAfter(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Column {
    pub name: String,
    pub ty: Type,
    pub constraints: Vec<Constraint>,
}

/// The columns of a table in declaration order; `patient_id` is implicit and never listed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct TableSchema {
    pub columns: Vec<Column>,
}

impl TableSchema {
    pub fn new(columns: Vec<Column>) -> TableSchema {
        TableSchema { columns }
    }

    /// A schema from `(name, type)` pairs with no constraints (handy in tests and for
    /// `table_from_file(columns=...)`).
    pub fn from_types<S: Into<String>>(
        columns: impl IntoIterator<Item = (S, Type)>,
    ) -> TableSchema {
        TableSchema {
            columns: columns
                .into_iter()
                .map(|(name, ty)| Column {
                    name: name.into(),
                    ty,
                    constraints: vec![],
                })
                .collect(),
        }
    }

    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }

    pub fn column_type(&self, name: &str) -> Option<&Type> {
        self.column(name).map(|c| &c.ty)
    }

    pub fn column_names(&self) -> impl Iterator<Item = &str> {
        self.columns.iter().map(|c| c.name.as_str())
    }
}

/// Whether a table's rows are filtered by the backend's activation date, and on which column
/// (the reference's `activation_filter_field`: a column name, `None`, or `False`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActivationFilter {
    /// `False`: no activation filter.
    Off,
    /// `None`: filtered some other way (in the backend's own SQL).
    Other,
    Column(String),
}

/// A database table read by `SelectTable` (many rows per patient) or `SelectPatientTable`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Table {
    pub name: String,
    pub schema: TableSchema,
    pub required_permission: Option<String>,
    pub activation_filter: ActivationFilter,
}

impl Table {
    pub fn new(name: impl Into<String>, schema: TableSchema) -> Table {
        Table {
            name: name.into(),
            schema,
            required_permission: None,
            activation_filter: ActivationFilter::Off,
        }
    }
}

/// The data of an inline patient table: each row is the patient id followed by one value
/// (or NULL) per schema column, in schema order.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct InlineTable {
    pub schema: TableSchema,
    pub rows: Vec<InlineRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct InlineRow {
    pub patient_id: i64,
    pub values: Vec<Option<Value>>,
}
