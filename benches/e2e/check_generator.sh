#!/bin/sh
# Checks that ehrql-bench-gen writes byte-identical tables to the bench kit's
# gen_bench_data.py, for each patient count and seed given (default: 1000 and
# 20000 patients, seeds 1 and 42). Exits non-zero on the first difference.
#
#   benches/e2e/check_generator.sh [GENERATOR] [KIT_DIR]
#
# GENERATOR defaults to a fresh `rustc -O` build of src/bin/ehrql-bench-gen.rs;
# KIT_DIR to ../shared/bench (or /work/shared/bench).
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gen=${1:-}
if [ -z "$gen" ]; then
    gen=$work/ehrql-bench-gen
    rustc -O --edition 2021 "$repo/src/bin/ehrql-bench-gen.rs" -o "$gen"
fi
kit=${2:-$repo/../shared/bench}
[ -f "$kit/gen_bench_data.py" ] || kit=/work/shared/bench
sizes=${SIZES:-"1000 20000"}
seeds=${SEEDS:-"1 42"}
for n in $sizes; do
    for seed in $seeds; do
        python3 "$kit/gen_bench_data.py" --patients "$n" --seed "$seed" --out "$work/py" >/dev/null
        "$gen" --patients "$n" --seed "$seed" --codelists "$kit/codelists" --out "$work/rs" >/dev/null
        for t in patients practice_registrations clinical_events medications ons_deaths; do
            cmp "$work/py/$t.csv" "$work/rs/$t.csv"
        done
        [ "$(ls "$work/py" | wc -l)" = "$(ls "$work/rs" | wc -l)" ]
        echo "patients=$n seed=$seed: all 5 tables identical"
        rm -rf "$work/py" "$work/rs"
    done
done
