//! Source-string tests of the evaluator: printed output and exact error messages.

use std::cell::RefCell;
use std::rc::Rc;

use ehrql::eval::{Config, Interpreter, Output};

/// Runs `src` as `__main__` on a thread with a large stack; returns what it printed or the
/// error headline.
fn run(src: &str) -> Result<String, String> {
    let src = src.to_string();
    std::thread::Builder::new()
        .stack_size(32 << 20)
        .spawn(move || {
            let buf = Rc::new(RefCell::new(String::new()));
            let mut config = Config::new(env!("CARGO_MANIFEST_DIR"));
            config.output = Output::Buffer(buf.clone());
            config.limits.max_stack_bytes = 24 << 20;
            config.limits.max_steps = 1_000_000;
            let mut it = Interpreter::new(config);
            let r = it.run_source("main.py", &src);
            match r {
                Ok(_) => Ok(buf.borrow().clone()),
                Err(e) => Err(e.headline()),
            }
        })
        .expect("thread")
        .join()
        .expect("no panic")
}

fn out(src: &str) -> String {
    match run(src) {
        Ok(s) => s,
        Err(e) => panic!("unexpected error: {e}\n--- source:\n{src}"),
    }
}

fn err(src: &str) -> String {
    match run(src) {
        Ok(s) => panic!("expected an error, got output {s:?}"),
        Err(e) => e,
    }
}

#[test]
fn arithmetic_and_reprs() {
    assert_eq!(
        out("print(1 + 2, 7 // 2, -7 // 2, 7 % -3, 2 ** 10, 7 / 2)"),
        "3 3 -4 -2 1024 3.5\n"
    );
    assert_eq!(
        out("print(0.1 + 0.2, 1e16, 1e-7, -0.0, 1.0, 3 * 1.5)"),
        "0.30000000000000004 1e+16 1e-07 -0.0 1.0 4.5\n"
    );
    assert_eq!(
        out("print(True + True, 3 == 3.0, 1 < 2 < 3, 2 < 1 < 3)"),
        "2 True True False\n"
    );
    assert_eq!(
        out("print(round(2.5), round(3.5), round(2.675, 2), round(1234, -2))"),
        "2 4 2.67 1200\n"
    );
    assert_eq!(
        out("print(divmod(-7, 2), abs(-3), min(3, 1, 2), max([1, 5, 2]))"),
        "(-4, 1) 3 1 5\n"
    );
    assert_eq!(
        out("print(repr('it\\'s'), repr(\"a\\nb\"), str(None), [1, 'a', (2,)])"),
        "\"it's\" 'a\\nb' None [1, 'a', (2,)]\n"
    );
    assert_eq!(
        out("print({1: 'a', 'b': [2]}, {3, 1, 2}, set(), ())"),
        "{1: 'a', 'b': [2]} {1, 2, 3} set() ()\n"
    );
}

#[test]
fn arithmetic_errors() {
    assert_eq!(err("1 / 0"), "ZeroDivisionError: division by zero");
    assert_eq!(err("1 % 0"), "ZeroDivisionError: integer modulo by zero");
    assert_eq!(
        err("1 // 0"),
        "ZeroDivisionError: integer division or modulo by zero"
    );
    assert_eq!(err("1.0 / 0"), "ZeroDivisionError: float division by zero");
    assert_eq!(
        err("1 + 'a'"),
        "TypeError: unsupported operand type(s) for +: 'int' and 'str'"
    );
    assert_eq!(
        err("'a' + 1"),
        "TypeError: can only concatenate str (not \"int\") to str"
    );
    assert_eq!(
        err("1 < 'a'"),
        "TypeError: '<' not supported between instances of 'int' and 'str'"
    );
    assert_eq!(
        err("x = 2 ** 62 * 4"),
        "OverflowError: integer result too large (this evaluator supports integers up to 64 bits)"
    );
    assert_eq!(
        err("-'a'"),
        "TypeError: bad operand type for unary -: 'str'"
    );
}

#[test]
fn names_and_scopes() {
    assert_eq!(
        err("print(undefined_name)"),
        "NameError: name 'undefined_name' is not defined"
    );
    assert_eq!(
        err("x = 1\ndef f():\n    print(x)\n    x = 2\nf()"),
        "UnboundLocalError: cannot access local variable 'x' where it is not associated with a value"
    );
    assert_eq!(
        out("x = 1\ndef f():\n    global x\n    x = 2\nf()\nprint(x)"),
        "2\n"
    );
    assert_eq!(
        out("def outer():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n    inc()\n    return inc()\nprint(outer())"),
        "2\n"
    );
    assert_eq!(
        out("fs = [lambda: i for i in range(3)]\nprint([f() for f in fs])"),
        "[2, 2, 2]\n"
    );
    assert_eq!(
        out("x = 'outer'\n[x for x in range(3)]\nprint(x)"),
        "outer\n"
    );
}

#[test]
fn functions_and_arguments() {
    let src = "def f(a, b=2, *args, c, d=4, **kw):\n    return (a, b, args, c, d, kw)\nprint(f(1, c=3))\nprint(f(1, 5, 6, 7, c=3, e=9))";
    assert_eq!(
        out(src),
        "(1, 2, (), 3, 4, {})\n(1, 5, (6, 7), 3, 4, {'e': 9})\n"
    );
    assert_eq!(
        out("def f(x=[]):\n    x.append(1)\n    return len(x)\nf()\nprint(f())"),
        "2\n"
    );
    assert_eq!(
        err("def f(a): pass\nf()"),
        "TypeError: f() missing 1 required positional argument: 'a'"
    );
    assert_eq!(
        err("def f(a): pass\nf(1, 2)"),
        "TypeError: f() takes 1 positional argument but 2 were given"
    );
    assert_eq!(
        err("def f(a): pass\nf(b=1)"),
        "TypeError: f() got an unexpected keyword argument 'b'"
    );
    assert_eq!(
        err("def f(*, k): pass\nf()"),
        "TypeError: f() missing 1 required keyword-only argument: 'k'"
    );
    assert_eq!(out("def deco(f):\n    def w(*a, **k):\n        return f(*a, **k) * 2\n    return w\n@deco\ndef g(x):\n    return x + 1\nprint(g(1))"), "4\n");
    assert_eq!(
        out("print(sorted(['b', 'A', 'c'], key=str.lower), sorted([3, 1, 2], reverse=True))"),
        "['A', 'b', 'c'] [3, 2, 1]\n"
    );
}

#[test]
fn classes() {
    let src = "class A:\n    kind = 'a'\n    def __init__(self, x):\n        self.x = x\n    @property\n    def double(self):\n        return self.x * 2\n    @staticmethod\n    def s():\n        return 's'\n    @classmethod\n    def c(cls):\n        return cls.kind\n    def __repr__(self):\n        return f'A({self.x})'\nclass B(A):\n    kind = 'b'\n    def __init__(self, x):\n        super().__init__(x + 1)\nb = B(1)\nprint(b, b.double, b.s(), b.c(), B.kind, isinstance(b, A))";
    assert_eq!(out(src), "A(2) 4 s b b True\n");
    assert_eq!(
        err("class A: pass\nA().foo"),
        "AttributeError: 'A' object has no attribute 'foo'"
    );
    assert_eq!(
        err("(5).foo"),
        "AttributeError: 'int' object has no attribute 'foo'"
    );
    assert_eq!(
        out("class E(Exception):\n    pass\ntry:\n    raise E('boom')\nexcept Exception as e:\n    print(type(e).__name__, e, repr(e))"),
        "E boom E('boom')\n"
    );
    assert_eq!(
        out("print(type(1), type('a').__name__, type(None))"),
        "<class 'int'> str <class 'NoneType'>\n"
    );
}

#[test]
fn control_flow_and_exceptions() {
    let src =
        "def f():\n    try:\n        return 1\n    finally:\n        print('cleanup')\nprint(f())";
    assert_eq!(out(src), "cleanup\n1\n");
    let src = "for i in range(5):\n    if i == 3:\n        break\nelse:\n    print('no')\nprint(i)\nwhile False:\n    pass\nelse:\n    print('else')";
    assert_eq!(out(src), "3\nelse\n");
    let src = "try:\n    {}['k']\nexcept (KeyError, IndexError) as e:\n    print('caught', repr(e), str(e))\nelse:\n    print('no')";
    assert_eq!(out(src), "caught KeyError('k') 'k'\n");
    assert_eq!(err("assert 1 == 2, 'bad'"), "AssertionError: bad");
    assert_eq!(
        err("raise ValueError('v') from KeyError('k')"),
        "ValueError: v"
    );
    assert_eq!(
        err("try:\n    1/0\nexcept ZeroDivisionError:\n    raise"),
        "ZeroDivisionError: division by zero"
    );
    assert_eq!(err("[1][5]"), "IndexError: list index out of range");
    assert_eq!(err("{'a': 1}['b']"), "KeyError: 'b'");
}

#[test]
fn unpacking_and_comprehensions() {
    assert_eq!(
        out("a, *b, c = range(5)\nprint(a, b, c)"),
        "0 [1, 2, 3] 4\n"
    );
    assert_eq!(
        out("for k, (x, y) in {'p': (1, 2)}.items():\n    print(k, x + y)"),
        "p 3\n"
    );
    assert_eq!(
        err("a, b = [1, 2, 3]"),
        "ValueError: too many values to unpack (expected 2)"
    );
    assert_eq!(
        err("a, b = [1]"),
        "ValueError: not enough values to unpack (expected 2, got 1)"
    );
    assert_eq!(
        out("print({k: v for k, v in zip('ab', range(2))}, [x * y for x in range(3) if x for y in (1, 10)])"),
        "{'a': 0, 'b': 1} [1, 10, 2, 20]\n"
    );
    assert_eq!(
        out("print(sum(x for x in range(5)), {x % 3 for x in range(10)})"),
        "10 {0, 1, 2}\n"
    );
}

#[test]
fn strings_and_formatting() {
    assert_eq!(
        out("x = 1234.5678\nprint(f'{x:,.2f}|{42:05d}|{0.256:.1%}|{\"ab\":>5}|{7:#x}|{x!r}')"),
        "1,234.57|00042|25.6%|   ab|0x7|1234.5678\n"
    );
    assert_eq!(
        out("print('{} and {name}'.format(1, name='n'), '{0:^7}'.format('mid'))"),
        "1 and n   mid  \n"
    );
    assert_eq!(
        out("print('a,b,,c'.split(','), ' x y '.split(), '-'.join(['a', 'b']), 'Hello World'.title())"),
        "['a', 'b', '', 'c'] ['x', 'y'] a-b Hello World\n"
    );
    assert_eq!(
        out("print('abc'.upper(), 'x'.zfill(3), 'abcabc'.count('b'), 'abc'.find('z'), 'a_b'.replace('_', ' '))"),
        "ABC 00x 2 -1 a b\n"
    );
    assert_eq!(
        err("f'{\"a\":d}'"),
        "ValueError: Unknown format code 'd' for object of type 'str'"
    );
    assert_eq!(
        err("'-'.join([1])"),
        "TypeError: sequence item 0: expected str instance, int found"
    );
}

#[test]
fn builtins_misc() {
    assert_eq!(
        out("print(list(enumerate('ab', 1)), list(zip([1, 2], 'xy')), list(reversed([1, 2])))"),
        "[(1, 'a'), (2, 'b')] [(1, 'x'), (2, 'y')] [2, 1]\n"
    );
    assert_eq!(
        out("print(any([0, 1]), all([]), list(map(str, [1, 2])), list(filter(None, [0, 1, 2])))"),
        "True True ['1', '2'] [1, 2]\n"
    );
    assert_eq!(
        out("class C: pass\nc = C()\nsetattr(c, 'v_1', 5)\nprint(getattr(c, 'v_1'), hasattr(c, 'v_2'), getattr(c, 'v_2', 'dflt'))"),
        "5 False dflt\n"
    );
    assert_eq!(
        out("print(int('42'), int(3.9), float('1.5'), str(1.0), bool(''), int('ff', 16))"),
        "42 3 1.5 1.0 False 255\n"
    );
    assert_eq!(
        err("int('x')"),
        "ValueError: invalid literal for int() with base 10: 'x'"
    );
    assert_eq!(
        err("len(5)"),
        "TypeError: object of type 'int' has no len()"
    );
    assert_eq!(
        err("max([])"),
        "ValueError: max() iterable argument is empty"
    );
    assert_eq!(
        out("d = {'a': 1}\nd.setdefault('b', []).append(2)\nd.update(c=3)\nprint(d, d.get('z', 0), d.pop('a'), list(d.keys()))"),
        "{'b': [2], 'c': 3} 0 1 ['b', 'c']\n"
    );
    assert_eq!(
        out("print(dict(a=1).items(), {1: 2}.keys())"),
        "dict_items([('a', 1)]) dict_keys([1])\n"
    );
}

#[test]
fn hashing_and_equality() {
    assert_eq!(
        out("d = {1: 'int'}\nd[1.0] = 'float'\nd[True] = 'bool'\nprint(d)"),
        "{1: 'bool'}\n"
    );
    assert_eq!(err("{[1]: 2}"), "TypeError: unhashable type: 'list'");
    assert_eq!(
        out("print([1, 2] == [1, 2], (1, [2]) == (1, [2]), None is None, 'a' in 'cat', 3 not in [1, 2])"),
        "True True True True True\n"
    );
}

#[test]
fn modules_and_imports() {
    assert_eq!(
        out("import functools, operator\nprint(functools.reduce(operator.or_, [1, 2, 4]))"),
        "7\n"
    );
    assert_eq!(
        out("from functools import partial\nprint(partial(int, base=2)('101'))"),
        "5\n"
    );
    assert_eq!(
        out("import json\nprint(json.dumps({'a': [1, 2.5, None, True]}), json.loads('{\"b\": [1, \"x\"]}'))"),
        "{\"a\": [1, 2.5, null, true]} {'b': [1, 'x']}\n"
    );
    assert_eq!(
        err("import pandas"),
        "ModuleNotFoundError: No module named 'pandas'"
    );
    assert_eq!(
        err("from math import nope"),
        "ImportError: cannot import name 'nope' from 'math' (unknown location)"
    );
    assert_eq!(out("import sys\nprint(sys.argv[1:])"), "[]\n");
}

#[test]
fn limits() {
    assert_eq!(
        err("def f(n):\n    return f(n + 1)\nf(0)\n"),
        "RecursionError: maximum recursion depth exceeded"
    );
    assert!(err("while True:\n    pass")
        .starts_with("TimeoutError: the definition ran for more than 1000000 steps"));
    assert!(
        err("x = [0] * (10 ** 10)").starts_with("MemoryError: the definition allocated more than")
    );
    // Limit errors cannot be swallowed by `except`.
    assert!(
        err("try:\n    while True:\n        pass\nexcept Exception:\n    print('caught')")
            .starts_with("TimeoutError")
    );
}

#[test]
fn self_references_and_deep_nesting() {
    assert_eq!(
        out("x = [1]\nx.append(x)\nprint(x)\nd = {}\nd['d'] = d\nprint(d)"),
        "[1, [...]]\n{'d': {...}}\n"
    );
    let deep = format!("x = {}\nprint(x)", vec!["1"; 500].join(" + "));
    assert_eq!(out(&deep), "500\n");
    assert_eq!(
        err("a = []\na.append(a)\nb = []\nb.append(b)\na == b"),
        "RecursionError: maximum recursion depth exceeded in comparison"
    );
    assert_eq!(
        err("f'{1:99999999999}'"),
        "ValueError: format width too large (at most 10000000 in definitions)"
    );
    assert_eq!(
        out("print(round(15, -1), round(25, -1), round(7, -99))"),
        "20 20 0\n"
    );
}

#[test]
fn int_sets_print_in_cpythons_order() {
    assert_eq!(
        out("print({-1, 5, 3}, {10, 3, 100}, {8, 16, 0, 1}, {1000, 7, -5, 2**40})"),
        "{3, 5, -1} {10, 3, 100} {8, 16, 0, 1} {1000, 1099511627776, -5, 7}\n"
    );
    assert_eq!(
        out("s = set()\nfor i in [17, 9, 1, 33, 25]:\n    s.add(i)\nprint(s, hash(2.0), hash(-1))"),
        "{33, 1, 9, 17, 25} 2 -2\n"
    );
}
