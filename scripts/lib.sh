# Shared set-up steps for scripts/demo and scripts/test. Sourced, not run.
# Idempotent: every step checks before it acts, so running twice does nothing new.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PY="${PYTHON:-python3}"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@";
  elif command -v sudo >/dev/null 2>&1; then sudo "$@";
  else say "need root for: $*  (run it yourself, then re-run this script)"; return 1; fi
}

# Debian packages the kiosk needs at run time (Qt's xcb and offscreen platforms,
# fonts for receipts) and for development. Installed only when one is missing.
RUNTIME_DEBS="python3-venv libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1
  libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-render-util0
  libxcb-xinerama0 libxcb-shape0 libxcb-randr0 libxcb-image0 fonts-dejavu-core espeak-ng"

ensure_debs() {
  command -v dpkg-query >/dev/null 2>&1 || { say "not Debian: install $* yourself"; return 0; }
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

ensure_python() {
  "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || {
    say "Python 3.11 or newer is needed (set PYTHON=/path/to/python3.11)"; exit 1; }
}

# Create .venv on first use; reinstall only when pyproject.toml changed.
ensure_venv() {
  local extras="$1" stamp hash
  ensure_python
  [ -x "$VENV/bin/python" ] || { say "creating $VENV"; "$PY" -m venv "$VENV"; }
  hash="$(sha256sum "$ROOT/pyproject.toml" | cut -c1-16)"
  stamp="$VENV/.installed-$hash-$extras"
  if [ ! -f "$stamp" ]; then
    say "installing kiosk[$extras] into .venv"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e "$ROOT[$extras]"
    # Stamps of an older pyproject.toml are stale; other extras of this one stay valid.
    find "$VENV" -maxdepth 1 -name '.installed-*' ! -name ".installed-$hash-*" -delete
    touch "$stamp"
  fi
}

# A PostgreSQL server for the HQ tests: use the one on 127.0.0.1:5432 if it answers,
# else install Debian's and start it. Exports KIOSK_TEST_PG_URL.
ensure_postgres() {
  if [ -n "${KIOSK_TEST_PG_URL:-}" ]; then return 0; fi
  local url="postgresql://postgres:postgres@127.0.0.1:5432/postgres"
  if ! pg_ready; then
    ensure_debs postgresql
    local version
    version="$(ls /etc/postgresql | sort -V | tail -n 1)"
    say "starting PostgreSQL $version"
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    for _ in $(seq 1 30); do pg_ready && break; sleep 1; done
    pg_ready || { say "PostgreSQL did not start on 127.0.0.1:5432"; exit 1; }
  fi
  # A fresh Debian cluster refuses password-less TCP logins: give postgres a password
  # (a no-op where the server trusts local connections, as on CI machines).
  if ! "$VENV/bin/python" - "$url" <<'PYEOF' >/dev/null 2>&1; then
import sys, psycopg
psycopg.connect(sys.argv[1], connect_timeout=5).close()
PYEOF
    say "setting a password for the postgres role (test database only)"
    as_root runuser -u postgres -- psql -q -c "ALTER ROLE postgres PASSWORD 'postgres'"
  fi
  export KIOSK_TEST_PG_URL="$url"
}

pg_ready() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h 127.0.0.1 -p 5432
  else
    (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null
  fi
}
