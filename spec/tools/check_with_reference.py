"""Checks every spec case against the reference ehrQL's in-memory engine.

Not run by CI (it needs the reference checkout). Run it as

    PYTHONPATH=/work/refehrql /work/refvenv/bin/python spec/tools/check_with_reference.py [FILE...]

It reads the Markdown case files under spec/, defines the tables in spec/tables.py with the
reference's own `@table`, loads each case's rows into an in-memory database, evaluates the
case's expression (or whole definition) and compares the rows with the `expected` block.
Exit status 0 when every case agrees.
"""

import datetime
import math
import pathlib
import re
import sys

import ehrql
import ehrql.codes
from ehrql.query_engines.in_memory import InMemoryQueryEngine
from ehrql.query_engines.in_memory_database import InMemoryDatabase

SPEC = pathlib.Path(__file__).resolve().parent.parent

FENCE = re.compile(r"^```(\w+(?: \w+)?)\s*$")
TABLE_HEADER = re.compile(r"^(\w+) \((patient|event)\)$")


def parse_file(path):
    """Yields (title, line, blocks) for each `## ` case; blocks maps a fence tag to its
    (first line, lines)."""
    lines = path.read_text().splitlines()
    case = None
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("## "):
            if case:
                yield case
            case = (line[3:].strip(), i + 1, {})
        else:
            m = FENCE.match(line)
            if m:
                body = []
                start = i + 2
                i += 1
                while lines[i].strip() != "```":
                    body.append(lines[i])
                    i += 1
                if case is None:
                    raise SystemExit(f"{path}:{start - 1}: block outside a case")
                case[2][m.group(1)] = (start, body)
        i += 1
    if case:
        yield case


def split_row(line):
    """Cells are separated by `|`; a `|` inside a cell is written `\\|`."""
    cells = re.split(r"(?<!\\)\|", line)
    return [c.strip().replace("\\|", "|") for c in cells]


def parse_tables(body):
    """{name: (kind, columns, rows of strings)}"""
    tables = {}
    current = None
    for line in body:
        if not line.strip():
            continue
        m = TABLE_HEADER.match(line.strip())
        if m:
            current = tables[m.group(1)] = [m.group(2), None, []]
        elif current[1] is None:
            current[1] = split_row(line)
        else:
            current[2].append(split_row(line))
    return tables


def cell_value(text, typ):
    if text == "":
        return None
    if typ is bool:
        return {"T": True, "F": False}[text]
    if typ is int:
        return int(text)
    if typ is float:
        return float(text)
    if typ is datetime.date:
        return datetime.date.fromisoformat(text)
    if typ is str:
        return text
    # The engine works on codes' primitive values: validate, then store the string.
    if issubclass(typ, ehrql.codes.BaseCode):
        return typ(text).value
    # multi-code strings are stored as plain strings
    return text


def render(value):
    if value is None:
        return ""
    if value is True:
        return "T"
    if value is False:
        return "F"
    if isinstance(value, ehrql.codes.BaseCode):
        return value.value
    return str(value)


def same(expected, actual):
    if isinstance(actual, float) and expected != "":
        try:
            return math.isclose(float(expected), actual, rel_tol=1e-9, abs_tol=1e-12)
        except ValueError:
            return False
    # The reference's in-memory engine computes int ** int with Python's `**`, which can give
    # an int although the language says the result is a float; accept the equal number.
    if type(actual) is int and "." in expected:
        return float(expected) == actual
    return expected == render(actual)


def load_namespace():
    ns = {}
    exec(compile((SPEC / "tables.py").read_text(), "spec_tables.py", "exec"), ns)
    return ns


def run_case(ns, blocks):
    tables = {"e": ns["e"], "p": ns["p"]}
    # Tables a case does not give are empty.
    data = {ns["e"]._qm_node: [], ns["p"]._qm_node: []}
    for name, (kind, cols, rows) in parse_tables(blocks["tables"][1]).items():
        frame = tables[name]
        schema = frame._qm_node.schema
        col_names = schema.column_names
        for c in cols[1:]:
            assert c in col_names, f"unknown column {name}.{c}"
        records = []
        for row in rows:
            values = dict(zip(cols, row))
            rec = [int(values["patient_id"])]
            for c in col_names:
                rec.append(cell_value(values.get(c, ""), schema.get_column_type(c)))
            records.append(rec)
        data[frame._qm_node] = records
    env = dict(ns)
    exec("from ehrql import *", env)
    exec("from ehrql.codes import *", env)
    if "ehrql" in blocks:
        dataset = ehrql.create_dataset()
        dataset.define_population(env["e"].exists_for_patient() | env["p"].exists_for_patient())
        series = eval("\n".join(blocks["ehrql"][1]).strip(), env)
        dataset.value = series
    else:
        exec("\n".join(blocks["ehrql definition"][1]), env)
        dataset = env["dataset"]
    engine = InMemoryQueryEngine(InMemoryDatabase(data))
    results = sorted(engine.get_results(dataset._compile()), key=lambda r: r[0])
    if "ehrql" in blocks:
        check_types(series._type, results)
    return results


def check_types(typ, results):
    """Every non-NULL value has the expression's type (codes as their primitive strings)."""
    if hasattr(typ, "_primitive_type"):
        typ = typ._primitive_type()
    for row in results:
        value = row[1]
        # int ** int: see `same` below.
        quirk = typ is float and type(value) is int
        if value is not None and not isinstance(value, typ) and not quirk:
            raise AssertionError(f"value {value!r} is not a {typ.__name__}")


def compare(results, expected_body):
    header = split_row(expected_body[0])
    rows = [split_row(line) for line in expected_body[1:] if line.strip()]
    got = [list(r) for r in results]
    if len(got) != len(rows):
        return f"expected {len(rows)} rows, got {len(got)}: {[[render(v) for v in r] for r in got]}"
    for exp, act in zip(rows, got):
        if len(exp) != len(act) or not all(same(x, y) for x, y in zip(exp, act)):
            return f"row {exp} != {[render(v) for v in act]} (columns {header})"
    return None


def main(argv):
    files = [pathlib.Path(a) for a in argv] or sorted(SPEC.glob("[0-9]*/*.md"))
    ns = load_namespace()
    passed = failed = 0
    for path in files:
        for title, line, blocks in parse_file(path):
            try:
                problem = compare(run_case(ns, blocks), blocks["expected"][1])
            except Exception as exc:  # a case that does not even run is a failure
                problem = f"{type(exc).__name__}: {exc}"
            if problem:
                failed += 1
                print(f"FAIL {path.relative_to(SPEC.parent)}:{line}: {title}\n    {problem}")
            else:
                passed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
