//! Checked constructors: what the reference's query model accepts, and what it rejects with
//! which error.

mod qm_support;

use ehrql::qm::*;
use qm_support::Fx;
use BinaryFn::*;

fn ty_err(r: Result<NodeId, QmError>) -> (&'static str, Expected, Received) {
    match r {
        Err(QmError::Type {
            field,
            expected,
            received,
            ..
        }) => (field, expected, received),
        other => panic!("expected a type error, got {other:?}"),
    }
}

fn series(t: Type) -> Received {
    Received::Series(t)
}

#[test]
fn equal_nodes_are_interned_once() {
    let mut f = Fx::new();
    let a = f.col(f.e, "i1");
    let b = f.col(f.e, "i1");
    assert_eq!(a, b);
    let one = f.int(1);
    let gt1 = f.bin(GT, a, one);
    let gt2 = f.bin(GT, b, one);
    assert_eq!(gt1, gt2);
    let w1 = f.a.filter(f.e, gt1).unwrap();
    let w2 = f.a.filter(f.e, gt2).unwrap();
    assert_eq!(
        w1, w2,
        "structurally equal filters are one node, so one domain"
    );
    let c1 = f.col(w1, "i2");
    let c2 = f.col(w2, "i2");
    assert!(f
        .a
        .add(Node::Binary {
            op: Add,
            lhs: c1,
            rhs: c2
        })
        .is_ok());
}

#[test]
fn literals_are_strict_about_type() {
    let mut f = Fx::new();
    let ids = [f.int(1), f.bool(true), f.float(1.0)];
    assert_ne!(ids[0], ids[1]);
    assert_ne!(ids[0], ids[2]);
    assert_ne!(ids[1], ids[2]);
    assert_eq!(f.float(0.0), f.float(-0.0));
}

#[test]
fn no_int_float_promotion() {
    let mut f = Fx::new();
    let (i, x) = (f.col(f.p, "i1"), f.col(f.p, "f1"));
    assert_eq!(
        ty_err(f.a.binary(Add, i, x)),
        ("rhs", Expected::Series(Type::Int), series(Type::Float))
    );
    let lit = f.float(1.5);
    assert_eq!(
        ty_err(f.a.binary(LT, i, lit)),
        ("rhs", Expected::Series(Type::Int), series(Type::Float))
    );
    assert_eq!(
        ty_err(f.a.binary(TrueDivide, i, lit)).1,
        Expected::Series(Type::Int)
    );
}

#[test]
fn arithmetic_result_types() {
    let mut f = Fx::new();
    let (i, x) = (f.col(f.p, "i1"), f.col(f.p, "f1"));
    let ty = |f: &Fx, id| f.a.series_type(id).cloned().unwrap();
    let cases = [
        (Add, i, Type::Int),
        (Add, x, Type::Float),
        (TrueDivide, i, Type::Float),
        (FloorDivide, x, Type::Int),
        (Power, i, Type::Float),
    ];
    for (op, s, expected) in cases {
        let n = f.bin(op, s, s);
        assert_eq!(ty(&f, n), expected, "{op:?}");
    }
    let neg = f.un(UnaryFn::Negate, x);
    assert_eq!(ty(&f, neg), Type::Float);
    let mean = {
        let ei = f.col(f.e, "i1");
        f.agg(AggregateFn::Mean, ei)
    };
    assert_eq!(ty(&f, mean), Type::Float);
}

#[test]
fn bool_is_not_int() {
    let mut f = Fx::new();
    let (b, i) = (f.col(f.p, "b1"), f.col(f.p, "i1"));
    let one = f.int(1);
    assert_eq!(
        ty_err(f.a.binary(EQ, b, one)),
        ("rhs", Expected::Series(Type::Bool), series(Type::Int))
    );
    let t = f.bool(true);
    assert_eq!(
        ty_err(f.a.binary(EQ, i, t)),
        ("rhs", Expected::Series(Type::Int), series(Type::Bool))
    );
    assert_eq!(
        ty_err(f.a.binary(Add, b, b)),
        ("lhs", Expected::Numeric, series(Type::Bool))
    );
    let d = f.col(f.p, "d1");
    assert_eq!(
        ty_err(f.a.binary(DateAddDays, d, b)).1,
        Expected::Series(Type::Int)
    );
    assert_eq!(
        ty_err(f.a.unary(UnaryFn::CastToFloat, b)).1,
        Expected::Numeric
    );
    assert!(
        f.a.unary(UnaryFn::CastToInt, b).is_ok(),
        "CastToInt accepts bool"
    );
}

#[test]
fn ordering_needs_comparable_types() {
    let mut f = Fx::new();
    let b = f.col(f.p, "b1");
    assert_eq!(
        ty_err(f.a.binary(LT, b, b)),
        ("lhs", Expected::Comparable, series(Type::Bool))
    );
    // The query model allows codes to be ordered (the language does not offer `<` on them).
    let c = f.col(f.p, "c1");
    assert!(f.a.binary(LT, c, c).is_ok());
    let c2 = f.col(f.p, "c2");
    let snomed = Type::Code(CodeSystem::SNOMEDCTCode);
    assert_eq!(
        ty_err(f.a.binary(EQ, c, c2)),
        (
            "rhs",
            Expected::Series(snomed),
            series(Type::Code(CodeSystem::ICD10Code))
        )
    );
}

#[test]
fn multi_code_strings_are_strings_only_where_no_type_variable_binds() {
    let mut f = Fx::new();
    let (m, s) = (f.col(f.p, "m1"), f.col(f.p, "s1"));
    let prefix = f.str("N17");
    assert!(f.a.binary(StringContains, m, prefix).is_ok());
    assert!(f.a.binary(StringContains, s, m).is_ok());
    let multi = Type::MultiCodeString(MultiCodeSystem::ICD10MultiCodeString);
    assert_eq!(
        ty_err(f.a.binary(EQ, s, m)),
        ("rhs", Expected::Series(Type::Str), series(multi.clone()))
    );
    assert_eq!(
        ty_err(f.a.binary(EQ, m, s)),
        ("rhs", Expected::Series(multi), series(Type::Str))
    );
    let c = f.col(f.p, "c1");
    assert_eq!(ty_err(f.a.binary(StringContains, c, prefix)).0, "lhs");
}

#[test]
fn boolean_and_date_operands() {
    let mut f = Fx::new();
    let (b, i, d, x) = (
        f.col(f.p, "b1"),
        f.col(f.p, "i1"),
        f.col(f.p, "d1"),
        f.col(f.p, "f1"),
    );
    assert_eq!(
        ty_err(f.a.binary(And, i, b)),
        ("lhs", Expected::Series(Type::Bool), series(Type::Int))
    );
    assert_eq!(
        ty_err(f.a.unary(UnaryFn::Not, i)).1,
        Expected::Series(Type::Bool)
    );
    assert_eq!(
        ty_err(f.a.binary(DateAddMonths, d, x)).2,
        series(Type::Float)
    );
    assert_eq!(
        ty_err(f.a.binary(DateDifferenceInDays, d, i)).1,
        Expected::Series(Type::Date)
    );
    assert_eq!(
        ty_err(f.a.unary(UnaryFn::YearFromDate, i)).1,
        Expected::Series(Type::Date)
    );
    let diff = f.bin(DateDifferenceInYears, d, d);
    assert_eq!(f.a.series_type(diff), Some(&Type::Int));
    let first = f.un(UnaryFn::ToFirstOfMonth, d);
    assert_eq!(f.a.series_type(first), Some(&Type::Date));
}

#[test]
fn containment_needs_a_set_of_the_same_type() {
    let mut f = Fx::new();
    let i = f.col(f.p, "i1");
    let ints =
        f.a.value(Value::Set([Value::Int(1), Value::Int(2)].into()))
            .unwrap();
    let strs =
        f.a.value(Value::Set([Value::Str("a".into())].into()))
            .unwrap();
    let empty = f.a.value(Value::Set(Default::default())).unwrap();
    assert!(f.a.binary(In, i, ints).is_ok());
    assert!(
        f.a.binary(In, i, empty).is_ok(),
        "the empty set matches any type"
    );
    let set_int = Type::Set(Some(Box::new(Type::Int)));
    assert_eq!(
        ty_err(f.a.binary(In, i, strs)),
        (
            "rhs",
            Expected::Series(set_int.clone()),
            series(Type::Set(Some(Box::new(Type::Str))))
        )
    );
    assert_eq!(
        ty_err(f.a.binary(In, i, i)),
        ("rhs", Expected::Series(set_int), series(Type::Int))
    );
    let mixed = Value::Set([Value::Int(1), Value::Str("a".into())].into());
    assert_eq!(f.a.value(mixed), Err(QmError::MixedSet));
}

#[test]
fn is_in_an_event_series_crosses_tables() {
    let mut f = Fx::new();
    let (ei, e2i) = (f.col(f.e, "i1"), f.col(f.e2, "i1"));
    let set = f.agg(AggregateFn::CombineAsSet, e2i);
    assert_eq!(
        f.a.series_type(set),
        Some(&Type::Set(Some(Box::new(Type::Int))))
    );
    assert!(f.a.info(set).is_patient_level());
    let inn = f.bin(In, ei, set);
    assert_eq!(f.a.info(inn).domain, f.a.info(ei).domain);
}

#[test]
fn minimum_of_and_maximum_of() {
    let mut f = Fx::new();
    let (i, x, b) = (f.col(f.p, "i1"), f.col(f.e, "f1"), f.col(f.p, "b1"));
    let one = f.int(1);
    let m = f.a.nary(NaryFn::MinimumOf, vec![i, one]).unwrap();
    assert_eq!(f.a.series_type(m), Some(&Type::Int));
    assert_eq!(
        ty_err(f.a.nary(NaryFn::MaximumOf, vec![i, x])),
        ("sources", Expected::Series(Type::Int), series(Type::Float))
    );
    assert_eq!(
        ty_err(f.a.nary(NaryFn::MaximumOf, vec![b, b])).1,
        Expected::Comparable
    );
    assert_eq!(
        f.a.nary(NaryFn::MinimumOf, vec![]),
        Err(QmError::NoSources { node: "MinimumOf" })
    );
}

#[test]
fn aggregations_need_many_rows() {
    let mut f = Fx::new();
    let pi = f.col(f.p, "i1");
    for op in [
        AggregateFn::Sum,
        AggregateFn::CountDistinct,
        AggregateFn::CombineAsSet,
        AggregateFn::Min,
    ] {
        assert!(
            matches!(f.a.aggregate(op, pi), Err(QmError::PatientDomain { .. })),
            "{op:?}"
        );
    }
    // Exists and Count take frames of either dimension.
    assert!(f.a.exists(f.p).is_ok());
    assert!(f.a.count(f.e).is_ok());
    assert_eq!(
        ty_err(f.a.exists(pi)),
        ("source", Expected::Frame, Received::NotAFrame)
    );
    let s = f.col(f.e, "s1");
    assert_eq!(
        ty_err(f.a.aggregate(AggregateFn::Sum, s)).1,
        Expected::Numeric
    );
    let b = f.col(f.e, "b1");
    assert_eq!(
        ty_err(f.a.aggregate(AggregateFn::Max, b)).1,
        Expected::Comparable
    );
    let d = f.col(f.e, "d1");
    let episodes = f.agg(
        AggregateFn::CountEpisodes {
            maximum_gap_days: 5,
        },
        d,
    );
    assert_eq!(f.a.series_type(episodes), Some(&Type::Int));
}

#[test]
fn series_from_different_many_row_domains_do_not_combine() {
    let mut f = Fx::new();
    let (a, b) = (f.col(f.e, "i1"), f.col(f.e2, "i1"));
    assert_eq!(
        f.a.binary(Add, a, b),
        Err(QmError::DomainMismatch {
            node: "Add",
            first: a,
            second: b
        })
    );
    // Same table, different filters.
    let eb = f.col(f.e, "b1");
    let w = f.a.filter(f.e, eb).unwrap();
    let wi = f.col(w, "i1");
    assert!(matches!(
        f.a.binary(Add, wi, a),
        Err(QmError::DomainMismatch { .. })
    ));
    // Patient-level data combines with anything, and the result keeps the rows' domain.
    let pi = f.col(f.p, "i1");
    let sum = f.bin(Add, a, pi);
    assert_eq!(f.a.info(sum).domain, Domain::Rows(f.e));
}

#[test]
fn sorts_make_no_domain_but_filters_do() {
    let mut f = Fx::new();
    let ei = f.col(f.e, "i1");
    let sorted = f.a.sort(f.e, ei).unwrap();
    let si = f.col(sorted, "i1");
    assert!(f.a.binary(Add, si, ei).is_ok());
    // e.sort_by(x).where(c).i1 + e.where(c).i1: two Filters with different sources.
    let c = f.col(f.e, "b1");
    let sw = f.a.filter(sorted, c).unwrap();
    let w = f.a.filter(f.e, c).unwrap();
    let (swi, wi) = (f.col(sw, "i1"), f.col(w, "i1"));
    assert!(matches!(
        f.a.binary(Add, swi, wi),
        Err(QmError::DomainMismatch { .. })
    ));
}

#[test]
fn filter_conditions_come_from_the_frame_or_an_ancestor() {
    let mut f = Fx::new();
    let eb = f.col(f.e, "b1");
    let w = f.a.filter(f.e, eb).unwrap();
    // e.where(a).where(e.b) is fine.
    assert!(f.a.filter(w, eb).is_ok());
    // e.where(e.where(a).i > 0) is not.
    let wi = f.col(w, "i1");
    let zero = f.int(0);
    let cond = f.bin(GT, wi, zero);
    assert_eq!(
        f.a.filter(f.e, cond),
        Err(QmError::FrameDomainMismatch {
            node: "Filter",
            frame: f.e,
            series: cond
        })
    );
    let other = f.col(f.e2, "b1");
    assert!(matches!(
        f.a.filter(f.e, other),
        Err(QmError::FrameDomainMismatch { .. })
    ));
    let pb = f.col(f.p, "b1");
    assert!(
        f.a.filter(f.e, pb).is_ok(),
        "patient-level conditions are allowed"
    );
    let t = f.bool(true);
    assert!(f.a.filter(f.e, t).is_ok());
}

#[test]
fn filter_needs_a_many_rows_frame_and_a_bool_condition() {
    let mut f = Fx::new();
    let (pb, ei) = (f.col(f.p, "b1"), f.col(f.e, "i1"));
    assert_eq!(
        ty_err(f.a.filter(f.p, pb)),
        ("source", Expected::ManyRowsFrame, Received::PatientFrame)
    );
    assert_eq!(
        ty_err(f.a.filter(ei, pb)),
        ("source", Expected::ManyRowsFrame, Received::NotAFrame)
    );
    assert_eq!(
        ty_err(f.a.filter(f.e, ei)),
        ("condition", Expected::Series(Type::Bool), series(Type::Int))
    );
    assert_eq!(
        ty_err(f.a.filter(f.e, f.e)),
        ("condition", Expected::Series(Type::Bool), Received::Frame)
    );
}

#[test]
fn sort_keys() {
    let mut f = Fx::new();
    let (pi, eb, ec) = (f.col(f.p, "i1"), f.col(f.e, "b1"), f.col(f.e, "c1"));
    assert_eq!(
        f.a.sort(f.e, pi),
        Err(QmError::InvalidSort {
            frame: f.e,
            sort_by: pi
        })
    );
    let one = f.int(1);
    assert!(matches!(
        f.a.sort(f.e, one),
        Err(QmError::InvalidSort { .. })
    ));
    assert_eq!(
        ty_err(f.a.sort(f.e, eb)),
        ("sort_by", Expected::Comparable, series(Type::Bool))
    );
    assert!(f.a.sort(f.e, ec).is_ok(), "codes can be sort keys");
    let e2i = f.col(f.e2, "i1");
    assert!(matches!(
        f.a.sort(f.e, e2i),
        Err(QmError::FrameDomainMismatch { node: "Sort", .. })
    ));
    // sort_by(a, b): `a` is the outermost Sort.
    let (a, b) = (f.col(f.e, "i1"), f.col(f.e, "i2"));
    let s = f.a.sort_by(f.e, &[a, b]).unwrap();
    assert!(matches!(f.a.node(s), Node::Sort { sort_by, .. } if *sort_by == a));
}

#[test]
fn picks_need_a_sorted_frame() {
    let mut f = Fx::new();
    assert_eq!(
        ty_err(f.a.pick(f.e, Position::First)),
        ("source", Expected::SortedFrame, Received::UnsortedFrame)
    );
    let ei = f.col(f.e, "i1");
    let sorted = f.a.sort(f.e, ei).unwrap();
    let eb = f.col(f.e, "b1");
    let filtered = f.a.filter(sorted, eb).unwrap();
    let picked = f.a.pick(filtered, Position::Last).unwrap();
    assert!(f.a.info(picked).is_patient_level());
    let unsorted = f.a.filter(f.e, eb).unwrap();
    assert!(f.a.pick(unsorted, Position::First).is_err());
    assert_eq!(
        ty_err(f.a.pick(f.p, Position::First)).2,
        Received::PatientFrame
    );
    let col = f.col(picked, "d1");
    assert!(f.a.info(col).is_patient_level());
    assert_eq!(f.a.series_type(col), Some(&Type::Date));
}

#[test]
fn select_column_needs_a_known_column_of_a_frame() {
    let mut f = Fx::new();
    assert_eq!(
        f.a.select_column(f.e, "nope"),
        Err(QmError::UnknownColumn {
            frame: f.e,
            table: "events".into(),
            column: "nope".into()
        })
    );
    let ei = f.col(f.e, "i1");
    assert_eq!(
        ty_err(f.a.select_column(ei, "i1")),
        ("source", Expected::Frame, Received::NotAFrame)
    );
}

#[test]
fn case_rules() {
    let mut f = Fx::new();
    let (b, i, x) = (f.col(f.p, "b1"), f.col(f.p, "i1"), f.col(f.p, "f1"));
    let nb = f.un(UnaryFn::Not, b);
    let ok = f.a.case(vec![(b, Some(i)), (nb, None)], None).unwrap();
    assert_eq!(f.a.series_type(ok), Some(&Type::Int));
    let from_default = f.a.case(vec![(b, None)], Some(x)).unwrap();
    assert_eq!(f.a.series_type(from_default), Some(&Type::Float));
    assert_eq!(
        ty_err(f.a.case(vec![(b, Some(i)), (nb, Some(x))], None)),
        ("cases", Expected::Series(Type::Int), series(Type::Float))
    );
    // Values are not cast: `otherwise=0` on a float case is an error.
    let zero = f.int(0);
    assert_eq!(
        ty_err(f.a.case(vec![(b, Some(x))], Some(zero))),
        ("default", Expected::Series(Type::Float), series(Type::Int))
    );
    assert_eq!(
        ty_err(f.a.case(vec![(i, Some(i))], None)),
        ("cases", Expected::Series(Type::Bool), series(Type::Int))
    );
    assert_eq!(
        f.a.case(vec![(b, None)], None),
        Err(QmError::CaseWithoutType)
    );
    assert_eq!(
        f.a.case(vec![(b, Some(i)), (b, Some(zero))], None),
        Err(QmError::DuplicateCaseCondition { condition: b })
    );
    let (eb, e2i) = (f.col(f.e, "b1"), f.col(f.e2, "i1"));
    assert!(matches!(
        f.a.case(vec![(eb, Some(e2i))], None),
        Err(QmError::DomainMismatch { node: "Case", .. })
    ));
    let event_case = f.a.case(vec![(eb, Some(i))], None).unwrap();
    assert!(
        !f.a.info(event_case).is_patient_level(),
        "an event-level condition makes an event-level result"
    );
}

#[test]
fn event_tables() {
    let mut f = Fx::new();
    let (ei, pi, e2i) = (f.col(f.e, "i1"), f.col(f.p, "i1"), f.col(f.e2, "i1"));
    let t =
        f.a.series_collection_frame(vec![("a".into(), ei), ("b".into(), pi)])
            .unwrap();
    assert!(f.a.select_column(t, "b").is_ok());
    assert!(matches!(
        f.a.series_collection_frame(vec![("b".into(), pi)]),
        Err(QmError::PatientDomain { .. })
    ));
    assert!(matches!(
        f.a.series_collection_frame(vec![("a".into(), ei), ("c".into(), e2i)]),
        Err(QmError::DomainMismatch { .. })
    ));
}

#[test]
fn dataset_rules() {
    let mut f = Fx::new();
    let (pb, pi, eb, ei) = (
        f.col(f.p, "b1"),
        f.col(f.p, "i1"),
        f.col(f.e, "b1"),
        f.col(f.e, "i1"),
    );
    let table = f.a.series_collection_frame(vec![("i".into(), ei)]).unwrap();
    let ds = Dataset::new(
        &f.a,
        pb,
        vec![("age".into(), pi)],
        vec![("events".into(), table)],
        None,
    )
    .unwrap();
    assert_eq!(ds.roots(), vec![pb, pi, table]);
    let err = Dataset::new(&f.a, pi, vec![], vec![], None).unwrap_err();
    assert!(matches!(
        err,
        QmError::Type {
            field: "population",
            expected: Expected::Series(Type::Bool),
            ..
        }
    ));
    assert_eq!(
        Dataset::new(&f.a, eb, vec![], vec![], None),
        Err(QmError::DatasetNotOneRowPerPatient {
            name: None,
            series: eb
        })
    );
    assert_eq!(
        Dataset::new(&f.a, pb, vec![("x".into(), ei)], vec![], None),
        Err(QmError::DatasetNotOneRowPerPatient {
            name: Some("x".into()),
            series: ei
        })
    );
    assert_eq!(
        Dataset::new(
            &f.a,
            pb,
            vec![("x".into(), pi)],
            vec![("x".into(), table)],
            None
        ),
        Err(QmError::DuplicateName { name: "x".into() })
    );
    assert!(matches!(
        Dataset::new(&f.a, pb, vec![], vec![("t".into(), f.e)], None),
        Err(QmError::Type {
            field: "events",
            expected: Expected::EventTable,
            ..
        })
    ));
    assert!(matches!(
        Dataset::new(&f.a, pb, vec![("frame".into(), f.p)], vec![], None),
        Err(QmError::Type {
            field: "variables",
            received: Received::Frame,
            ..
        })
    ));
}

#[test]
fn except_where_keeps_null_rows() {
    let mut f = Fx::new();
    let eb = f.col(f.e, "b1");
    let ew = f.a.except_where(f.e, eb).unwrap();
    let Node::Filter { condition, .. } = f.a.node(ew).clone() else {
        panic!()
    };
    let Node::Binary { op: Or, lhs, rhs } = f.a.node(condition).clone() else {
        panic!()
    };
    assert_eq!(
        f.a.node(lhs),
        &Node::Unary {
            op: UnaryFn::Not,
            source: eb
        }
    );
    assert_eq!(
        f.a.node(rhs),
        &Node::Unary {
            op: UnaryFn::IsNull,
            source: eb
        }
    );
}

#[test]
fn spans_first_recording_wins() {
    use ehrql::diagnostics::{FileId, Span};
    let mut f = Fx::new();
    let ei = f.col(f.e, "i1");
    let mut spans = SpanTable::new();
    spans.record(ei, FileId(0), Span::new(3, 7));
    spans.record(ei, FileId(1), Span::new(10, 20));
    assert_eq!(spans.get(ei), Some((FileId(0), Span::new(3, 7))));
    assert_eq!(spans.get(f.e), None);
}
