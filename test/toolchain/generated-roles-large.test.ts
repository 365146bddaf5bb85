import { describeGeneratedRoles } from '../support/generated-cases.js';

// The generated roles of a plan of 300 service types read by the real
// Ansible tools (test/support/generated-cases.ts): its lint is the longest
// after the built-in plan's, so it has a file of its own, which the other
// test worker can take.
describeGeneratedRoles('large plan (300 service types)');
