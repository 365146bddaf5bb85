/**
 * Item origins (`itemOrigin` in compile/origin.ts): the pointer is the JSON
 * pointer of the item, its member or the member's item, joined from the
 * parts the provenance map reads instead; a key a pointer would escape is
 * refused, so that the parts and the pointer cannot disagree.
 */
import { describe, expect, it } from 'vitest';
import { CONTAINER_STEPS, isItemOrigin, itemOrigin, recordListOrigins, memberOriginOf } from '../../../src/compile/origin.js';

describe('an item origin', () => {
  it('has the pointer of the item, of its member, or of an item of that member', () => {
    const at = { list: CONTAINER_STEPS, index: 7 };
    expect(itemOrigin(at, 'r').pointer).toBe('/updateServices/containerSteps/7');
    expect(itemOrigin(at, 'r', 'serviceType').pointer).toBe('/updateServices/containerSteps/7/serviceType');
    expect(itemOrigin(at, 'r', 'tasks', 2)).toEqual({ pointer: '/updateServices/containerSteps/7/tasks/2', rule: 'r', list: CONTAINER_STEPS, index: 7, member: 'tasks', memberIndex: 2 });
    // (no member: no item of one)
    expect(itemOrigin(at, 'r', null, 3).pointer).toBe('/updateServices/containerSteps/7');
  });

  it('refuses a key that a pointer escapes', () => {
    expect(() => itemOrigin({ list: '/x', index: 0 }, 'r', 'a/b')).toThrow(/not a pointer segment/u);
    expect(() => itemOrigin({ list: '/x', index: 0 }, 'r', 'a~b')).toThrow(/not a pointer segment/u);
  });

  it('is told from another origin, and is what a list copied from the plan records for its items', () => {
    expect(isItemOrigin({ pointer: '/x/0', rule: 'r' })).toBe(false);
    const list = recordListOrigins(['a', 'b'], '/updateServices/essentialPackages', 'r');
    const second = memberOriginOf(list, 1)!;
    expect(isItemOrigin(second)).toBe(true);
    expect(second.pointer).toBe('/updateServices/essentialPackages/1');
  });
});
