import { describe, expect, it } from 'vitest';
import { diagnosticAt, fileError, fileWarning, formatDiagnostic, InputError } from '../../../src/core/diagnostics.js';

describe('diagnostics', () => {
  it('formats file:line:col: severity: path: message, the path left out when empty', () => {
    expect(formatDiagnostic(diagnosticAt('plan.yaml', { line: 3, col: 7 }, 'expected a list', { path: '/updateServices/containerSteps' }))).toBe(
      'plan.yaml:3:7: error: /updateServices/containerSteps: expected a list',
    );
    expect(formatDiagnostic(fileError('plan.yaml', 'cannot read plan file'))).toBe('plan.yaml:1:1: error: cannot read plan file');
    expect(formatDiagnostic(fileWarning('roles/x', 'skipped'))).toBe('roles/x:1:1: warning: skipped');
  });
  it('carries every diagnostic in an InputError, one line each', () => {
    const err = new InputError([fileError('a', 'one'), diagnosticAt('b', { line: 2, col: 1 }, 'two', { severity: 'note' })]);
    expect(err.diagnostics).toHaveLength(2);
    expect(err.message.split('\n')).toEqual(['a:1:1: error: one', 'b:2:1: note: two']);
    expect(err).toBeInstanceOf(Error);
  });
});
