#!/usr/bin/env bash
# Regenerates requirements/ci.lock (every runtime and test dependency, pinned with hashes) from
# pyproject.toml and requirements/build.in. CI and the README's test command install from it.
# Needs pip-tools (pip install pip-tools).
set -euo pipefail
cd "$(dirname "$0")/../requirements"
python3 -m piptools compile --quiet --generate-hashes --allow-unsafe --extra test --strip-extras \
  --no-emit-index-url --no-emit-find-links --output-file ci.lock ../pyproject.toml build.in
