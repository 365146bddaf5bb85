import { describe, expect, it } from 'vitest';
import { byKey, compareStrings } from '../../../src/core/compare.js';

describe('compareStrings', () => {
  it('orders by code units, not by locale: capitals before small letters, "_" between them', () => {
    expect(['b', 'a_b', 'B', 'ab', 'a'].sort(compareStrings)).toEqual(['B', 'a', 'a_b', 'ab', 'b']);
    // localeCompare would put 'a' before 'B'.
    expect(compareStrings('B', 'a')).toBeLessThan(0);
    expect(compareStrings('x', 'x')).toBe(0);
  });
  it('byKey orders records by one of their strings', () => {
    const items = [{ name: 'edpm_ovn' }, { name: 'edpm_nova' }, { name: 'Edpm' }];
    expect(items.sort(byKey((i) => i.name)).map((i) => i.name)).toEqual(['Edpm', 'edpm_nova', 'edpm_ovn']);
  });
});
