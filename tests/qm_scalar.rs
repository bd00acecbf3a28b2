//! Row-level semantics of the functions and the date helpers.

use ehrql::qm::scalar::*;
use ehrql::qm::*;
use BinaryFn::*;

fn d(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

fn dv(s: &str) -> Scalar {
    Some(Value::Date(d(s)))
}

fn i(v: i64) -> Scalar {
    Some(Value::Int(v))
}

fn fl(v: f64) -> Scalar {
    Some(Value::float(v))
}

fn b(v: bool) -> Scalar {
    Some(Value::Bool(v))
}

#[test]
fn dates_round_trip_and_parse_strictly() {
    for s in [
        "0001-01-01",
        "1970-01-01",
        "2000-02-29",
        "2024-12-31",
        "9999-12-31",
    ] {
        assert_eq!(d(s).to_string(), s);
    }
    assert_eq!(d("1970-01-02").0, 1);
    for bad in [
        "2020-02-30",
        "2021-02-29",
        "2020-1-01",
        "20200101",
        "2020-13-01",
        "0000-01-01",
        "2020-01-0x",
    ] {
        assert_eq!(Date::parse_iso(bad), None, "{bad}");
    }
}

#[test]
fn adding_months_rolls_forward() {
    let cases = [
        ("2020-01-31", 1, "2020-03-01"),
        ("2004-01-29", 1, "2004-02-29"),
        ("2004-03-31", -1, "2004-03-01"),
        ("2000-10-31", -11, "1999-12-01"),
        ("2020-12-15", 1, "2021-01-15"),
    ];
    for (start, n, end) in cases {
        assert_eq!(
            add_months(d(start), n).unwrap(),
            d(end),
            "{start} + {n} months"
        );
    }
    assert!(add_months(d("9999-12-01"), 1).is_err());
    assert_eq!(add_years(d("2004-02-29"), -1).unwrap(), d("2003-03-01"));
    assert!(add_years(d("0001-06-01"), -1).is_err());
    assert_eq!(add_days(d("2020-02-28"), 2).unwrap(), d("2020-03-01"));
    assert!(add_days(d("9999-12-31"), 1).is_err());
    assert!(add_days(d("2000-01-01"), 1_000_000_000).is_err());
}

#[test]
fn date_differences_floor() {
    assert_eq!(
        binary(DateDifferenceInYears, &dv("2020-02-28"), &dv("2000-02-29")).unwrap(),
        i(19)
    );
    assert_eq!(
        binary(DateDifferenceInYears, &dv("2021-03-01"), &dv("2000-02-29")).unwrap(),
        i(21)
    );
    assert_eq!(
        binary(DateDifferenceInYears, &dv("2019-12-31"), &dv("2020-01-01")).unwrap(),
        i(-1)
    );
    assert_eq!(
        binary(DateDifferenceInMonths, &dv("2020-03-30"), &dv("2020-01-31")).unwrap(),
        i(1)
    );
    assert_eq!(
        binary(DateDifferenceInDays, &dv("2020-03-01"), &dv("2020-02-01")).unwrap(),
        i(29)
    );
    assert_eq!(
        binary(DateDifferenceInDays, &None, &dv("2020-02-01")).unwrap(),
        None
    );
}

#[test]
fn arithmetic() {
    assert_eq!(binary(FloorDivide, &i(-4), &i(3)).unwrap(), i(-2));
    assert_eq!(binary(FloorDivide, &fl(-10.3), &fl(1.5)).unwrap(), i(-7));
    assert_eq!(binary(FloorDivide, &i(1), &i(0)).unwrap(), None);
    assert_eq!(binary(TrueDivide, &i(1), &i(0)).unwrap(), None);
    assert_eq!(binary(TrueDivide, &i(1), &i(4)).unwrap(), fl(0.25));
    assert_eq!(binary(Power, &i(5), &i(2)).unwrap(), fl(25.0));
    assert_eq!(binary(Power, &i(0), &i(-1)).unwrap(), None);
    assert_eq!(binary(Power, &fl(-8.0), &fl(0.5)).unwrap(), None);
    assert_eq!(unary(UnaryFn::CastToInt, &fl(-6.7)).unwrap(), i(-6));
    assert_eq!(unary(UnaryFn::CastToInt, &b(true)).unwrap(), i(1));
    assert_eq!(unary(UnaryFn::Absolute, &i(-3)).unwrap(), i(3));
    assert!(binary(Add, &i(i64::MAX), &i(1)).is_err());
}

#[test]
fn kleene_logic_and_null_checks() {
    let n: Scalar = None;
    assert_eq!(binary(And, &b(false), &n).unwrap(), b(false));
    assert_eq!(binary(And, &b(true), &n).unwrap(), None);
    assert_eq!(binary(Or, &n, &b(true)).unwrap(), b(true));
    assert_eq!(binary(Or, &b(false), &n).unwrap(), None);
    assert_eq!(unary(UnaryFn::Not, &n).unwrap(), None);
    assert_eq!(unary(UnaryFn::IsNull, &n).unwrap(), b(true));
    assert_eq!(binary(EQ, &n, &i(1)).unwrap(), None);
}

#[test]
fn containment_truth_table() {
    let empty = Some(Value::Set(Default::default()));
    let set = Some(Value::Set([Value::Int(401)].into()));
    assert_eq!(binary(In, &None, &empty).unwrap(), b(false));
    assert_eq!(binary(In, &None, &set).unwrap(), None);
    assert_eq!(binary(In, &i(401), &set).unwrap(), b(true));
    assert_eq!(binary(In, &i(1), &set).unwrap(), b(false));
}

#[test]
fn strings_and_extremes() {
    let s = |v: &str| Some(Value::Str(v.into()));
    assert_eq!(binary(LT, &s("B"), &s("a")).unwrap(), b(true));
    assert_eq!(binary(StringContains, &s("a%b"), &s("%")).unwrap(), b(true));
    assert_eq!(binary(StringContains, &s("abc"), &s("")).unwrap(), b(true));
    assert_eq!(
        binary(StringContains, &s("abc"), &s("B")).unwrap(),
        b(false)
    );
    assert_eq!(nary(NaryFn::MinimumOf, &[None, i(3), i(2)]), i(2));
    assert_eq!(nary(NaryFn::MaximumOf, &[None, None]), None);
    assert_eq!(
        unary(UnaryFn::ToFirstOfMonth, &dv("2020-02-29")).unwrap(),
        dv("2020-02-01")
    );
    assert_eq!(
        unary(UnaryFn::YearFromDate, &dv("2020-02-29")).unwrap(),
        i(2020)
    );
}
