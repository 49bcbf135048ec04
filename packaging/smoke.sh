#!/usr/bin/env bash
# Build CRE Desk with build.spec and smoke-test the frozen app (Linux, macOS, Windows under Git Bash).
#
#   bash packaging/smoke.sh             build, then test
#   SMOKE_SKIP_BUILD=1 bash packaging/smoke.sh   test an existing dist/
#
# PyInstaller comes from $PYTHON (python -m PyInstaller) if set, else `pyinstaller` on PATH.
# Fails (exit 1) if the frozen app cannot: pass self-check, analyze a sample log, open and close the main
# window, keep its data under --home / the per-user data folder (never inside dist/).
set -uo pipefail
cd "$(dirname "$0")/.."

export QT_QPA_PLATFORM=offscreen
export PYTHONDONTWRITEBYTECODE=1
passed=0
failed=0
ok() { echo "ok   $*"; passed=$((passed + 1)); }
bad() { echo "FAIL $*"; failed=$((failed + 1)); }

# --- build --------------------------------------------------------------------------------------------
if [ "${SMOKE_SKIP_BUILD:-0}" != "1" ]; then
  if [ -n "${PYTHON:-}" ]; then PYI=("$PYTHON" -m PyInstaller); else PYI=(pyinstaller); fi
  mkdir -p build
  start=$(date +%s)
  if ! "${PYI[@]}" --noconfirm --clean build.spec >build/pyinstaller.log 2>&1; then
    tail -n 40 build/pyinstaller.log
    echo "smoke: build failed (full log: build/pyinstaller.log)"
    echo "smoke: 0 passed, 1 failed"
    exit 1
  fi
  echo "build: $(( $(date +%s) - start )) s with $("${PYI[@]}" --version) (log: build/pyinstaller.log)"
fi

# --- which binary -------------------------------------------------------------------------------------
case "$(uname -s)" in
  MINGW*|MSYS*|CYGWIN*) OS=windows; BUNDLE=dist/cre-desk
    CLI=dist/cre-desk/cre-desk-cli.exe; GUI=dist/cre-desk/cre-desk.exe ;;
  Darwin) OS=macos; BUNDLE="dist/CRE Desk.app"
    CLI="dist/CRE Desk.app/Contents/MacOS/cre-desk"; GUI="$CLI" ;;
  *) OS=linux; BUNDLE=dist/cre-desk; CLI=dist/cre-desk/cre-desk; GUI="$CLI" ;;
esac
for exe in "$CLI" "$GUI"; do
  [ -x "$exe" ] || { echo "smoke: $exe is missing"; echo "smoke: 0 passed, 1 failed"; exit 1; }
done

TMP_ROOT=$(mktemp -d)
trap 'rm -rf "$TMP_ROOT"' EXIT
find dist -type f | LC_ALL=C sort >"$TMP_ROOT/dist-before.txt"

# run_for SECONDS OUTFILE CMD...: run CMD with a time limit (no coreutils `timeout` on macOS).
run_for() {
  local limit=$1 out=$2; shift 2
  "$@" >"$out" 2>&1 &
  local pid=$! waited=0
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$waited" -ge $((limit * 10)) ]; then kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; return 124; fi
    sleep 0.1; waited=$((waited + 1))
  done
  wait "$pid"
}
show() { if [ $# -gt 0 ]; then sed 's/^/     | /' "$1"; else sed 's/^/     | /'; fi; }

# --- 0. every data file of the checkout is in the bundle ----------------------------------------------
# (a missing migration would not fail self-check: the schema would just stop at the last one present)
DATA=dist/cre-desk/_internal  # the COLLECT folder; on macOS the .app is made from it
expected=0; missing=()
while IFS= read -r f; do
  expected=$((expected + 1))
  case "$f" in
    resources/*) target="$DATA/cre_desk/resources/${f#resources/}" ;;
    *) target="$DATA/$f" ;;
  esac
  [ -f "$target" ] || missing+=("$f")
done < <(find resources cre_desk/db/migrations -type f ! -path '*/__pycache__/*' ! -name '*.pyc' ! -name '*.ts' \
           \( -path 'cre_desk/*' -o ! -name '*.py' \) ! -path 'cre_desk/db/migrations/__init__.py' | LC_ALL=C sort)
if [ "${#missing[@]}" -eq 0 ] && [ "$expected" -gt 0 ]; then
  ok "bundle holds all $expected resource and migration files of the checkout"
else
  bad "bundle lacks ${#missing[@]} of $expected data files:"; printf '%s\n' "${missing[@]}" | show
fi

# --- 1. self-check ------------------------------------------------------------------------------------
H="$TMP_ROOT/home"
if run_for 120 "$TMP_ROOT/self-check.txt" "$CLI" --home "$H" self-check; then
  ok "self-check"; show "$TMP_ROOT/self-check.txt"
  # The native log scanner must be in the bundle: without it a 1 GB log takes minutes instead of seconds.
  if grep -q "native scanner" "$TMP_ROOT/self-check.txt"; then ok "native log scanner bundled"
  else bad "the frozen app runs the pure-Python log scanner (the native module is missing)"; fi
else
  bad "self-check (exit $?)"; show "$TMP_ROOT/self-check.txt"
fi

# --- 2. analyze a sample log --------------------------------------------------------------------------
if run_for 120 "$TMP_ROOT/analyze.json" "$CLI" --home "$H" analyze resources/demo/logs/braze-android-iam-failing.log --json \
    && grep -q '"rule_id": "BRZ-04"' "$TMP_ROOT/analyze.json"; then
  ok "analyze --json found BRZ-04 in braze-android-iam-failing.log"
else
  bad "analyze --json did not report BRZ-04"; head -n 40 "$TMP_ROOT/analyze.json" | show
fi

# --- 3. open and close the main window ----------------------------------------------------------------
if run_for 90 "$TMP_ROOT/gui.txt" "$CLI" --home "$H" gui --smoke-quit-ms 3000 \
    && grep -q "^smoke: window opened" "$TMP_ROOT/gui.txt"; then
  ok "gui: $(grep '^smoke: window opened' "$TMP_ROOT/gui.txt")"
else
  bad "gui did not report 'smoke: window opened'"; show "$TMP_ROOT/gui.txt"
fi
if [ -f "$H/data/cre-desk.sqlite3" ] && [ -f "$H/logs/cre-desk.log" ]; then
  ok "data and log written under --home"
else
  bad "no database/log under --home $H"; find "$H" | show
fi
if [ "$OS" = windows ]; then  # the windowed cre-desk.exe has no console: judge it by exit code and files
  if run_for 90 "$TMP_ROOT/gui-windowed.txt" "$GUI" --home "$TMP_ROOT/home-windowed" gui --smoke-quit-ms 3000 \
      && [ -f "$TMP_ROOT/home-windowed/data/cre-desk.sqlite3" ]; then
    ok "windowed cre-desk.exe opened and closed"
  else
    bad "windowed cre-desk.exe"; show "$TMP_ROOT/gui-windowed.txt"
  fi
else  # without --home the app must use the per-user folders (platformdirs), here under a scratch HOME
  U="$TMP_ROOT/user"; mkdir -p "$U"
  run_for 90 "$TMP_ROOT/gui-default.txt" env -u CRE_DESK_HOME -u XDG_DATA_HOME -u XDG_CONFIG_HOME \
    -u XDG_STATE_HOME -u XDG_CACHE_HOME HOME="$U" "$GUI" gui --smoke-quit-ms 1000
  db=$(find "$U" -name cre-desk.sqlite3 | head -n 1)
  if grep -q "^smoke: window opened" "$TMP_ROOT/gui-default.txt" && [ -n "$db" ]; then
    ok "default data folder is per-user: ${db#"$U"/}"
  else
    bad "no per-user data folder used"; show "$TMP_ROOT/gui-default.txt"
  fi
fi

# --- 4. nothing written next to the executable --------------------------------------------------------
find dist -type f | LC_ALL=C sort >"$TMP_ROOT/dist-after.txt"
if diff -q "$TMP_ROOT/dist-before.txt" "$TMP_ROOT/dist-after.txt" >/dev/null; then
  ok "dist/ unchanged by the runs ($(wc -l <"$TMP_ROOT/dist-after.txt" | tr -d ' ') files)"
else
  bad "the app wrote into dist/:"; diff "$TMP_ROOT/dist-before.txt" "$TMP_ROOT/dist-after.txt" | show
fi

echo "size: $(du -sh "$BUNDLE" | cut -f1) $BUNDLE"
echo "smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
