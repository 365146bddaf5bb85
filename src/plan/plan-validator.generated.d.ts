/** The standalone validator of plan files (see scripts/plan-contract.ts). */
import type { ErrorObject } from 'ajv';
import type { PlanFile } from './schema.js';

declare const validate: ((data: unknown) => data is PlanFile) & { errors?: ErrorObject[] | null };
export default validate;
