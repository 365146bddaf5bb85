import { describeGeneratedRoles } from '../support/generated-cases.js';

// The generated roles of the example plans, and of the rollout fixture of
// both phases, read by the real Ansible tools (test/support/generated-cases.ts;
// the built-in plan's: generated-roles.test.ts).
describeGeneratedRoles('minimal plan');
describeGeneratedRoles('downstream plan');
describeGeneratedRoles('rollout plan (canary, waves, failure budget)');
describeGeneratedRoles('rollout plan with a budget in nodes');
describeGeneratedRoles('rollout plan of both phases (update.yml: a play per phase)');
