//! Every node type of the reference's inventory, built with its canonical operand types,
//! with the result type and dimension the reference gives it.

mod qm_support;

use ehrql::qm::display::display_nodes;
use ehrql::qm::*;
use qm_support::Fx;

#[test]
fn every_function_and_aggregation_has_the_reference_result_type() {
    use BinaryFn::*;
    use UnaryFn::*;
    let mut f = Fx::new();
    let (b, i, x, s, d, c, m) = (
        f.col(f.p, "b1"),
        f.col(f.p, "i1"),
        f.col(f.e, "f1"),
        f.col(f.p, "s1"),
        f.col(f.e, "d1"),
        f.col(f.p, "c1"),
        f.col(f.p, "m1"),
    );
    let codes =
        f.a.value(Value::Set(
            [Value::Code(CodeSystem::SNOMEDCTCode, "1".into())].into(),
        ))
        .unwrap();
    let snomed = Type::Code(CodeSystem::SNOMEDCTCode);
    let unary = [
        (Not, b, Type::Bool),
        (IsNull, c, Type::Bool),
        (Negate, x, Type::Float),
        (Absolute, i, Type::Int),
        (CastToInt, x, Type::Int),
        (CastToFloat, i, Type::Float),
        (YearFromDate, d, Type::Int),
        (MonthFromDate, d, Type::Int),
        (DayFromDate, d, Type::Int),
        (ToFirstOfYear, d, Type::Date),
        (ToFirstOfMonth, d, Type::Date),
    ];
    let binary = [
        (EQ, c, c, Type::Bool),
        (NE, s, s, Type::Bool),
        (LT, i, i, Type::Bool),
        (LE, d, d, Type::Bool),
        (GT, x, x, Type::Bool),
        (GE, s, s, Type::Bool),
        (And, b, b, Type::Bool),
        (Or, b, b, Type::Bool),
        (Add, i, i, Type::Int),
        (Subtract, x, x, Type::Float),
        (Multiply, i, i, Type::Int),
        (TrueDivide, i, i, Type::Float),
        (FloorDivide, x, x, Type::Int),
        (Power, i, i, Type::Float),
        (DateAddYears, d, i, Type::Date),
        (DateAddMonths, d, i, Type::Date),
        (DateAddDays, d, i, Type::Date),
        (DateDifferenceInYears, d, d, Type::Int),
        (DateDifferenceInMonths, d, d, Type::Int),
        (DateDifferenceInDays, d, d, Type::Int),
        (StringContains, m, s, Type::Bool),
        (In, c, codes, Type::Bool),
    ];
    assert_eq!(unary.len() + binary.len() + 2, 35);
    let mut roots = Vec::new();
    for (op, src, ty) in unary {
        let n = f.un(op, src);
        assert_eq!(f.a.series_type(n), Some(&ty), "{op:?}");
        assert_eq!(f.a.info(n).domain, f.a.info(src).domain, "{op:?}");
        roots.push(n);
    }
    for (op, l, r, ty) in binary {
        let n = f.bin(op, l, r);
        assert_eq!(f.a.series_type(n), Some(&ty), "{op:?}");
        roots.push(n);
    }
    for op in [NaryFn::MinimumOf, NaryFn::MaximumOf] {
        let n = f.a.nary(op, vec![d, d]).unwrap();
        assert_eq!(f.a.series_type(n), Some(&Type::Date));
        roots.push(n);
    }

    let (ei, ec) = (f.col(f.e, "i1"), f.col(f.e, "c1"));
    let aggregations = [
        (AggregateFn::Exists, f.e, Type::Bool),
        (AggregateFn::Count, f.e, Type::Int),
        (AggregateFn::CountDistinct, ec, Type::Int),
        (
            AggregateFn::CountEpisodes {
                maximum_gap_days: 14,
            },
            d,
            Type::Int,
        ),
        (AggregateFn::Min, d, Type::Date),
        (AggregateFn::Max, ec, snomed.clone()),
        (AggregateFn::Sum, x, Type::Float),
        (AggregateFn::Mean, ei, Type::Float),
        (
            AggregateFn::CombineAsSet,
            ec,
            Type::Set(Some(Box::new(snomed))),
        ),
    ];
    for (op, src, ty) in aggregations {
        let n = f.agg(op, src);
        assert_eq!(f.a.series_type(n), Some(&ty), "{op:?}");
        assert!(f.a.info(n).is_patient_level(), "{op:?}");
        roots.push(n);
    }
    insta::assert_snapshot!(display_nodes(&f.a, &roots));
}

#[test]
fn frames_and_their_dimensions() {
    let mut f = Fx::new();
    let info = |f: &Fx, id| f.a.info(id).clone();
    assert!(info(&f, f.e).is_many_rows_frame() && !info(&f, f.e).is_sorted());
    assert!(info(&f, f.p).is_patient_level() && !info(&f, f.p).is_many_rows_frame());
    let ei = f.col(f.e, "i1");
    let sorted = f.a.sort(f.e, ei).unwrap();
    assert!(info(&f, sorted).is_sorted());
    assert_eq!(info(&f, sorted).domain, Domain::Rows(f.e));
    let eb = f.col(f.e, "b1");
    let filtered = f.a.filter(sorted, eb).unwrap();
    assert!(info(&f, filtered).is_sorted());
    assert_eq!(info(&f, filtered).domain, Domain::Rows(filtered));
    assert_eq!(
        f.a.domain_parent(Domain::Rows(filtered)),
        Some(Domain::Rows(f.e))
    );
    assert_eq!(
        f.a.domain_table(Domain::Rows(filtered))
            .map(|t| t.name.as_str()),
        Some("events")
    );
    let picked = f.a.pick(filtered, Position::First).unwrap();
    assert!(info(&f, picked).is_patient_level());
    let param = f.a.parameter("interval_start_date", Type::Date).unwrap();
    assert!(info(&f, param).is_patient_level());
}
