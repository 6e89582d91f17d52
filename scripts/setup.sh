#!/usr/bin/env bash
# Set up appealkit in ./.venv (with the machine-translation extra) and run the main job on the shipped letters.
# torch is pinned through constraints.txt: an unpinned torch would pull gigabytes of CUDA packages.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv --clear .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -c constraints.txt -e '.[mt,dev]'

echo "== appeal glossary lint"
.venv/bin/appeal glossary lint
echo "== appeal check letters/"
.venv/bin/appeal check letters/
