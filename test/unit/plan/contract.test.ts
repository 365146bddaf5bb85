import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { stringify } from 'yaml';
import { PLAN_VALIDATOR_OPTIONS, planContractPaths, planSchemaText, planValidatorText } from '../../../scripts/plan-contract.js';
import { planJsonSchema } from '../../../src/plan/schema.js';
import { parsePlan } from '../../../src/plan/load.js';
import { InputError } from '../../../src/core/diagnostics.js';
import { defaultPlanData } from '../../support/plans.js';

// The TypeScript type of plan files is derived from the TypeBox schema, so the
// two cannot drift; these tests keep the committed artifacts made from it current.
describe('the plan contract', () => {
  it('schemas/plan.schema.json is the TypeBox schema written out', () => {
    expect(readFileSync(planContractPaths().schema, 'utf8')).toBe(planSchemaText());
  });

  it('the committed standalone validator is generated from the same schema', () => {
    expect(readFileSync(planContractPaths().validator, 'utf8')).toBe(planValidatorText());
  });

  it('the published JSON Schema accepts and rejects what the loader does', () => {
    const validate = new Ajv({ ...PLAN_VALIDATOR_OPTIONS }).compile(planJsonSchema());
    const good = defaultPlanData();
    const bad = defaultPlanData();
    bad.updateServices.containerSteps[0].role = 'Not-A-Role';
    const samples = [good, bad, { updateServices: {} }, { updateServices: { containerSteps: [] }, extra: 1 }];
    for (const sample of samples) {
      let loaderAccepts = true;
      try {
        parsePlan(stringify(sample), 'p.yaml');
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        loaderAccepts = false;
      }
      expect(validate(sample)).toBe(loaderAccepts);
    }
  });
});
