#!/usr/bin/env bash
# Runs every ehrQL action in every corpus study's project.yaml through the reference ehrQL
# (opensafely-core/ehrql), which generates dummy data and so fails on invalid ehrQL.
# Not run by CI. Needs a checkout of the reference and a venv with its requirements:
#   REFEHRQL=/work/refehrql  REFPYTHON=/work/refvenv/bin/python  (the defaults below)
# Usage: tests/corpus/check_with_reference.sh [study_name ...]
set -u
here="$(cd "$(dirname "$0")" && pwd)"
REFEHRQL="${REFEHRQL:-/work/refehrql}"
REFPYTHON="${REFPYTHON:-/work/refvenv/bin/python}"
# fixed hash seed: the reference warns (and dummy data varies) otherwise
export PYTHONHASHSEED=0
out="$(mktemp -d)"
if [ "$#" -gt 0 ]; then studies=("$@"); else studies=($(cd "$here" && ls -d */ | tr -d /)); fi
pass=0; fail=0; failed=()
for study in "${studies[@]}"; do
  yaml="$here/$study/project.yaml"
  [ -f "$yaml" ] || continue
  ok=1
  # Run on a copy: the current reference has dropped the `ehrql.tables.beta` modules that
  # ehrql:v0 studies import, so those imports are rewritten to their current names first.
  work="$out/$study"; rm -rf "$work"; cp -r "$here/$study" "$work"
  find "$work" -name '*.py' -exec sed -i -E \
    -e 's/ehrql\.tables\.beta\.raw\./ehrql.tables.raw./g' \
    -e 's/ehrql\.tables\.beta\./ehrql.tables./g' \
    -e 's/from ehrql\.tables\.beta import/from ehrql.tables import/g' {} +
  # Every action is on one `run:` line: ehrql:vN generate-xxx FILE --output PATH [-- ARGS]
  while IFS= read -r line; do
    cmd="${line#*run: ehrql:v[0-9] }"
    verb="${cmd%% *}"; rest="${cmd#* }"
    file="${rest%% *}"
    args=""
    case "$rest" in *" -- "*) args="${rest#* -- }";; esac
    log="$out/$study.$(basename "$file" .py).log"
    # shellcheck disable=SC2086
    if ! (cd "$work" && PYTHONPATH="$REFEHRQL" "$REFPYTHON" -m ehrql "$verb" "$file" \
          --output "$out/$study.$(basename "$file" .py).csv" -- $args) >"$log" 2>&1; then
      ok=0; echo "FAIL $study: $verb $file -- $args (log: $log)"; tail -n 15 "$log"
    fi
  done < <(grep -E '^\s*run: ehrql:v[0-9] generate-(dataset|measures) ' "$yaml")
  if [ $ok = 1 ]; then pass=$((pass+1)); echo "ok   $study"; else fail=$((fail+1)); failed+=("$study"); fi
done
echo "passed: $pass, failed: $fail ${failed[*]:-}"
[ "$fail" = 0 ]
