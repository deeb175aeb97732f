#!/usr/bin/env bash
# Regenerates the two locks from pyproject.toml and requirements/build.in, pinned with hashes:
#   requirements/ci.lock       every runtime, `aws` extra and test dependency (CI, the README's test command)
#   requirements/runtime.lock  the runtime dependencies only (the Action installs these), compiled
#                              against ci.lock as a constraint so every pin is identical to CI's
# Needs pip-tools (pip install pip-tools). Extras stay in the pins (`coverage[toml]==...`): pip's
# hash-checking mode cannot match a dependency's `coverage[toml]>=...` to a pin written without them,
# and picked the newest release instead (CI broke when coverage 7.18.0 came out).
set -euo pipefail
cd "$(dirname "$0")/../requirements"
python3 -m piptools compile --quiet --generate-hashes --allow-unsafe --no-strip-extras --extra test --extra aws \
  --no-emit-index-url --no-emit-find-links --output-file ci.lock ../pyproject.toml build.in
python3 -m piptools compile --quiet --generate-hashes --allow-unsafe --no-strip-extras \
  --no-emit-index-url --no-emit-find-links --constraint ci.lock --output-file runtime.lock ../pyproject.toml build.in
