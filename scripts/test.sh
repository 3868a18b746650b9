#!/usr/bin/env bash
# Set up everything the test suite needs on a fresh Debian machine, then run it.
# System packages: Chromium (graph-page tests), Raptor and Jena (independent RDF parsers). Python: a .venv with kg
# installed editable plus its test extras (which bring the Oxigraph server, Playwright's client, nbclient, Dask).
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(chromium raptor2-utils libapache-jena-java default-jre-headless)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing system packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "warning: missing system packages (${missing[*]}); tests that need them will fail" >&2
  fi
fi

PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
.venv/bin/ruff check .
.venv/bin/python -m pytest -q "$@"
