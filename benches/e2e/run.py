#!/usr/bin/env python3
"""End-to-end benchmark: `ehrql generate-dataset` beside the hand-written DuckDB query.

For each patient count N: generate the benchmark tables once into a cache
(CACHE/N/csv, then CACHE/N/parquet via `duckdb_bench.py to-parquet`), then run
fresh processes, RUNS rounds, of

    ehrql generate-dataset dataset_definition.py --dummy-tables DIR --output OUT.csv
    python duckdb_bench.py run DIR codelists OUT.csv --format FMT

on the CSV and the Parquet tables (both from the bench kit folder, so the
definition's codelist paths resolve), timing each with /usr/bin/time (wall,
user+sys CPU, peak RSS). Prints a Markdown table of medians, ours beside
DuckDB's, and checks that our output equals DuckDB's byte for byte.

Standard library only; the Python that runs duckdb_bench.py needs `duckdb`.
See benches/e2e/README.md.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TABLES = ["patients", "practice_registrations", "clinical_events", "medications", "ons_deaths"]
ENGINES = {"ours": "ehrql generate-dataset", "duckdb": "DuckDB, hand-written"}


def default_kit():
    for p in (REPO.parent / "shared" / "bench", Path("/work/shared/bench")):
        if (p / "dataset_definition.py").exists():
            return p
    return REPO.parent / "shared" / "bench"


def default_ehrql():
    targets = [os.environ.get("CARGO_TARGET_DIR"), REPO / "target", "/work/target-shared"]
    paths = [Path(t) / "release" / "ehrql" for t in targets if t]
    return next((p for p in paths if p.is_file()), paths[0])


def default_python():
    for p in (Path("/work/benchvenv/bin/python"),):
        if p.exists():
            return str(p)
    return sys.executable


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def generator_command(args):
    """The command that writes the tables: ours if we can get an optimised build of it,
    else the Python script (same bytes, about ten times slower)."""
    if args.python_gen:
        return [sys.executable, str(args.kit / "gen_bench_data.py")], False
    candidates = [args.generator] if args.generator else []
    candidates.append(args.ehrql.parent / "ehrql-bench-gen")
    candidates.append(args.cache / "bin" / "ehrql-bench-gen")
    for c in candidates:
        if c and Path(c).is_file():
            return [str(c)], True
    # No release build around: compile the std-only source on its own with rustc -O.
    out = args.cache / "bin" / "ehrql-bench-gen"
    out.parent.mkdir(parents=True, exist_ok=True)
    src = REPO / "src" / "bin" / "ehrql-bench-gen.rs"
    if shutil.which("rustc"):
        log(f"building {out} from {src} with rustc -O")
        r = subprocess.run(["rustc", "-O", "--edition", "2021", str(src), "-o", str(out)])
        if r.returncode == 0:
            return [str(out)], True
    log("no Rust generator; falling back to gen_bench_data.py")
    return [sys.executable, str(args.kit / "gen_bench_data.py")], False


def prepare(args, n):
    """CACHE/N/csv and CACHE/N/parquet, made once; marker files record the seed."""
    base = args.cache / str(n)
    csv_dir, pq_dir = base / "csv", base / "parquet"
    stamp = f"patients={n} seed={args.seed}\n"
    # Markers sit beside the table folders, not in them, so the folders hold tables only.
    marker, pq_marker = base / ".csv-complete", base / ".parquet-complete"
    if not (marker.exists() and marker.read_text() == stamp):
        cmd, is_rust = generator_command(args)
        cmd += ["--patients", str(n), "--out", str(csv_dir), "--seed", str(args.seed)]
        cmd += ["--codelists", str(args.kit / "codelists")]
        log("generating: " + " ".join(cmd))
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=sys.stderr)
        log(f"  generated in {time.perf_counter() - t0:.1f}s")
        marker.write_text(stamp)
        if pq_marker.exists():
            pq_marker.unlink()
    if "parquet" in args.formats and not pq_marker.exists():
        cmd = [args.python, str(args.kit / "duckdb_bench.py"), "to-parquet", str(csv_dir), str(pq_dir)]
        log("converting: " + " ".join(cmd))
        subprocess.run(cmd, check=True, stderr=subprocess.DEVNULL)
        pq_marker.write_text(stamp)
    return {"csv": csv_dir, "parquet": pq_dir}


def command(args, engine, data_dir, fmt, out):
    if engine == "ours":
        return [str(args.ehrql), "generate-dataset", "dataset_definition.py",
                "--dummy-tables", str(data_dir), "--output", str(out)]
    cmd = [args.python, "duckdb_bench.py", "run", str(data_dir), "codelists", str(out),
           "--format", fmt]
    if args.threads:
        cmd += ["--threads", str(args.threads)]
    return cmd


def timed(cmd, cwd):
    """Runs `cmd` under /usr/bin/time; returns (wall s, user+sys s, peak RSS MB) or an error."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        full = ["/usr/bin/time", "-f", "%e %U %S %M", "-o", tf.name] + cmd
        r = subprocess.run(full, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           text=True)
        if r.returncode != 0:
            tail = "\n".join(r.stderr.strip().splitlines()[-5:])
            return None, f"exit {r.returncode}: {tail}"
        fields = tf.read().split()[-4:]
    wall, user, sys_, rss_kb = (float(x) for x in fields)
    return (wall, user + sys_, rss_kb / 1024), None


def warm(data_dir):
    """Reads the inputs once so every timed run sees a warm page cache."""
    for f in sorted(Path(data_dir).iterdir()):
        if f.is_file():
            with open(f, "rb") as fh:
                while fh.read(1 << 24):
                    pass


def mismatches(a, b):
    """0 when the files are byte-identical, else the number of differing lines (rows)."""
    if not (a.exists() and b.exists()):
        return None
    if a.read_bytes() == b.read_bytes():
        return 0
    la, lb = a.read_bytes().split(b"\n"), b.read_bytes().split(b"\n")
    return sum(x != y for x, y in zip(la, lb)) + abs(len(la) - len(lb))


def fmt_cell(samples):
    if not samples:
        return "—"
    wall = statistics.median(s[0] for s in samples)
    cpu = statistics.median(s[1] for s in samples)
    rss = statistics.median(s[2] for s in samples)
    return f"{wall:.2f} s / {cpu:.2f} s / {rss:.0f} MB"


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000],
                   help="patient counts (default: 100000 1000000)")
    p.add_argument("--with-5m", action="store_true", help="also 5,000,000 patients")
    p.add_argument("--ehrql", type=Path, default=default_ehrql(),
                   help="our binary (default: $CARGO_TARGET_DIR or target, /release/ehrql)")
    p.add_argument("--engines", default="ours,duckdb", help="comma list of: ours, duckdb")
    p.add_argument("--formats", default="csv,parquet", help="comma list of: csv, parquet")
    p.add_argument("--runs", type=int, default=3, help="fresh processes per cell (median)")
    p.add_argument("--cache", type=Path,
                   default=Path(os.environ.get("EHRQL_BENCH_DATA", "/work/benchdata")),
                   help="where generated tables and outputs live (outside the repo)")
    p.add_argument("--kit", type=Path, default=default_kit(),
                   help="folder with dataset_definition.py, duckdb_bench.py, codelists/")
    p.add_argument("--python", default=default_python(), help="a Python with duckdb")
    p.add_argument("--generator", type=Path, help="ehrql-bench-gen binary to use")
    p.add_argument("--python-gen", action="store_true", help="generate with gen_bench_data.py")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--threads", type=int, default=0, help="DuckDB threads (default: all)")
    p.add_argument("--dry-run", action="store_true",
                   help="prepare the data, print the timed commands, run none of them")
    args = p.parse_args(argv)
    args.kit = args.kit.resolve()
    args.cache = args.cache.resolve()
    args.ehrql = args.ehrql.resolve()
    args.formats = [f for f in args.formats.split(",") if f]
    engines = [e for e in args.engines.split(",") if e]
    for e in engines:
        if e not in ENGINES:
            p.error(f"unknown engine {e}")
    sizes = args.sizes + ([5_000_000] if args.with_5m and 5_000_000 not in args.sizes else [])
    if "ours" in engines and not args.dry_run and not args.ehrql.is_file():
        p.error(f"{args.ehrql} not found (build it, or pass --ehrql, or --engines duckdb)")

    load_before = os.getloadavg()[0]
    results = {}  # (engine, fmt, n) -> [samples]
    errors = {}
    checks = []
    for n in sizes:
        dirs = prepare(args, n)
        out_dir = args.cache / str(n) / "out"
        out_dir.mkdir(parents=True, exist_ok=True)
        for fmt in args.formats:
            if not args.dry_run:
                warm(dirs[fmt])
            for r in range(args.runs):
                # Rounds interleave the engines, so drift in the machine hits both alike.
                for engine in engines:
                    out = out_dir / f"{engine}-{fmt}.csv"
                    cmd = command(args, engine, dirs[fmt], fmt, out)
                    if args.dry_run:
                        if r == 0:
                            print(f"(cd {args.kit} && {' '.join(cmd)})")
                        continue
                    if (engine, fmt, n) in errors:
                        continue
                    sample, err = timed(cmd, args.kit)
                    if err:
                        errors[(engine, fmt, n)] = err
                        log(f"{engine} {fmt} {n}: FAILED {err}")
                        continue
                    results.setdefault((engine, fmt, n), []).append(sample)
                    log(f"{engine:6} {fmt:7} {n:>8}: {sample[0]:.2f} s wall, "
                        f"{sample[1]:.2f} s cpu, {sample[2]:.0f} MB")
            if not args.dry_run and {"ours", "duckdb"} <= set(engines):
                ours, duck = out_dir / f"ours-{fmt}.csv", out_dir / f"duckdb-{fmt}.csv"
                if (("ours", fmt, n) not in errors) and (("duckdb", fmt, n) not in errors):
                    checks.append((n, fmt, mismatches(ours, duck)))
    if args.dry_run:
        return 0

    duck_version = subprocess.run(
        [args.python, "-c", "import duckdb; print(duckdb.__version__)"],
        capture_output=True, text=True).stdout.strip()
    print(f"\nMedians of {args.runs} fresh processes, page cache warm; "
          "wall / CPU user+sys / peak RSS.")
    # A busy machine inflates wall time (towards CPU time, on 2 cores), so say how busy.
    print(f"{os.cpu_count()} cores; 1-minute load average {load_before:.2f} before, "
          f"{os.getloadavg()[0]:.2f} after; DuckDB {duck_version or '?'}"
          + (f"; {args.ehrql}" if "ours" in engines else "") + ".\n")
    print("| engine | input | " + " | ".join(f"{n:,} patients" for n in sizes) + " |")
    print("|---|---|" + "---|" * len(sizes))
    for fmt in args.formats:
        for engine in engines:
            cells = []
            for n in sizes:
                if (engine, fmt, n) in errors:
                    cells.append("failed")
                else:
                    cells.append(fmt_cell(results.get((engine, fmt, n))))
            label = "CSV" if fmt == "csv" else "Parquet"
            print(f"| {ENGINES[engine]} | {label} | " + " | ".join(cells) + " |")
    if {"ours", "duckdb"} <= set(engines):
        print("\nCPU ratio ours / DuckDB (median user+sys): " + ", ".join(
            f"{n:,} {fmt}: {statistics.median(s[1] for s in results[('ours', fmt, n)]) / statistics.median(s[1] for s in results[('duckdb', fmt, n)]):.2f}"
            for n in sizes for fmt in args.formats
            if results.get(("ours", fmt, n)) and results.get(("duckdb", fmt, n))
        ))
        print("\nOutput check, ours vs DuckDB (differing rows; 0 = byte-identical):")
        for n, fmt, m in checks:
            print(f"- {n:,} patients, {fmt}: {'missing output' if m is None else m}")
    for (engine, fmt, n), err in errors.items():
        print(f"\n{engine} {fmt} {n}: {err}")
    print("\nCommands (from " + str(args.kit) + "):")
    for engine in engines:
        print("    " + " ".join(command(args, engine, "DATA_DIR", "FMT", "OUT.csv")))
    return 1 if errors or any(m for _, _, m in checks) else 0


if __name__ == "__main__":
    sys.exit(main())
