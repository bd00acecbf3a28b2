//! Population validation: rejected exactly when the population is True for a patient with
//! no rows in any table.

mod qm_support;

use ehrql::qm::*;
use qm_support::Fx;
use BinaryFn::*;

fn verdict(f: &Fx, population: NodeId) -> Result<(), QmError> {
    validate_population(&f.a, population)
}

fn rejected(f: &Fx, population: NodeId) -> bool {
    match verdict(f, population) {
        Err(QmError::PopulationTrueForNoRows { population: p }) => {
            assert_eq!(p, population);
            true
        }
        Ok(()) => false,
        Err(other) => panic!("unexpected error {other:?}"),
    }
}

#[test]
fn the_inventory_rejections() {
    let mut f = Fx::new();
    // ~p.exists_for_patient()
    let exists = f.a.exists(f.p).unwrap();
    let not_exists = f.un(UnaryFn::Not, exists);
    assert!(rejected(&f, not_exists));
    // p.b1 | True
    let (b, t) = (f.col(f.p, "b1"), f.bool(true));
    let or_true = f.bin(Or, b, t);
    assert!(rejected(&f, or_true));
    // p.d1.is_null()
    let d = f.col(f.p, "d1");
    let d_null = f.un(UnaryFn::IsNull, d);
    assert!(rejected(&f, d_null));
    // e.count_for_patient() == 0
    let count = f.a.count(f.e).unwrap();
    let zero = f.int(0);
    let no_events = f.bin(EQ, count, zero);
    assert!(rejected(&f, no_events));
    // p.b1.when_null_then(True)
    let b_null = f.un(UnaryFn::IsNull, b);
    let b_not_null = f.un(UnaryFn::Not, b_null);
    let when_null = f.a.case(vec![(b_not_null, Some(b))], Some(t)).unwrap();
    assert!(rejected(&f, when_null));
    // p.i1.is_not_in([])
    let i = f.col(f.p, "i1");
    let empty = f.a.value(Value::Set(Default::default())).unwrap();
    let is_in = f.bin(In, i, empty);
    let not_in = f.un(UnaryFn::Not, is_in);
    assert!(rejected(&f, not_in));
    // A literal True (the language rejects it earlier, by type).
    assert!(rejected(&f, t));
}

#[test]
fn the_inventory_acceptances() {
    let mut f = Fx::new();
    let exists = f.a.exists(f.p).unwrap();
    assert!(!rejected(&f, exists));
    let (i, zero) = (f.col(f.p, "i1"), f.int(0));
    let positive = f.bin(GT, i, zero);
    assert!(!rejected(&f, positive));
    // patients.sex == "M"
    let (s, m) = (f.col(f.p, "s1"), f.str("M"));
    let male = f.bin(EQ, s, m);
    assert!(!rejected(&f, male));
    // p.b1 & True is NULL for an absent patient.
    let (b, t) = (f.col(f.p, "b1"), f.bool(true));
    let and_true = f.bin(And, b, t);
    assert!(!rejected(&f, and_true));
    // e.exists_for_patient() | p.i1.is_in([1]): False | NULL is NULL.
    let e_exists = f.a.exists(f.e).unwrap();
    let ones = f.a.value(Value::Set([Value::Int(1)].into())).unwrap();
    let in_ones = f.bin(In, i, ones);
    let either = f.bin(Or, e_exists, in_ones);
    assert!(!rejected(&f, either));
}

#[test]
fn case_and_when_null_then_combinations() {
    let mut f = Fx::new();
    let (b, t, fl) = (f.col(f.p, "b1"), f.bool(true), f.bool(false));
    let exists = f.a.exists(f.p).unwrap();
    // case(when(p.exists_for_patient()).then(True), otherwise=False): False.
    let c1 = f.a.case(vec![(exists, Some(t))], Some(fl)).unwrap();
    assert!(!rejected(&f, c1));
    // case(when(p.b1).then(False), otherwise=True): a NULL condition does not match.
    let c2 = f.a.case(vec![(b, Some(fl))], Some(t)).unwrap();
    assert!(rejected(&f, c2));
    // case(when(p.b1).then(True)) with no otherwise: NULL.
    let c3 = f.a.case(vec![(b, Some(t))], None).unwrap();
    assert!(!rejected(&f, c3));
    // p.b1.when_null_then(False): False.
    let b_null = f.un(UnaryFn::IsNull, b);
    let b_not_null = f.un(UnaryFn::Not, b_null);
    let c4 = f.a.case(vec![(b_not_null, Some(b))], Some(fl)).unwrap();
    assert!(!rejected(&f, c4));
    // ~(p.b1.when_null_then(False)): True.
    let c5 = f.un(UnaryFn::Not, c4);
    assert!(rejected(&f, c5));
    // A matching branch whose value is NULL gives NULL, not the default.
    let c6 = f.a.case(vec![(b_null, None)], Some(t)).unwrap();
    assert!(!rejected(&f, c6));
}

#[test]
fn aggregates_take_their_empty_values() {
    let mut f = Fx::new();
    let ei = f.col(f.e, "i1");
    let pi = f.col(f.p, "i1");
    // ~p.i1.is_in(e.i1): the set of an absent patient is empty, so is_in is False.
    let set = f.agg(AggregateFn::CombineAsSet, ei);
    let is_in = f.bin(In, pi, set);
    assert!(!rejected(&f, is_in));
    let not_in = f.un(UnaryFn::Not, is_in);
    assert!(rejected(&f, not_in));
    // Sums are NULL on no rows; counts are 0.
    let sum = f.agg(AggregateFn::Sum, ei);
    let zero = f.int(0);
    let sum_zero = f.bin(EQ, sum, zero);
    assert!(!rejected(&f, sum_zero));
    let distinct = f.agg(AggregateFn::CountDistinct, ei);
    let none_distinct = f.bin(EQ, distinct, zero);
    assert!(rejected(&f, none_distinct));
    // (e.count_for_patient() + 1) > 0
    let count = f.a.count(f.e).unwrap();
    let one = f.int(1);
    let plus = f.bin(Add, count, one);
    let positive = f.bin(GT, plus, zero);
    assert!(rejected(&f, positive));
}

#[test]
fn literals_keep_their_values() {
    let mut f = Fx::new();
    // maximum_of(p.i1, 5) > 3 ignores the NULL and is True.
    let (i, five, three) = (f.col(f.p, "i1"), f.int(5), f.int(3));
    let max = f.a.nary(NaryFn::MaximumOf, vec![i, five]).unwrap();
    let gt = f.bin(GT, max, three);
    assert!(rejected(&f, gt));
    // p.d1 + days(5) < 2020-01-01 is NULL.
    let d = f.col(f.p, "d1");
    let later = f.bin(DateAddDays, d, five);
    let cutoff = f.date(2020, 1, 1);
    let before = f.bin(LT, later, cutoff);
    assert!(!rejected(&f, before));
    // Literal-only date arithmetic is evaluated.
    let jan31 = f.date(2020, 1, 31);
    let one = f.int(1);
    let plus_month = f.bin(DateAddMonths, jan31, one);
    let mar1 = f.date(2020, 3, 1);
    let is_mar1 = f.bin(EQ, plus_month, mar1);
    assert!(rejected(&f, is_mar1));
}

#[test]
fn population_must_be_a_patient_level_bool() {
    let mut f = Fx::new();
    let i = f.col(f.p, "i1");
    assert!(matches!(
        verdict(&f, i),
        Err(QmError::Type {
            field: "population",
            received: Received::Series(Type::Int),
            ..
        })
    ));
    let eb = f.col(f.e, "b1");
    assert_eq!(
        verdict(&f, eb),
        Err(QmError::DatasetNotOneRowPerPatient {
            name: None,
            series: eb
        })
    );
    let p = f.a.parameter("flag", Type::Bool).unwrap();
    assert!(matches!(
        verdict(&f, p),
        Err(QmError::PopulationParameter { .. })
    ));
}
