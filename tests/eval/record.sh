#!/usr/bin/env bash
# Records CPython 3.13's stdout for every differential-test program under
# tests/eval/programs/ into a .out file next to it.
#
# Usage: tests/eval/record.sh            # re-record all programs
#        tests/eval/record.sh --check    # compare only; fail on any difference
#        tests/eval/record.sh FILE.py... # re-record just these programs
#
# Each program runs isolated (-I: no user site, no PYTHON* env vars; -S: no site
# import) with cwd = its own folder and PYTHONHASHSEED=0, so nothing about this
# machine leaks into the expected output. A program that exits non-zero, or
# writes anything to stderr, fails the run: the corpus only holds programs that
# finish cleanly.
set -u
PYTHON="${PYTHON:-$HOME/.pyenv/versions/3.13.0/bin/python3}"
HERE="$(cd "$(dirname "$0")" && pwd)"
check=0
files=()
for arg in "$@"; do
  case "$arg" in
    --check) check=1 ;;
    *) files+=("$(cd "$(dirname "$arg")" && pwd)/$(basename "$arg")") ;;
  esac
done
if [ ${#files[@]} -eq 0 ]; then
  while IFS= read -r f; do files+=("$f"); done < <(find "$HERE/programs" -name '*.py' | sort)
fi
if ! "$PYTHON" -c 'import sys; assert sys.version_info[:2] == (3, 13)' 2>/dev/null; then
  echo "record.sh: $PYTHON is not CPython 3.13 (set PYTHON=...)" >&2
  exit 1
fi
failed=0
count=0
tmp_out="$(mktemp)"
tmp_err="$(mktemp)"
trap 'rm -f "$tmp_out" "$tmp_err"' EXIT
for f in "${files[@]}"; do
  count=$((count + 1))
  dir="$(dirname "$f")"
  name="$(basename "$f" .py)"
  ( cd "$dir" && PYTHONHASHSEED=0 "$PYTHON" -I -S "$name.py" >"$tmp_out" 2>"$tmp_err" )
  rc=$?
  if [ $rc -ne 0 ] || [ -s "$tmp_err" ]; then
    echo "FAIL (exit $rc): ${f#"$HERE/"}" >&2
    sed 's/^/    /' "$tmp_err" >&2
    failed=$((failed + 1))
    continue
  fi
  if [ $check -eq 1 ]; then
    if ! cmp -s "$tmp_out" "$dir/$name.out"; then
      echo "DIFF: ${f#"$HERE/"}" >&2
      diff "$dir/$name.out" "$tmp_out" | head -20 | sed 's/^/    /' >&2
      failed=$((failed + 1))
    fi
  else
    cp "$tmp_out" "$dir/$name.out"
  fi
done
# An expected output whose program is gone would be silently dead weight.
while IFS= read -r out; do
  if [ ! -f "${out%.out}.py" ]; then
    echo "ORPHAN: ${out#"$HERE/"} has no program" >&2
    failed=$((failed + 1))
  fi
done < <(find "$HERE/programs" -name '*.out' | sort)
echo "record.sh: $count programs, $failed failed" >&2
[ $failed -eq 0 ]
