//! Shared fixtures for the query-model tests: a patient table `p` and event tables `e`, `e2`,
//! each with one column of every type.

#![allow(dead_code)]

use ehrql::qm::*;

pub fn columns() -> TableSchema {
    TableSchema::from_types([
        ("b1", Type::Bool),
        ("i1", Type::Int),
        ("i2", Type::Int),
        ("f1", Type::Float),
        ("s1", Type::Str),
        ("d1", Type::Date),
        ("d2", Type::Date),
        ("c1", Type::Code(CodeSystem::SNOMEDCTCode)),
        ("c2", Type::Code(CodeSystem::ICD10Code)),
        (
            "m1",
            Type::MultiCodeString(MultiCodeSystem::ICD10MultiCodeString),
        ),
    ])
}

pub struct Fx {
    pub a: Arena,
    pub p: NodeId,
    pub e: NodeId,
    pub e2: NodeId,
}

impl Fx {
    pub fn new() -> Fx {
        let mut a = Arena::new();
        let p = a
            .select_patient_table(Table::new("patients", columns()))
            .unwrap();
        let e = a.select_table(Table::new("events", columns())).unwrap();
        let e2 = a.select_table(Table::new("events2", columns())).unwrap();
        Fx { a, p, e, e2 }
    }

    pub fn col(&mut self, frame: NodeId, name: &str) -> NodeId {
        self.a.select_column(frame, name).unwrap()
    }

    pub fn int(&mut self, v: i64) -> NodeId {
        self.a.value(Value::Int(v)).unwrap()
    }

    pub fn float(&mut self, v: f64) -> NodeId {
        self.a.value(Value::float(v)).unwrap()
    }

    pub fn bool(&mut self, v: bool) -> NodeId {
        self.a.value(Value::Bool(v)).unwrap()
    }

    pub fn str(&mut self, v: &str) -> NodeId {
        self.a.value(Value::Str(v.into())).unwrap()
    }

    pub fn date(&mut self, y: i32, m: u32, d: u32) -> NodeId {
        self.a
            .value(Value::Date(Date::from_ymd(y, m, d).unwrap()))
            .unwrap()
    }

    pub fn bin(&mut self, op: BinaryFn, l: NodeId, r: NodeId) -> NodeId {
        self.a.binary(op, l, r).unwrap()
    }

    pub fn un(&mut self, op: UnaryFn, s: NodeId) -> NodeId {
        self.a.unary(op, s).unwrap()
    }

    pub fn agg(&mut self, op: AggregateFn, s: NodeId) -> NodeId {
        self.a.aggregate(op, s).unwrap()
    }

    /// `frame.sort_by(keys...).first_for_patient()` / `last_for_patient()`.
    pub fn pick(&mut self, frame: NodeId, keys: &[&str], position: Position) -> NodeId {
        let keys: Vec<NodeId> = keys.iter().map(|k| self.col(frame, k)).collect();
        let sorted = self.a.sort_by(frame, &keys).unwrap();
        self.a.pick(sorted, position).unwrap()
    }

    pub fn dataset(&self, population: NodeId, variables: Vec<(&str, NodeId)>) -> Dataset {
        let variables = variables
            .into_iter()
            .map(|(n, v)| (n.to_string(), v))
            .collect();
        Dataset::new(&self.a, population, variables, vec![], None).unwrap()
    }
}
