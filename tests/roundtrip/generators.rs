//! Generators of random ASTs for the round-trip property: only trees the parser can
//! produce (targets, starred items, slices, keyword names, defaults and f-string parts
//! where Python allows them), with empty spans.

use ehrql::diagnostics::Span;
use ehrql::syntax::ast::*;
use proptest::prelude::*;

use super::{bin, ex, field, ident, module, name, param, st, unary};

type Gen<T> = BoxedStrategy<T>;

const NAMES: &[&str] = &[
    "a", "b", "x", "y", "df", "codes", "_tmp", "Series", "n2", "naïve",
];

fn vec_of<T: std::fmt::Debug>(
    s: impl Strategy<Value = T>,
    range: std::ops::Range<usize>,
) -> impl Strategy<Value = Vec<T>> {
    prop::collection::vec(s, range)
}

fn gen_ident() -> Gen<Ident> {
    prop::sample::select(NAMES).prop_map(ident).boxed()
}

fn gen_name() -> Gen<Expr> {
    prop::sample::select(NAMES).prop_map(name).boxed()
}

fn gen_char() -> Gen<char> {
    let interesting = vec![
        'a', 'Z', ' ', '"', '\'', '\\', '\n', '\t', '\r', '{', '}', 'é', '😀', '#', ':', '!', '\0',
    ];
    prop_oneof![6 => prop::sample::select(interesting), 1 => any::<char>()].boxed()
}

fn gen_text(max: usize) -> Gen<String> {
    vec_of(gen_char(), 0..max)
        .prop_map(|cs| cs.into_iter().collect())
        .boxed()
}

fn gen_constant() -> Gen<Constant> {
    // Literals are never negative (a minus is a UnaryOp) and never NaN.
    let float = prop_oneof![
        (0u32..1000).prop_map(|i| i as f64 / 8.0),
        any::<f64>()
            .prop_filter("not NaN", |f| !f.is_nan())
            .prop_map(f64::abs),
        Just(f64::INFINITY),
    ];
    prop_oneof![
        Just(Constant::None),
        any::<bool>().prop_map(Constant::Bool),
        (0i64..100).prop_map(Constant::Int),
        (0..=i64::MAX).prop_map(Constant::Int),
        float.prop_map(Constant::Float),
        gen_text(6).prop_map(Constant::Str),
        Just(Constant::Ellipsis),
    ]
    .boxed()
}

fn starred(e: Expr) -> Expr {
    ex(ExprKind::Starred(Box::new(e)))
}

fn gen_binop() -> Gen<BinOp> {
    use BinOp::*;
    prop::sample::select(vec![
        Add, Sub, Mult, MatMult, Div, FloorDiv, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd,
    ])
    .boxed()
}

fn gen_cmpop() -> Gen<CmpOp> {
    use CmpOp::*;
    prop::sample::select(vec![Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn]).boxed()
}

fn gen_unaryop() -> Gen<UnaryOp> {
    prop::sample::select(vec![
        UnaryOp::Not,
        UnaryOp::Invert,
        UnaryOp::UAdd,
        UnaryOp::USub,
    ])
    .boxed()
}

/// Call arguments: positional and `*` first, then keywords (distinct names) and `**`.
fn gen_args(e: Gen<Expr>) -> Gen<Vec<Arg>> {
    let positional = prop_oneof![3 => e.clone().prop_map(Arg::Positional), 1 => e.clone().prop_map(Arg::Starred)];
    let keyword = prop_oneof![
        3 => (gen_ident(), e.clone()).prop_map(|(name, value)| Arg::Keyword { name, value }),
        1 => e.prop_map(Arg::DoubleStarred),
    ];
    (vec_of(positional, 0..3), vec_of(keyword, 0..3))
        .prop_map(|(mut args, keywords)| {
            let mut seen = Vec::new();
            for arg in keywords {
                if let Arg::Keyword { name, .. } = &arg {
                    if seen.contains(&name.name) {
                        continue;
                    }
                    seen.push(name.name.clone());
                }
                args.push(arg);
            }
            args
        })
        .boxed()
}

/// Parameters with distinct names, defaults only on a suffix of the positional ones.
fn gen_params(e: Gen<Expr>, annotations: bool) -> Gen<Parameters> {
    let annotation = if annotations {
        prop::option::weighted(0.3, e.clone()).boxed()
    } else {
        Just(None).boxed()
    };
    let one = (
        gen_ident(),
        annotation.clone(),
        prop::option::weighted(0.4, e),
    )
        .prop_map(|(n, a, d)| param(&n.name, a, d));
    let star = prop::option::weighted(
        0.3,
        (gen_ident(), annotation).prop_map(|(n, a)| param(&n.name, a, None)),
    );
    (
        vec_of(one.clone(), 0..2),
        vec_of(one.clone(), 0..3),
        star.clone(),
        vec_of(one, 0..2),
        star,
    )
        .prop_map(|(posonly, args, vararg, kwonly, kwarg)| {
            let mut p = Parameters {
                posonly,
                args,
                vararg,
                kwonly,
                kwarg,
            };
            let positional = p.posonly.len() + p.args.len();
            let last_required = (0..positional).rev().find(|&i| {
                let param = if i < p.posonly.len() {
                    &p.posonly[i]
                } else {
                    &p.args[i - p.posonly.len()]
                };
                param.default.is_none()
            });
            let all = p
                .posonly
                .iter_mut()
                .chain(p.args.iter_mut())
                .map(|x| (true, x));
            let rest = p
                .vararg
                .iter_mut()
                .chain(p.kwonly.iter_mut())
                .chain(p.kwarg.iter_mut())
                .map(|x| (false, x));
            for (i, (is_positional, param)) in all.chain(rest).enumerate() {
                if is_positional && last_required.is_some_and(|last| i < last) {
                    param.default = None;
                }
                param.name.name = format!("{}{i}", param.name.name);
            }
            p
        })
        .boxed()
}

fn gen_slice(e: Gen<Expr>) -> Gen<Expr> {
    let part = prop::option::of(e.prop_map(Box::new));
    (part.clone(), part.clone(), part)
        .prop_map(|(lower, upper, step)| ex(ExprKind::Slice { lower, upper, step }))
        .boxed()
}

fn gen_index(e: Gen<Expr>) -> Gen<Expr> {
    let item = prop_oneof![2 => e.clone(), 1 => gen_slice(e.clone())];
    prop_oneof![
        3 => e.clone(),
        2 => gen_slice(e.clone()),
        1 => vec_of(item, 1..4).prop_map(|items| ex(ExprKind::Tuple(items))),
    ]
    .boxed()
}

/// Name, attribute or subscript: what augmented and annotated assignments accept.
fn gen_single_target(e: Gen<Expr>) -> Gen<Expr> {
    prop_oneof![
        4 => gen_name(),
        1 => (e.clone(), gen_ident()).prop_map(|(v, attr)| ex(ExprKind::Attribute { value: Box::new(v), attr })),
        1 => (e.clone(), gen_index(e)).prop_map(|(v, i)| ex(ExprKind::Subscript { value: Box::new(v), index: Box::new(i) })),
    ]
    .boxed()
}

/// Assignment, `for` and `with` targets; `del` targets when `star` is false.
fn gen_target(e: Gen<Expr>, star: bool) -> Gen<Expr> {
    let single = gen_single_target(e);
    let sequence = (
        vec_of(single.clone(), 1..3),
        if star {
            prop::option::weighted(0.3, single.clone()).boxed()
        } else {
            Just(None).boxed()
        },
        any::<bool>(),
        any::<prop::sample::Index>(),
    )
        .prop_map(|(mut items, star, list, at)| {
            if let Some(s) = star {
                let at = at.index(items.len() + 1);
                items.insert(at, starred(s));
            }
            ex(if list {
                ExprKind::List(items)
            } else {
                ExprKind::Tuple(items)
            })
        });
    prop_oneof![3 => single, 1 => sequence].boxed()
}

fn gen_comprehensions(e: Gen<Expr>) -> Gen<Vec<Comprehension>> {
    let one = (gen_target(e.clone(), true), e.clone(), vec_of(e, 0..2)).prop_map(
        |(target, iter, ifs)| Comprehension {
            target,
            iter,
            ifs,
            span: Span::default(),
        },
    );
    vec_of(one, 1..3).boxed()
}

/// Drops empty literals and joins adjacent ones, as the lexer would have.
fn normalise_fstring(parts: Vec<FStringPart>) -> Vec<FStringPart> {
    let mut out: Vec<FStringPart> = Vec::new();
    for part in parts {
        match (part, out.last_mut()) {
            (FStringPart::Literal(s), _) if s.is_empty() => {}
            (FStringPart::Literal(s), Some(FStringPart::Literal(prev))) => prev.push_str(&s),
            (part, _) => out.push(part),
        }
    }
    out
}

fn gen_fstring(e: Gen<Expr>) -> Gen<Expr> {
    let conversion = prop::option::weighted(0.3, prop::sample::select(vec!['r', 's', 'a']));
    // Format specs keep to the characters real specs use.
    let spec_literal = "[a-z0-9<>^=+#.,%: -]{1,4}".prop_map(FStringPart::Literal);
    let spec_field = (e.clone(), conversion.clone()).prop_map(|(x, c)| field(x, c, None));
    let spec = prop::option::weighted(0.3, vec_of(prop_oneof![spec_literal, spec_field], 1..3))
        .prop_map(|spec| spec.map(normalise_fstring).filter(|s| !s.is_empty()));
    let part = prop_oneof![
        gen_text(5).prop_map(FStringPart::Literal),
        (e, conversion, spec).prop_map(|(x, c, s)| field(x, c, s)),
    ];
    vec_of(part, 1..4)
        .prop_map(|parts| {
            let parts = normalise_fstring(parts);
            let parts = if parts.is_empty() {
                vec![FStringPart::Literal("f".into())]
            } else {
                parts
            };
            ex(ExprKind::JoinedStr(parts))
        })
        .boxed()
}

pub fn gen_expr() -> Gen<Expr> {
    let leaf =
        prop_oneof![3 => gen_name(), 2 => gen_constant().prop_map(|c| ex(ExprKind::Constant(c)))];
    leaf.prop_recursive(4, 40, 4, |e| {
        let elt = prop_oneof![5 => e.clone(), 1 => e.clone().prop_map(starred)].boxed();
        let bx = |x: Expr| Box::new(x);
        let dict_item = prop_oneof![
            4 => (e.clone(), e.clone()).prop_map(|(key, value)| DictItem::Pair { key, value }),
            1 => e.clone().prop_map(DictItem::Unpack),
        ];
        let arms: Vec<(u32, Gen<Expr>)> = vec![
            (
                2,
                (
                    prop::sample::select(vec![BoolOp::And, BoolOp::Or]),
                    vec_of(e.clone(), 2..4),
                )
                    .prop_map(|(op, values)| ex(ExprKind::BoolOp { op, values }))
                    .boxed(),
            ),
            (
                1,
                (gen_ident(), e.clone())
                    .prop_map(move |(target, v)| {
                        ex(ExprKind::NamedExpr {
                            target,
                            value: bx(v),
                        })
                    })
                    .boxed(),
            ),
            (
                4,
                (e.clone(), gen_binop(), e.clone())
                    .prop_map(|(l, op, r)| bin(l, op, r))
                    .boxed(),
            ),
            (
                2,
                (gen_unaryop(), e.clone())
                    .prop_map(|(op, x)| unary(op, x))
                    .boxed(),
            ),
            (
                1,
                (gen_params(e.clone(), false), e.clone())
                    .prop_map(|(p, b)| {
                        ex(ExprKind::Lambda {
                            params: Box::new(p),
                            body: Box::new(b),
                        })
                    })
                    .boxed(),
            ),
            (
                1,
                (e.clone(), e.clone(), e.clone())
                    .prop_map(|(t, b, o)| {
                        ex(ExprKind::IfExp {
                            test: Box::new(t),
                            body: Box::new(b),
                            orelse: Box::new(o),
                        })
                    })
                    .boxed(),
            ),
            (
                1,
                vec_of(dict_item, 0..3)
                    .prop_map(|items| ex(ExprKind::Dict(items)))
                    .boxed(),
            ),
            (
                1,
                vec_of(elt.clone(), 1..4)
                    .prop_map(|items| ex(ExprKind::Set(items)))
                    .boxed(),
            ),
            (
                1,
                vec_of(elt.clone(), 0..4)
                    .prop_map(|items| ex(ExprKind::List(items)))
                    .boxed(),
            ),
            (
                1,
                vec_of(elt, 0..4)
                    .prop_map(|items| ex(ExprKind::Tuple(items)))
                    .boxed(),
            ),
            (
                1,
                (0..3u8, e.clone(), gen_comprehensions(e.clone()))
                    .prop_map(|(kind, elt, generators)| {
                        let elt = Box::new(elt);
                        ex(match kind {
                            0 => ExprKind::ListComp { elt, generators },
                            1 => ExprKind::SetComp { elt, generators },
                            _ => ExprKind::GeneratorExp { elt, generators },
                        })
                    })
                    .boxed(),
            ),
            (
                1,
                (e.clone(), e.clone(), gen_comprehensions(e.clone()))
                    .prop_map(|(k, v, generators)| {
                        ex(ExprKind::DictComp {
                            key: Box::new(k),
                            value: Box::new(v),
                            generators,
                        })
                    })
                    .boxed(),
            ),
            (
                2,
                (e.clone(), vec_of((gen_cmpop(), e.clone()), 1..3))
                    .prop_map(|(left, rest)| {
                        let (ops, comparators) = rest.into_iter().unzip();
                        ex(ExprKind::Compare {
                            left: Box::new(left),
                            ops,
                            comparators,
                        })
                    })
                    .boxed(),
            ),
            (
                3,
                (e.clone(), gen_args(e.clone()))
                    .prop_map(|(f, args)| {
                        ex(ExprKind::Call {
                            func: Box::new(f),
                            args,
                        })
                    })
                    .boxed(),
            ),
            (
                3,
                (e.clone(), gen_ident())
                    .prop_map(|(v, attr)| {
                        ex(ExprKind::Attribute {
                            value: Box::new(v),
                            attr,
                        })
                    })
                    .boxed(),
            ),
            (
                2,
                (e.clone(), gen_index(e.clone()))
                    .prop_map(|(v, i)| {
                        ex(ExprKind::Subscript {
                            value: Box::new(v),
                            index: Box::new(i),
                        })
                    })
                    .boxed(),
            ),
            (2, gen_fstring(e)),
        ];
        prop::strategy::Union::new_weighted(arms)
    })
    .boxed()
}

fn gen_block(s: Gen<Stmt>) -> Gen<Vec<Stmt>> {
    vec_of(s, 1..3).boxed()
}

fn gen_dotted(max: usize) -> Gen<DottedName> {
    vec_of(gen_ident(), 1..max + 1)
        .prop_map(|parts| DottedName {
            parts,
            span: Span::default(),
        })
        .boxed()
}

fn gen_alias(max_parts: usize) -> Gen<Alias> {
    (
        gen_dotted(max_parts),
        prop::option::weighted(0.3, gen_ident()),
    )
        .prop_map(|(name, asname)| Alias {
            name,
            asname,
            span: Span::default(),
        })
        .boxed()
}

fn gen_simple_stmt(e: Gen<Expr>) -> Gen<Stmt> {
    let opt = |p: f64| prop::option::weighted(p, e.clone());
    let import_from = (
        prop::option::of(gen_dotted(3)),
        0..3u32,
        prop::option::weighted(0.8, vec_of(gen_alias(1), 1..3)),
    )
        .prop_map(|(module, level, names)| {
            let module = if level == 0 && module.is_none() {
                Some(DottedName {
                    parts: vec![ident("m")],
                    span: Span::default(),
                })
            } else {
                module
            };
            let names = names.map_or(ImportNames::Star(Span::default()), ImportNames::Names);
            StmtKind::ImportFrom {
                module,
                level,
                names,
            }
        });
    let raise = (opt(0.8), opt(0.3)).prop_map(|(exc, cause)| StmtKind::Raise {
        cause: cause.filter(|_| exc.is_some()),
        exc,
    });
    let arms: Vec<(u32, Gen<StmtKind>)> = vec![
        (4, e.clone().prop_map(StmtKind::Expr).boxed()),
        (
            4,
            (vec_of(gen_target(e.clone(), true), 1..3), e.clone())
                .prop_map(|(targets, value)| StmtKind::Assign { targets, value })
                .boxed(),
        ),
        (
            1,
            (gen_single_target(e.clone()), gen_binop(), e.clone())
                .prop_map(|(target, op, value)| StmtKind::AugAssign { target, op, value })
                .boxed(),
        ),
        (
            1,
            (gen_single_target(e.clone()), e.clone(), opt(0.5))
                .prop_map(|(target, annotation, value)| StmtKind::AnnAssign {
                    target,
                    annotation,
                    value,
                })
                .boxed(),
        ),
        (
            1,
            vec_of(gen_alias(3), 1..3)
                .prop_map(|names| StmtKind::Import { names })
                .boxed(),
        ),
        (1, import_from.boxed()),
        (1, opt(0.7).prop_map(StmtKind::Return).boxed()),
        (
            1,
            prop::sample::select(vec![StmtKind::Break, StmtKind::Continue, StmtKind::Pass]).boxed(),
        ),
        (
            1,
            (e.clone(), opt(0.5))
                .prop_map(|(test, msg)| StmtKind::Assert { test, msg })
                .boxed(),
        ),
        (1, raise.boxed()),
        (
            1,
            vec_of(gen_target(e.clone(), false), 1..3)
                .prop_map(|targets| StmtKind::Delete { targets })
                .boxed(),
        ),
        (
            1,
            (any::<bool>(), vec_of(gen_ident(), 1..3))
                .prop_map(|(global, names)| {
                    if global {
                        StmtKind::Global { names }
                    } else {
                        StmtKind::Nonlocal { names }
                    }
                })
                .boxed(),
        ),
    ];
    prop::strategy::Union::new_weighted(arms)
        .prop_map(st)
        .boxed()
}

fn gen_decorators() -> Gen<Vec<Expr>> {
    let attr = (gen_name(), gen_ident()).prop_map(|(v, attr)| {
        ex(ExprKind::Attribute {
            value: Box::new(v),
            attr,
        })
    });
    let call = (gen_name(), gen_args(gen_name())).prop_map(|(f, args)| {
        ex(ExprKind::Call {
            func: Box::new(f),
            args,
        })
    });
    vec_of(prop_oneof![gen_name(), attr, call], 0..3).boxed()
}

fn gen_compound(e: Gen<Expr>, s: Gen<Stmt>) -> Gen<Stmt> {
    let block = gen_block(s.clone());
    let maybe_block = prop_oneof![Just(vec![]), block.clone()];
    let handler = (
        prop::option::weighted(0.8, (e.clone(), prop::option::of(gen_ident()))),
        block.clone(),
    )
        .prop_map(|(typ, body)| ExceptHandler {
            name: typ.as_ref().and_then(|t| t.1.clone()),
            typ: typ.map(|t| t.0),
            body,
            span: Span::default(),
        });
    let try_stmt = (
        block.clone(),
        vec_of(handler, 0..3),
        maybe_block.clone(),
        maybe_block.clone(),
    )
        .prop_map(|(body, mut handlers, mut orelse, mut finalbody)| {
            // Only the last handler may be bare; `else` needs a handler; something must follow `try`.
            let n = handlers.len();
            for h in handlers.iter_mut().take(n.saturating_sub(1)) {
                h.typ.get_or_insert_with(|| name("Exception"));
            }
            if handlers.is_empty() {
                orelse.clear();
                if finalbody.is_empty() {
                    finalbody.push(st(StmtKind::Pass));
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            }
        });
    let with_item =
        (e.clone(), prop::option::of(gen_target(e.clone(), true))).prop_map(|(context, target)| {
            WithItem {
                context,
                target,
                span: Span::default(),
            }
        });
    let def = (
        gen_ident(),
        gen_params(e.clone(), true),
        block.clone(),
        gen_decorators(),
        prop::option::weighted(0.3, e.clone()),
    )
        .prop_map(|(name, params, body, decorators, returns)| {
            StmtKind::FunctionDef(Box::new(FunctionDef {
                name,
                params,
                body,
                decorators,
                returns,
            }))
        });
    let class = (
        gen_ident(),
        gen_args(e.clone()),
        block.clone(),
        gen_decorators(),
    )
        .prop_map(|(name, bases, body, decorators)| {
            StmtKind::ClassDef(Box::new(ClassDef {
                name,
                bases,
                body,
                decorators,
            }))
        });
    let arms: Vec<(u32, Gen<StmtKind>)> = vec![
        (
            3,
            (e.clone(), block.clone(), maybe_block.clone())
                .prop_map(|(test, body, orelse)| StmtKind::If { test, body, orelse })
                .boxed(),
        ),
        (
            2,
            (
                gen_target(e.clone(), true),
                e.clone(),
                block.clone(),
                maybe_block.clone(),
            )
                .prop_map(|(target, iter, body, orelse)| StmtKind::For {
                    target,
                    iter,
                    body,
                    orelse,
                })
                .boxed(),
        ),
        (
            1,
            (e.clone(), block.clone(), maybe_block)
                .prop_map(|(test, body, orelse)| StmtKind::While { test, body, orelse })
                .boxed(),
        ),
        (
            1,
            (vec_of(with_item, 1..3), block)
                .prop_map(|(items, body)| StmtKind::With { items, body })
                .boxed(),
        ),
        (2, try_stmt.boxed()),
        (3, def.boxed()),
        (2, class.boxed()),
    ];
    prop::strategy::Union::new_weighted(arms)
        .prop_map(st)
        .boxed()
}

fn gen_stmt() -> Gen<Stmt> {
    let e = gen_expr();
    gen_simple_stmt(e.clone())
        .prop_recursive(3, 16, 3, move |s| gen_compound(e.clone(), s))
        .boxed()
}

pub fn gen_module() -> Gen<Module> {
    vec_of(gen_stmt(), 0..5).prop_map(module).boxed()
}
