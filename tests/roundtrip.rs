//! Round trips through the pretty-printer: hand-built trees print as expected, generated
//! trees print to source that parses back to the same tree, and realistic source survives
//! parse → print → parse unchanged.

use ehrql::diagnostics::Span;
use ehrql::syntax::ast::*;
use ehrql::syntax::printer::{print_expr, print_module};
use ehrql::syntax::{parse_module, strip_spans};
use proptest::prelude::*;

#[path = "roundtrip/generators.rs"]
mod generators;

use generators::{gen_expr, gen_module};

// ---- builders with empty spans ----

fn ident(name: &str) -> Ident {
    Ident {
        name: name.to_string(),
        span: Span::default(),
    }
}

fn ex(kind: ExprKind) -> Expr {
    Expr::new(kind, Span::default())
}

fn st(kind: StmtKind) -> Stmt {
    Stmt::new(kind, Span::default())
}

fn name(n: &str) -> Expr {
    ex(ExprKind::Name(n.to_string()))
}

fn int(i: i64) -> Expr {
    ex(ExprKind::Constant(Constant::Int(i)))
}

fn string(s: &str) -> Expr {
    ex(ExprKind::Constant(Constant::Str(s.to_string())))
}

fn bin(left: Expr, op: BinOp, right: Expr) -> Expr {
    ex(ExprKind::BinOp {
        left: Box::new(left),
        op,
        right: Box::new(right),
    })
}

fn unary(op: UnaryOp, operand: Expr) -> Expr {
    ex(ExprKind::UnaryOp {
        op,
        operand: Box::new(operand),
    })
}

fn cmp(left: Expr, op: CmpOp, right: Expr) -> Expr {
    ex(ExprKind::Compare {
        left: Box::new(left),
        ops: vec![op],
        comparators: vec![right],
    })
}

fn param(n: &str, annotation: Option<Expr>, default: Option<Expr>) -> Param {
    Param {
        name: ident(n),
        annotation,
        default,
        span: Span::default(),
    }
}

fn field(expr: Expr, conversion: Option<char>, spec: Option<Vec<FStringPart>>) -> FStringPart {
    FStringPart::Field(Box::new(FStringField {
        expr,
        conversion,
        format_spec: spec,
        span: Span::default(),
    }))
}

fn module(body: Vec<Stmt>) -> Module {
    Module {
        body,
        span: Span::default(),
    }
}

// ---- the printer on hand-built trees ----

#[test]
fn binary_operators_parenthesise_only_where_needed() {
    let (a, b, c) = (name("a"), name("b"), name("c"));
    let left_nested = bin(bin(a.clone(), BinOp::Sub, b.clone()), BinOp::Sub, c.clone());
    assert_eq!(print_expr(&left_nested), "a - b - c");
    let right_nested = bin(a.clone(), BinOp::Sub, bin(b.clone(), BinOp::Sub, c.clone()));
    assert_eq!(print_expr(&right_nested), "a - (b - c)");
    let mixed = bin(
        bin(a.clone(), BinOp::Add, b.clone()),
        BinOp::Mult,
        c.clone(),
    );
    assert_eq!(print_expr(&mixed), "(a + b) * c");
    let shifts = bin(
        a.clone(),
        BinOp::BitOr,
        bin(b.clone(), BinOp::LShift, c.clone()),
    );
    assert_eq!(print_expr(&shifts), "a | b << c");
}

#[test]
fn power_is_right_associative_and_binds_tighter_than_unary_on_its_left() {
    let (a, b, c) = (name("a"), name("b"), name("c"));
    let right = bin(a.clone(), BinOp::Pow, bin(b.clone(), BinOp::Pow, c.clone()));
    assert_eq!(print_expr(&right), "a ** b ** c");
    let left = bin(bin(a.clone(), BinOp::Pow, b.clone()), BinOp::Pow, c.clone());
    assert_eq!(print_expr(&left), "(a ** b) ** c");
    let neg_base = bin(unary(UnaryOp::USub, a.clone()), BinOp::Pow, b.clone());
    assert_eq!(print_expr(&neg_base), "(-a) ** b");
    let neg_power = unary(UnaryOp::USub, bin(a.clone(), BinOp::Pow, b.clone()));
    assert_eq!(print_expr(&neg_power), "-a ** b");
    let neg_exponent = bin(a.clone(), BinOp::Pow, unary(UnaryOp::USub, b.clone()));
    assert_eq!(print_expr(&neg_exponent), "a ** -b");
}

#[test]
fn comparisons_booleans_and_conditionals() {
    let (a, b, c) = (name("a"), name("b"), name("c"));
    let chained = cmp(cmp(a.clone(), CmpOp::Lt, b.clone()), CmpOp::Lt, c.clone());
    assert_eq!(print_expr(&chained), "(a < b) < c");
    let not_in = cmp(a.clone(), CmpOp::NotIn, b.clone());
    let negated = unary(UnaryOp::Not, not_in);
    assert_eq!(print_expr(&negated), "not a not in b");
    let or_in_and = ex(ExprKind::BoolOp {
        op: BoolOp::And,
        values: vec![
            ex(ExprKind::BoolOp {
                op: BoolOp::Or,
                values: vec![a.clone(), b.clone()],
            }),
            c.clone(),
        ],
    });
    assert_eq!(print_expr(&or_in_and), "(a or b) and c");
    let or_in_or = ex(ExprKind::BoolOp {
        op: BoolOp::Or,
        values: vec![
            a.clone(),
            ex(ExprKind::BoolOp {
                op: BoolOp::Or,
                values: vec![b.clone(), c.clone()],
            }),
        ],
    });
    assert_eq!(print_expr(&or_in_or), "a or (b or c)");
    let ifexp = |t: Expr, b: Expr, o: Expr| {
        ex(ExprKind::IfExp {
            test: Box::new(t),
            body: Box::new(b),
            orelse: Box::new(o),
        })
    };
    let nested = ifexp(a.clone(), ifexp(b.clone(), c.clone(), a.clone()), b.clone());
    assert_eq!(print_expr(&nested), "(c if b else a) if a else b");
    let lambda = ex(ExprKind::Lambda {
        params: Box::new(Parameters {
            args: vec![param("x", None, Some(int(1)))],
            ..Default::default()
        }),
        body: Box::new(ifexp(a.clone(), b.clone(), c.clone())),
    });
    assert_eq!(print_expr(&lambda), "lambda x=1: b if a else c");
    let walrus = ex(ExprKind::NamedExpr {
        target: ident("y"),
        value: Box::new(int(1)),
    });
    assert_eq!(print_expr(&walrus), "(y := 1)");
}

#[test]
fn tuples_subscripts_and_attributes() {
    let (a, b) = (name("a"), name("b"));
    assert_eq!(print_expr(&ex(ExprKind::Tuple(vec![]))), "()");
    assert_eq!(print_expr(&ex(ExprKind::Tuple(vec![a.clone()]))), "(a,)");
    let starred = ex(ExprKind::Starred(Box::new(b.clone())));
    assert_eq!(
        print_expr(&ex(ExprKind::Tuple(vec![a.clone(), starred]))),
        "(a, *b)"
    );
    let slice = |l: Option<Expr>, u: Option<Expr>, s: Option<Expr>| {
        ex(ExprKind::Slice {
            lower: l.map(Box::new),
            upper: u.map(Box::new),
            step: s.map(Box::new),
        })
    };
    let sub = |index: Expr| {
        ex(ExprKind::Subscript {
            value: Box::new(a.clone()),
            index: Box::new(index),
        })
    };
    let index = ex(ExprKind::Tuple(vec![
        slice(Some(int(1)), Some(int(2)), None),
        slice(None, None, Some(int(3))),
    ]));
    assert_eq!(print_expr(&sub(index)), "a[1:2, ::3]");
    assert_eq!(
        print_expr(&sub(ex(ExprKind::Tuple(vec![b.clone()])))),
        "a[b,]"
    );
    assert_eq!(print_expr(&sub(ex(ExprKind::Tuple(vec![])))), "a[()]");
    assert_eq!(print_expr(&sub(slice(None, None, None))), "a[:]");
    let attr = ex(ExprKind::Attribute {
        value: Box::new(int(1)),
        attr: ident("real"),
    });
    assert_eq!(print_expr(&attr), "(1).real");
    let call = ex(ExprKind::Call {
        func: Box::new(bin(a.clone(), BinOp::Add, b.clone())),
        args: vec![
            Arg::Positional(int(1)),
            Arg::Starred(b.clone()),
            Arg::Keyword {
                name: ident("k"),
                value: int(2),
            },
            Arg::DoubleStarred(a.clone()),
        ],
    });
    assert_eq!(print_expr(&call), "(a + b)(1, *b, k=2, **a)");
}

#[test]
fn constants() {
    let float = |f: f64| print_expr(&ex(ExprKind::Constant(Constant::Float(f))));
    assert_eq!(float(1.0), "1.0");
    assert_eq!(float(1e-7), "1e-7");
    assert_eq!(float(1e16), "1e16");
    assert_eq!(float(f64::INFINITY), "1e309");
    assert_eq!(print_expr(&int(i64::MAX)), "9223372036854775807");
    assert_eq!(print_expr(&string("it's")), r#""it's""#);
    assert_eq!(print_expr(&string(r#"say "hi""#)), r#"'say "hi"'"#);
    assert_eq!(print_expr(&string("a\"b'c")), r#""a\"b'c""#);
    assert_eq!(
        print_expr(&string("\\\n\t\r\0\u{7f}é😀\u{2028}")),
        r#""\\\n\t\r\x00\x7fé😀\u2028""#
    );
    assert_eq!(
        print_expr(&ex(ExprKind::Constant(Constant::Ellipsis))),
        "..."
    );
}

#[test]
fn fstrings_escape_braces_and_nest_quotes() {
    let subscript = ex(ExprKind::Subscript {
        value: Box::new(name("d")),
        index: Box::new(string("k")),
    });
    let spec = vec![
        FStringPart::Literal(">".into()),
        field(name("w"), None, None),
    ];
    let fstring = ex(ExprKind::JoinedStr(vec![
        FStringPart::Literal("{x} \"".into()),
        field(subscript, Some('r'), Some(spec)),
        field(ex(ExprKind::Set(vec![int(1)])), None, None),
    ]));
    assert_eq!(print_expr(&fstring), r#"f"{{x}} \"{d['k']!r:>{w}}{ {1} }""#);
}

#[test]
fn statements_and_blocks() {
    let params = Parameters {
        posonly: vec![param("a", None, None)],
        args: vec![param("b", None, Some(int(1)))],
        vararg: Some(param("args", None, None)),
        kwonly: vec![
            param("c", None, None),
            param("d", Some(name("int")), Some(int(2))),
        ],
        kwarg: Some(param("kw", None, None)),
    };
    let def = st(StmtKind::FunctionDef(Box::new(FunctionDef {
        name: ident("f"),
        params,
        body: vec![st(StmtKind::Expr(string("Doc\n    more.")))],
        decorators: vec![name("cache")],
        returns: Some(name("int")),
    })));
    let elif = st(StmtKind::If {
        test: name("b"),
        body: vec![],
        orelse: vec![st(StmtKind::Pass)],
    });
    let if_stmt = st(StmtKind::If {
        test: name("a"),
        body: vec![st(StmtKind::Break)],
        orelse: vec![elif],
    });
    let try_stmt = st(StmtKind::Try {
        body: vec![st(StmtKind::Pass)],
        handlers: vec![ExceptHandler {
            typ: Some(ex(ExprKind::Tuple(vec![name("A"), name("B")]))),
            name: Some(ident("e")),
            body: vec![st(StmtKind::Raise {
                exc: Some(name("e")),
                cause: Some(ex(ExprKind::Constant(Constant::None))),
            })],
            span: Span::default(),
        }],
        orelse: vec![],
        finalbody: vec![st(StmtKind::Continue)],
    });
    let import = st(StmtKind::ImportFrom {
        module: Some(DottedName {
            parts: vec![ident("a"), ident("b")],
            span: Span::default(),
        }),
        level: 2,
        names: ImportNames::Star(Span::default()),
    });
    let source = print_module(&module(vec![import, def, if_stmt, try_stmt]));
    let expected = "from ..a.b import *


@cache
def f(a, /, b=1, *args, c, d: int = 2, **kw) -> int:
    \"\"\"Doc
    more.\"\"\"


if a:
    break
elif b:
    pass
else:
    pass
try:
    pass
except (A, B) as e:
    raise e from None
finally:
    continue
";
    assert_eq!(source, expected);
}

// ---- realistic source: parse → print → parse gives the same tree, and printing is stable ----

const DEFINITION: &str = r#"
"""Hospital admissions after a first positive test, by region and month."""
import argparse
import operator
from functools import reduce
from datetime import date, timedelta

from ehrql import Dataset, case, codelist_from_csv, create_measures, months, when
from ehrql.tables.tpp import (
    apcs,
    clinical_events as events,
    patients,
    practice_registrations,
)
from codelists import *
from .helpers import first_event_after, has_event as has

parser = argparse.ArgumentParser()
parser.add_argument("--start-date", type=str, default="2020-03-01", help='first "index" date')
parser.add_argument("--weeks", type=int, default=12)
args = parser.parse_args()
start_date = date.fromisoformat(args.start_date)
end_date = start_date + timedelta(weeks=args.weeks) - timedelta(days=1)

dataset = Dataset()
dataset.configure_dummy_data(population_size=1_000)
registered = practice_registrations.for_patient_on(start_date).exists_for_patient()
age = patients.age_on(start_date)
dataset.define_population(registered & (age >= 18) & (age < 110) & ~patients.sex.is_in(["unknown"]))
dataset.age_band = case(
    when(age < 40).then("18-39"),
    when((age >= 40) & (age < 65)).then("40-64"),
    otherwise="65+",
)


@table_from_file("output/index_dates.csv.gz")
class index_dates(PatientFrame):
    """Dates matched in an earlier action."""

    index_date = Series(date)
    exposure: Series = Series(str, constraints=[Constraint.NotNull()])


def first_event(codes, *, after=start_date, before=None, where=lambda e: e.numeric_value > 0):
    """The first matching event in the window.

    Both ends are inclusive."""
    rows = events.where(events.snomedct_code.is_in(codes)).where(events.date.is_on_or_after(after))
    if before is not None:
        rows = rows.where(events.date.is_on_or_before(before))
    elif after is None:
        raise ValueError(f"need a window, got {after!r} to {before!r}")
    else:
        pass
    return rows.sort_by(events.date).first_for_patient()


conditions = {"asthma": asthma_codes, "copd": copd_codes, **other_codes}
for name, codes in conditions.items():
    setattr(dataset, f"has_{name}", first_event(codes).exists_for_patient())
    dataset.add_column(f"{name}_date_{i:02d}", first_event(codes, before=end_date).date)

any_respiratory = reduce(operator.or_, [getattr(dataset, f"has_{n}") for n in conditions if n != "copd"])
weights = [w ** -0.5 for w in range(1, 10) if not w % 3 == 0] + [*extra]
shifted = {k: v for k, (v, _) in pairs.items()}
dataset.admitted = apcs.where(apcs.admission_date.is_during(INTERVAL)).count_for_patient() > 0 if args.weeks else None
middle = values[1:-1], values[::2], values[:, 0]
total = 0
while total < 10:
    total += 1
    if total % 2:
        continue
else:
    total -= (1 if total else 2)
try:
    with open("analysis/config.json") as f, open("x") as (a, b):
        config = json.load(f)
except (FileNotFoundError, KeyError) as error:
    config = {}
except Exception:
    del config["key"], cache
finally:
    assert config is not None, "no config"

def outer():
    count = 0
    def inner(x, /, y=2, *rest, z, **options) -> int:
        nonlocal count
        global total
        count += x if (y := 3) else -x
        return count
    return inner


measures = create_measures()
for interval_months in [1, 3]:
    measures.define_measure(
        name=f"admissions_{interval_months}m",
        numerator=dataset.admitted,
        denominator=registered,
        group_by={"age_band": dataset.age_band, "region": practice_registrations.for_patient_on(INTERVAL.start_date).practice_nuts1_region_name},
        intervals=months(interval_months).starting_on("2021-01-01"),
    )
label = f"{'a' if x else 'b'}: {x:>{width}.{precision}f} {{literal}} {y!s:^10}"
"#;

const EXPRESSIONS: &str = r#"
x = -1 ** 2, (-1) ** 2, 2 ** -1, a ** b ** c, (a ** b) ** c, not a == b, (not a) == b
y = a < b < c, (a < b) < c, a < (b < c), a if b else c if d else e, (a if b else c) if d else e
z = lambda: 0, lambda a, b=1, *c, d, e=2, **f: a, [lambda x: x * 2 for _ in ()]
w = a or b and c, (a or b) and c, a - (b - c), a - b - c, a / b * c, a / (b * c), -(-a), ~-+a
v = 1.5e-7, 1e16, 0.1, 1_000_000, 0x1F, 0o17, 0b101, 1., .5, "\x00\t\u00e9\U0001F600", 'it\'s'
u = f"{a}{b!r}{c:>10}{d:{e}}{'q'}", f'{"q"}', {**a, 'b': 1}, {*a, *b}, [*a, *b], (*a,), f(*a, **b)
t = x[1:2, ::3], x[:], x[::], x[a, b], x[(a, b)], x[()], (1).real, 1.5.real, "s".join, (yield_ := 1)
s = f"", "a" f"{x}" "b", f"{x=}", f"{x = !s:>4}", rf"\d{x}", '''tri"ple''', f"{ {'k': 1}['k'] }"
r = f"{x:%Y-%m-%d}", f"{x:{'>'}{w}}", f"{f'{y!r}'}", f"{'\n'.join(z)}", naïve
"#;

fn assert_stable(source: &str) {
    let first = parse_module(source).unwrap_or_else(|d| panic!("source does not parse: {d:?}"));
    let printed = print_module(&first);
    let second = parse_module(&printed)
        .unwrap_or_else(|d| panic!("printed source does not parse: {d:?}\n{printed}"));
    assert_eq!(shape(&second), shape(&first), "printed:\n{printed}");
    assert_eq!(print_module(&second), printed, "printing is not idempotent");
}

#[test]
fn realistic_definition_round_trips() {
    assert_stable(DEFINITION);
}

#[test]
fn tricky_expressions_round_trip() {
    assert_stable(EXPRESSIONS);
}

#[test]
fn printed_definition_reads_as_expected() {
    let printed = print_module(&parse_module(EXPRESSIONS).expect("parses"));
    let first = printed.lines().next().expect("one line");
    assert_eq!(
        first,
        "x = -1 ** 2, (-1) ** 2, 2 ** -1, a ** b ** c, (a ** b) ** c, not a == b, (not a) == b"
    );
}

/// The tree without positions. `strip_spans` keeps the span inside `ImportNames::Star`
/// (it is not a field called `span`), so that one is blanked here too.
fn shape(m: &Module) -> serde_json::Value {
    fn blank_star(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(map) => {
                if let Some(star) = map.get_mut("Star") {
                    *star = serde_json::Value::Null;
                }
                map.values_mut().for_each(blank_star);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(blank_star),
            _ => {}
        }
    }
    let mut value = strip_spans(m);
    blank_star(&mut value);
    value
}

fn check_round_trip(m: &Module) -> Result<(), TestCaseError> {
    let source = print_module(m);
    let parsed = parse_module(&source).map_err(|d| {
        TestCaseError::fail(format!("printed source does not parse: {d:?}\n{source}"))
    })?;
    if shape(&parsed) != shape(m) {
        let again = print_module(&parsed);
        let message =
            format!("tree changed; printed:\n{source}\nparsed and printed again:\n{again}");
        return Err(TestCaseError::fail(message));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn printed_expressions_parse_back_to_the_same_tree(e in gen_expr()) {
        check_round_trip(&module(vec![st(StmtKind::Expr(e))]))?;
    }

    #[test]
    fn printed_modules_parse_back_to_the_same_tree(m in gen_module()) {
        check_round_trip(&m)?;
    }
}
