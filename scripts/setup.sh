#!/usr/bin/env bash
# Set up appealkit in ./.venv (with the machine-translation extra) and run the main job on the shipped letters.
# The [mt] extra is CTranslate2 + SentencePiece on the CPU: no torch, no CUDA (tests/cli/test_lean_install.py).
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv --clear .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[mt,dev]'

echo "== appeal glossary lint"
.venv/bin/appeal glossary lint
echo "== appeal check letters/"
.venv/bin/appeal check letters/
