//! JSON serialisation of datasets: stable output and a checked round trip.

mod qm_support;

use ehrql::qm::display::display_dataset;
use ehrql::qm::serial::{from_json, to_json, SerialError};
use ehrql::qm::*;
use qm_support::Fx;

fn sample() -> (Fx, Dataset) {
    let mut f = Fx::new();
    let exists = f.a.exists(f.p).unwrap();
    let last = f.pick(f.e, &["d1"], Position::Last);
    let code = f.col(last, "c1");
    let codes =
        f.a.value(Value::Set(
            [Value::Code(CodeSystem::SNOMEDCTCode, "123".into())].into(),
        ))
        .unwrap();
    let is_in = f.bin(BinaryFn::In, code, codes);
    let dob = f.col(f.p, "d1");
    let ref_date = f.date(2024, 3, 31);
    let age = f.bin(BinaryFn::DateDifferenceInYears, ref_date, dob);
    let (eighteen, x) = (f.int(18), f.float(1.5));
    let adult = f.bin(BinaryFn::GE, age, eighteen);
    let band = f.a.case(vec![(adult, Some(x))], None).unwrap();
    let ei = f.col(f.e, "i1");
    let events =
        f.a.series_collection_frame(vec![("value".into(), ei), ("age".into(), age)])
            .unwrap();
    let inline =
        f.a.inline_patient_table(InlineTable {
            schema: TableSchema::from_types([("flag", Type::Bool)]),
            rows: vec![InlineRow {
                patient_id: 1,
                values: vec![Some(Value::Bool(true))],
            }],
        })
        .unwrap();
    let flag = f.col(inline, "flag");
    let measures = GroupedSum {
        numerators: vec!["has_code".into()],
        denominator: "adult".into(),
        group_bys: vec![(vec!["band".into()], vec!["has_code".into()])],
    };
    let ds = Dataset::new(
        &f.a,
        exists,
        vec![
            ("has_code".into(), is_in),
            ("adult".into(), adult),
            ("band".into(), band),
            ("flag".into(), flag),
        ],
        vec![("events".into(), events)],
        Some(measures),
    )
    .unwrap();
    (f, ds)
}

#[test]
fn json_round_trips_through_the_checked_constructors() {
    let (f, ds) = sample();
    let json = to_json(&f.a, &ds);
    let mut fresh = Arena::new();
    let back = from_json(&mut fresh, &json).unwrap();
    assert_eq!(display_dataset(&fresh, &back), display_dataset(&f.a, &ds));
    assert_eq!(to_json(&fresh, &back), json);
}

#[test]
fn display_snapshot() {
    let (f, ds) = sample();
    insta::assert_snapshot!(display_dataset(&f.a, &ds));
}

#[test]
fn json_snapshot() {
    let (f, ds) = sample();
    insta::assert_snapshot!(to_json(&f.a, &ds));
}

#[test]
fn invalid_graphs_are_refused_on_load() {
    let (f, ds) = sample();
    let json = to_json(&f.a, &ds);
    // Turn `Exists` (bool) into `Count` (int): the population is then not a bool.
    let tampered = json.replacen("\"Exists\"", "\"Count\"", 1);
    assert!(matches!(
        from_json(&mut Arena::new(), &tampered),
        Err(SerialError::Dataset(QmError::Type { .. }))
    ));
    let forward = json.replacen("\"source\": 0", "\"source\": 999", 1);
    assert!(matches!(
        from_json(&mut Arena::new(), &forward),
        Err(SerialError::BadReference { .. })
    ));
}
