/**
 * The sidecar's origin rows, written as bytes (sidecar-bytes.ts), are the
 * text JSON.stringify writes for the same values: for pointers JSON writes
 * as they are and for those it escapes (a quote, a backslash, a control
 * character, non-ASCII, a lone surrogate), alone and mixed in one buffer.
 */
import { describe, expect, it } from 'vitest';
import { OriginRows } from '../../../src/provenance/sidecar-bytes.js';
import { itemOrigin } from '../../../src/compile/origin.js';

const POINTERS = [
  '',
  '/updateServices/containerSteps/12/tasks/0',
  `/updateServices/containerSteps/${String(7)}/tasks/${String(1)}`,
  '/a~1b/c~0d',
  '/say "hi"',
  '/back\\slash',
  '/tab\there',
  '/line\nbreak',
  '/\u007f',
  '/caf\u00e9',
  '/\u{1f600}',
  '/lone\ud800',
];

const expected = (rows: readonly (readonly [string, number, number, number])[]): string => rows.map((r) => `    ${JSON.stringify(r)}`).join(',\n');

describe('the origin rows of a sidecar', () => {
  for (const pointer of POINTERS) {
    it(`are JSON.stringify's text for ${JSON.stringify(pointer)}`, () => {
      const rows = new OriginRows();
      rows.add(pointer, 14, 7, 3);
      expect(rows.text()).toBe(expected([[pointer, 14, 7, 3]]));
    });
  }
  it("are JSON.stringify's text for all of them in one buffer, past its first size", () => {
    const rows = new OriginRows();
    const all: [string, number, number, number][] = [];
    // (~70,000 rows: past the buffer's first megabyte, so that it grows)
    for (let i = 0; i < 6000; i++) {
      for (const [k, pointer] of POINTERS.entries()) {
        const row: [string, number, number, number] = [`${pointer}/${i}`, i + 1, k + 1, (i * k) % 97];
        all.push(row);
        rows.add(...row);
      }
    }
    expect(rows.text()).toBe(expected(all));
  });

  it("are, for an item origin, written from its parts, JSON.stringify's text of its pointer", () => {
    const rows = new OriginRows();
    const all: [string, number, number, number][] = [];
    // Lists and members JSON writes as they are and those it escapes; indexes of one and more digits, and -1.
    const lists = ['', ...POINTERS.filter((p) => p !== '' && !p.includes('~'))];
    const members = [null, 'tasks', 'say "hi"', 'caf\u00e9', 'tab\there'];
    for (const [k, list] of lists.entries()) {
      for (const member of members) {
        for (const [index, memberIndex] of [[0, -1], [7, 0], [12, 345], [-1, 2]] as const) {
          const o = itemOrigin({ list, index }, 'r', member, memberIndex);
          const row: [string, number, number, number] = [o.pointer, index + 2, k + 1, memberIndex + 1];
          all.push(row);
          rows.addItem(o, ...(row.slice(1) as [number, number, number]));
        }
      }
    }
    expect(all.length).toBe(lists.length * members.length * 4);
    expect(rows.text()).toBe(expected(all));
  });
});

