#!/usr/bin/env bash
# Regenerates the two locks from pyproject.toml and requirements/build.in, pinned with hashes:
#   requirements/ci.lock       every runtime, `aws` extra and test dependency (CI, the README's test command)
#   requirements/runtime.lock  the runtime dependencies only (the Action installs these), compiled
#                              against ci.lock as a constraint so every pin is identical to CI's
# Needs pip-tools (pip install pip-tools).
set -euo pipefail
cd "$(dirname "$0")/../requirements"
python3 -m piptools compile --quiet --generate-hashes --allow-unsafe --extra test --extra aws --strip-extras \
  --no-emit-index-url --no-emit-find-links --output-file ci.lock ../pyproject.toml build.in
python3 -m piptools compile --quiet --generate-hashes --allow-unsafe --strip-extras \
  --no-emit-index-url --no-emit-find-links --constraint ci.lock --output-file runtime.lock ../pyproject.toml build.in
