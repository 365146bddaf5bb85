#!/usr/bin/env bash
# npm run build: install the npm dependencies when needed, compile the tool,
# refresh the plan contract (schemas/plan.schema.json and the standalone
# validator) and build the roles from the built-in plan into dist-roles/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/node-deps.sh
npm run --silent compile
validator=src/plan/plan-validator.generated.js
before=$(cat "$validator" 2>/dev/null | sha256sum)
node dist/scripts/plan-contract.js
if [ "$before" != "$(sha256sum < "$validator")" ]; then
  npm run --silent compile
fi
node dist/edpm-rolegen.mjs build "$@"
