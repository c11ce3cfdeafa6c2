#!/usr/bin/env bash
# The contract as client developers meet it: Redocly lint, TypeScript types generated from it that must compile
# (openapi-typescript + openapi-fetch, tsc --noEmit). Tools are installed from .ci/lint/package.json into
# target/lint, never committed. .ci/run calls this after ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")/../.."

work=target/lint
mkdir -p "$work/ts"
if ! cmp -s .ci/lint/package.json "$work/package.json" || [ ! -d "$work/node_modules" ]; then
  cp .ci/lint/package.json "$work/package.json"
  (cd "$work" && npm install --no-audit --no-fund --no-package-lock --loglevel=error)
fi
bin="$work/node_modules/.bin"

echo "== Redocly lint (.redocly.yaml)"
# Clean means no warning either: each rule switched off in .redocly.yaml says why there.
"$bin/redocly" lint --config .redocly.yaml openapi.yaml 2>&1 | tee "$work/redocly-lint.txt"
if grep -Eq "You have [0-9]+ warning" "$work/redocly-lint.txt"; then
  echo "Redocly lint warns (see above): fix the contract or switch the rule off in .redocly.yaml with the reason" >&2
  exit 1
fi

echo "== TypeScript types from the contract, as a client sees it (x-internal browser pages left out)"
"$bin/redocly" bundle --config .redocly.yaml openapi.yaml --remove-unused-components --output "$work/client.yaml"
"$bin/openapi-typescript" "$work/client.yaml" --output "$work/ts/learninglog-api.d.ts"
cp .ci/lint/client-usage.ts "$work/ts/client-usage.ts"
"$bin/tsc" --noEmit --strict --target es2022 --module esnext --moduleResolution bundler --lib es2022,dom \
  --skipLibCheck "$work/ts/client-usage.ts"
echo "Contract lint and TypeScript client: OK"
