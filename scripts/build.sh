#!/usr/bin/env bash
# npm run build: install the npm dependencies when needed, compile the tool,
# refresh the plan contract (schemas/plan.schema.json and the standalone
# validator) and the precompiled README templates, and build the roles from
# the built-in plan into dist-roles/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/node-deps.sh
npm run --silent compile
# Generated sources: the plan validator, the precompiled README templates.
generated=(src/plan/plan-validator.generated.js src/compile/readme-templates.generated.js)
before=$(cat "${generated[@]}" 2>/dev/null | sha256sum)
node dist/scripts/plan-contract.js
node dist/scripts/readme-templates.js
if [ "$before" != "$(cat "${generated[@]}" | sha256sum)" ]; then
  npm run --silent compile
fi
node dist/edpm-rolegen.mjs build "$@"
