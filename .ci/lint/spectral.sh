#!/usr/bin/env bash
# Lints openapi.yaml with Spectral: the OpenAPI rules and the OWASP API Security ruleset, as .spectral.yaml at the
# repository root configures them. Fails on any error (warnings are shown). The npm packages pinned in
# .ci/lint/package.json are installed into target/lint (not committed), again only when package.json changed.
set -euo pipefail
cd "$(dirname "$0")/../.."

LINT=target/lint
mkdir -p "$LINT"
if ! cmp -s .ci/lint/package.json "$LINT/package.json" || [ ! -x "$LINT/node_modules/.bin/spectral" ]; then
  cp .ci/lint/package.json "$LINT/package.json"
  (cd "$LINT" && npm install --no-audit --no-fund --loglevel=error)
fi
"$LINT/node_modules/.bin/spectral" --version
"$LINT/node_modules/.bin/spectral" lint openapi.yaml --ruleset .spectral.yaml --fail-severity error
