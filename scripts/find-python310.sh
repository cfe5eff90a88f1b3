#!/usr/bin/env bash
# Print the path of a working Python 3.10 (Rasa 3.6 does not run on 3.11+):
# $PYTHON310 if set, a python3.10 on PATH, then pyenv's 3.10 versions.
set -u
candidates=()
[ -n "${PYTHON310:-}" ] && candidates+=("$PYTHON310")
candidates+=(python3.10)
root=$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")
for dir in $(ls -d "$root"/versions/3.10* 2>/dev/null | sort -rV); do
  candidates+=("$dir/bin/python3.10")
done
for python in "${candidates[@]}"; do
  if "$python" -c 'import sys, venv; sys.exit(sys.version_info[:2] != (3, 10))' >/dev/null 2>&1; then
    command -v "$python"
    exit 0
  fi
done
echo "No Python 3.10 found (Rasa 3.6 needs it). Install one, e.g. 'pyenv install 3.10.13'," >&2
echo "or point PYTHON310 at its interpreter." >&2
exit 1
