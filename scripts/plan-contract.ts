/**
 * The two committed artifacts made from the TypeBox schema in schema.ts:
 * `schemas/plan.schema.json` (for users and editors) and
 * `src/plan/plan-validator.generated.js` (ajv's standalone validator, so that
 * the CLI does not load TypeBox nor compile the schema at every start).
 * A build-time tool, not part of the shipped program: `npm run build` writes
 * both (`node dist/scripts/plan-contract.js`); a unit test checks that the
 * committed files are current.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { PlanFileSchema, planJsonSchema } from '../src/plan/schema.js';
import { packageRoot, planSchemaPath } from '../src/package-root.js';

/**
 * Options of the plan validator. `unicode: false` counts string lengths in
 * UTF-16 units, which keeps the standalone code free of a runtime `require`;
 * every grammar is ASCII, so for any value it accepts the two counts agree.
 */
export const PLAN_VALIDATOR_OPTIONS = { allErrors: true, verbose: true, strict: true, allowUnionTypes: true, unicode: false, logger: false } as const;

const standaloneCode = ((standaloneModule as unknown as { default?: unknown }).default ?? standaloneModule) as (
  ajv: Ajv,
  validate: ReturnType<Ajv['compile']>,
) => string;

/** Text of `schemas/plan.schema.json`. */
export function planSchemaText(): string {
  return `${JSON.stringify(planJsonSchema(), null, 2)}\n`;
}

/** Text of the standalone validator module. */
export function planValidatorText(): string {
  const ajv = new Ajv({ ...PLAN_VALIDATOR_OPTIONS, code: { source: true, esm: true, lines: true } });
  const validate = ajv.compile(PlanFileSchema);
  const code = standaloneCode(ajv, validate);
  if (code.includes('require(')) throw new Error('internal error: the standalone validator needs a runtime require');
  return `// Generated from src/plan/schema.ts by scripts/plan-contract.ts: do not edit.\n${code}\n`;
}

/** Where the two artifacts live. */
export function planContractPaths(): { schema: string; validator: string } {
  return {
    schema: planSchemaPath(),
    validator: join(packageRoot(), 'src', 'plan', 'plan-validator.generated.js'),
  };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const paths = planContractPaths();
  writeFileSync(paths.schema, planSchemaText());
  writeFileSync(paths.validator, planValidatorText());
}
