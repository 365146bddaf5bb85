#!/usr/bin/env bash
# npm run build: install the npm dependencies when needed, compile the tool,
# and build the roles from the built-in plan into dist-roles/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/node-deps.sh
npx --no-install tsc -p tsconfig.json
node dist/src/cli/main.js schema > schemas/plan.schema.json.tmp && mv schemas/plan.schema.json.tmp schemas/plan.schema.json
node dist/src/cli/main.js build "$@"
