//! The required sort-key rewrite: picks gain their selected columns, and selected columns
//! that are not direct sort keys are added as lowest-priority sorts in lexical order.

mod qm_support;

use ehrql::qm::display::{display_dataset, display_nodes};
use ehrql::qm::rewrite::{rewrite_dataset_sorts, rewrite_sorts, sorts_of, substitute_parameters};
use ehrql::qm::*;
use qm_support::Fx;

/// The names of the sort keys under a frame, highest priority first (`CastToInt(x)` for a
/// bool key).
fn sort_key_names(a: &Arena, frame: NodeId) -> Vec<String> {
    sorts_of(a, frame)
        .into_iter()
        .map(|s| {
            let Node::Sort { sort_by, .. } = a.node(s) else {
                unreachable!()
            };
            match a.node(*sort_by) {
                Node::SelectColumn { name, .. } => name.clone(),
                Node::Unary { op, source } => match a.node(*source) {
                    Node::SelectColumn { name, .. } => format!("{}({name})", op.name()),
                    _ => "?".into(),
                },
                other => other.kind_name().to_string(),
            }
        })
        .collect()
}

fn pick_of(a: &Arena, column: NodeId) -> NodeId {
    let Node::SelectColumn { source, .. } = a.node(column) else {
        panic!("not a column")
    };
    *source
}

fn source_of(a: &Arena, pick: NodeId) -> NodeId {
    match a.node(pick) {
        Node::PickOneRowPerPatientWithColumns { source, .. } => *source,
        other => panic!("not rewritten: {other:?}"),
    }
}

#[test]
fn adds_selected_columns_below_the_user_sorts_in_lexical_order() {
    let mut f = Fx::new();
    let first = f.pick(f.e, &["i1"], Position::First);
    let z = f.col(first, "s1");
    let a = f.col(first, "d1");
    let pb = f.col(f.p, "b1");
    let ds = f.dataset(pb, vec![("z", z), ("a", a)]);
    let out = rewrite_dataset_sorts(&mut f.a, &ds).unwrap();
    let pick = pick_of(&f.a, out.variable("z").unwrap());
    assert_eq!(
        sort_key_names(&f.a, source_of(&f.a, pick)),
        ["i1", "d1", "s1"]
    );
    insta::assert_snapshot!(display_dataset(&f.a, &out));
}

#[test]
fn does_not_duplicate_direct_sorts() {
    let mut f = Fx::new();
    let first = f.pick(f.e, &["i1"], Position::First);
    let i1 = f.col(first, "i1");
    let out = rewrite_sorts(&mut f.a, &[i1]).unwrap();
    let pick = pick_of(&f.a, out[0]);
    assert_eq!(sort_key_names(&f.a, source_of(&f.a, pick)), ["i1"]);
}

#[test]
fn derived_sort_keys_do_not_count_as_direct() {
    let mut f = Fx::new();
    let ei = f.col(f.e, "i1");
    let neg = f.un(UnaryFn::Negate, ei);
    let sorted = f.a.sort(f.e, neg).unwrap();
    let first = f.a.pick(sorted, Position::First).unwrap();
    let i1 = f.col(first, "i1");
    let out = rewrite_sorts(&mut f.a, &[i1]).unwrap();
    let pick = pick_of(&f.a, out[0]);
    assert_eq!(
        sort_key_names(&f.a, source_of(&f.a, pick)),
        ["Negate(i1)", "i1"]
    );
}

#[test]
fn bool_columns_sort_as_ints() {
    let mut f = Fx::new();
    let last = f.pick(f.e, &["d1"], Position::Last);
    let b = f.col(last, "b1");
    let out = rewrite_sorts(&mut f.a, &[b]).unwrap();
    let pick = pick_of(&f.a, out[0]);
    assert_eq!(
        sort_key_names(&f.a, source_of(&f.a, pick)),
        ["d1", "CastToInt(b1)"]
    );
    insta::assert_snapshot!(display_nodes(&f.a, &out));
}

#[test]
fn chained_sorts_and_filters_keep_their_order() {
    // e.sort_by(e.i2).where(c).sort_by(e.i1).first_for_patient().s1
    let mut f = Fx::new();
    let i2 = f.col(f.e, "i2");
    let by_i2 = f.a.sort(f.e, i2).unwrap();
    let c = f.col(f.e, "b1");
    let filtered = f.a.filter(by_i2, c).unwrap();
    let i1 = f.col(filtered, "i1");
    let by_i1 = f.a.sort(filtered, i1).unwrap();
    let first = f.a.pick(by_i1, Position::First).unwrap();
    let s1 = f.col(first, "s1");
    let out = rewrite_sorts(&mut f.a, &[s1]).unwrap();
    let pick = pick_of(&f.a, out[0]);
    assert_eq!(
        sort_key_names(&f.a, source_of(&f.a, pick)),
        ["i1", "i2", "s1"]
    );
    insta::assert_snapshot!(display_nodes(&f.a, &out));
}

#[test]
fn columns_selected_anywhere_count_and_equal_picks_are_one() {
    let mut f = Fx::new();
    let first_a = f.pick(f.e, &["i1"], Position::First);
    let first_b = f.pick(f.e, &["i1"], Position::First);
    assert_eq!(first_a, first_b);
    let i2 = f.col(first_a, "i2");
    let s1 = f.col(first_b, "s1");
    let zero = f.int(0);
    let pop = f.bin(BinaryFn::GT, i2, zero);
    let ds = f.dataset(pop, vec![("s", s1)]);
    let out = rewrite_dataset_sorts(&mut f.a, &ds).unwrap();
    let pick = pick_of(&f.a, out.variable("s").unwrap());
    assert_eq!(
        sort_key_names(&f.a, source_of(&f.a, pick)),
        ["i1", "i2", "s1"]
    );
    let Node::PickOneRowPerPatientWithColumns {
        selected_columns, ..
    } = f.a.node(pick)
    else {
        panic!()
    };
    assert_eq!(selected_columns.len(), 2);
}

#[test]
fn picks_sharing_a_lowest_sort_get_the_union_of_their_keys() {
    let mut f = Fx::new();
    let ei = f.col(f.e, "i1");
    let sorted = f.a.sort(f.e, ei).unwrap();
    let first = f.a.pick(sorted, Position::First).unwrap();
    let last = f.a.pick(sorted, Position::Last).unwrap();
    let a = f.col(first, "s1");
    let b = f.col(last, "d1");
    let out = rewrite_sorts(&mut f.a, &[a, b]).unwrap();
    let (p1, p2) = (pick_of(&f.a, out[0]), pick_of(&f.a, out[1]));
    assert_eq!(source_of(&f.a, p1), source_of(&f.a, p2));
    assert_eq!(
        sort_key_names(&f.a, source_of(&f.a, p1)),
        ["i1", "d1", "s1"]
    );
}

#[test]
fn graphs_without_picks_are_unchanged() {
    let mut f = Fx::new();
    let ei = f.col(f.e, "i1");
    let s = f.agg(AggregateFn::Sum, ei);
    assert_eq!(rewrite_sorts(&mut f.a, &[s]).unwrap(), vec![s]);
}

#[test]
fn parameters_are_substituted() {
    let mut f = Fx::new();
    let ten = f.int(10);
    let p = f.a.parameter("i", Type::Int).unwrap();
    let add = f.bin(BinaryFn::Add, ten, p);
    let neg = f.un(UnaryFn::Negate, add);
    let out = substitute_parameters(&mut f.a, &[neg], &[("i".into(), Value::Int(20))]).unwrap();
    let twenty = f.int(20);
    let expected_add = f.bin(BinaryFn::Add, ten, twenty);
    let expected = f.un(UnaryFn::Negate, expected_add);
    assert_eq!(out, vec![expected]);
}

#[test]
fn deep_graphs_do_not_overflow_the_stack() {
    // reduce(operator.or_, [...]) over thousands of codes builds a very deep graph.
    let mut f = Fx::new();
    let last = f.pick(f.e, &["d1"], Position::Last);
    let code = f.col(last, "i1");
    let mut acc = f.a.exists(last).unwrap();
    for k in 0..20_000 {
        let lit = f.int(k);
        let eq = f.bin(BinaryFn::EQ, code, lit);
        acc = f.bin(BinaryFn::Or, acc, eq);
    }
    let out = rewrite_sorts(&mut f.a, &[acc]).unwrap();
    assert_ne!(out[0], acc);
    assert!(validate_population(&f.a, out[0]).is_ok());
    assert_eq!(
        display_nodes(&f.a, &out).lines().count(),
        f.a.post_order(&out).len()
    );
}
