//! Root tables, tables used, and output column specs.

mod qm_support;

use ehrql::qm::introspect::{column_specs, inline_patient_ids, root_frame, tables_used};
use ehrql::qm::*;
use qm_support::Fx;

fn categorical_table(a: &mut Arena) -> NodeId {
    let schema = TableSchema::new(vec![
        Column {
            name: "sex".into(),
            ty: Type::Str,
            constraints: vec![Constraint::Categorical(vec![
                Value::Str("female".into()),
                Value::Str("male".into()),
            ])],
        },
        Column {
            name: "imd".into(),
            ty: Type::Int,
            constraints: vec![Constraint::ClosedRange {
                minimum: 0,
                maximum: 32_800,
                step: 100,
            }],
        },
        Column {
            name: "code".into(),
            ty: Type::Code(CodeSystem::CTV3Code),
            constraints: vec![],
        },
    ]);
    a.select_patient_table(Table::new("demo", schema)).unwrap()
}

#[test]
fn column_specs_follow_the_reference_rules() {
    let mut f = Fx::new();
    let demo = categorical_table(&mut f.a);
    let sex = f.col(demo, "sex");
    let imd = f.col(demo, "imd");
    let code = f.col(demo, "code");
    let count = f.a.count(f.e).unwrap();
    let (b, one, two) = (f.col(f.p, "b1"), f.str("one"), f.str("two"));
    let nb = f.un(UnaryFn::Not, b);
    let banded =
        f.a.case(vec![(b, Some(one)), (nb, Some(two))], Some(one))
            .unwrap();
    let with_null = f.a.case(vec![(b, Some(one)), (nb, None)], None).unwrap();
    let with_column = f.a.case(vec![(b, Some(one))], Some(sex)).unwrap();
    let ds = f.dataset(
        b,
        vec![
            ("sex", sex),
            ("imd", imd),
            ("code", code),
            ("count", count),
            ("banded", banded),
            ("with_null", with_null),
            ("with_column", with_column),
        ],
    );
    let specs = column_specs(&f.a, &ds);
    let get = |n: &str| specs.iter().find(|(name, _)| name == n).unwrap().1.clone();
    assert_eq!(specs[0].0, "patient_id");
    assert!(!specs[0].1.nullable);
    let strs = |v: &[&str]| {
        Some(
            v.iter()
                .map(|s| Value::Str(s.to_string()))
                .collect::<Vec<_>>(),
        )
    };
    assert_eq!(get("sex").categories, strs(&["female", "male"]));
    assert_eq!(
        (get("imd").min_value, get("imd").max_value),
        (Some(0), Some(32_800))
    );
    assert_eq!(get("code").ty, Type::Str);
    assert_eq!(
        (get("count").min_value, get("count").max_value),
        (Some(0), Some(65_535))
    );
    assert_eq!(get("banded").categories, strs(&["one", "two"]));
    assert_eq!(
        get("with_null").categories,
        None,
        "a NULL output is non-categorical"
    );
    assert_eq!(
        get("with_column").categories,
        strs(&["one", "female", "male"])
    );
}

#[test]
fn roots_tables_and_inline_patients() {
    let mut f = Fx::new();
    let last = f.pick(f.e, &["d1"], Position::Last);
    assert_eq!(root_frame(&f.a, last), f.e);
    let d = f.col(last, "d1");
    let inline =
        f.a.inline_patient_table(InlineTable {
            schema: TableSchema::from_types([("x", Type::Int)]),
            rows: vec![
                InlineRow {
                    patient_id: 7,
                    values: vec![Some(Value::Int(1))],
                },
                InlineRow {
                    patient_id: 3,
                    values: vec![None],
                },
            ],
        })
        .unwrap();
    let x = f.col(inline, "x");
    let pb = f.col(f.p, "b1");
    let names: Vec<&str> = tables_used(&f.a, &[d, x, pb])
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    assert_eq!(names, ["events", "patients"]);
    assert_eq!(inline_patient_ids(&f.a, &[d, x]), vec![3, 7]);
    let bad = InlineTable {
        schema: TableSchema::from_types([("x", Type::Int)]),
        rows: vec![InlineRow {
            patient_id: 1,
            values: vec![],
        }],
    };
    assert_eq!(
        f.a.inline_patient_table(bad),
        Err(QmError::InlineRowArity {
            row: 0,
            expected: 1,
            got: 0
        })
    );
}
