/**
 * The semantic difference of two `edpm_update_services` roles, as read by
 * the reader: what a node runs (the includes: role, task file, condition, in
 * order; `become`), what a user selects (tags), the packages step and the
 * prune. Wording, key order, quoting and comments do not count.
 *
 * Tags are compared on the tags the first role uses anywhere: a tag it never
 * carries cannot change what its users select, so a tag only the second one
 * adds (`edpm_update`, say) is not a difference; a tag the first carries on an
 * include and the second not (or the reverse) is. Tags under `apply` are not
 * compared: they decide whether the included tasks see a selection, which
 * the generated role always passes on (a documented fix).
 */
import type { IncludeFact, RolePosition, ServicesRoleFacts } from './services-role-reader.js';

/** One difference: at a place of either role (or both). */
export interface SemanticDifference {
  readonly aspect: 'include' | 'order' | 'become' | 'tags' | 'prune' | 'packages';
  readonly left: RolePosition | null;
  readonly right: RolePosition | null;
  readonly message: string;
}

const describe = (i: IncludeFact): string => `${i.role} ${i.tasksFrom}.yml ${i.serviceType === null ? 'on every node' : `when ${i.serviceType} runs`}`;
const keyOf = (i: IncludeFact): string => `${i.role}\u0000${i.tasksFrom}\u0000${i.serviceType ?? ''}`;

/** The differences of `right` from `left` (e.g. left: hand-written, right: generated), in the order of `left`. */
export function semanticDiff(left: ServicesRoleFacts, right: ServicesRoleFacts): SemanticDifference[] {
  const out: SemanticDifference[] = [];
  const pairs = alignIncludes(left.includes, right.includes);
  const rightKeys = new Set(right.includes.map(keyOf));
  const leftKeys = new Set(left.includes.map(keyOf));
  for (const [l, r] of pairs) {
    if (l !== null && r === null) {
      const moved = rightKeys.has(keyOf(l));
      out.push({ aspect: moved ? 'order' : 'include', left: l.at, right: null, message: moved ? `${describe(l)}: in another order` : `${describe(l)}: missing` });
      continue;
    }
    if (l === null && r !== null) {
      if (leftKeys.has(keyOf(r))) continue; // reported once, as an order difference of the left one
      out.push({ aspect: 'include', left: null, right: r.at, message: `${describe(r)}: extra` });
      continue;
    }
    if (l === null || r === null) continue;
    if (l.become !== r.become) out.push({ aspect: 'become', left: l.at, right: r.at, message: `${describe(l)}: become ${String(l.become)}, then ${String(r.become)}` });
    const tagDiff = compareTags(l.tags, r.tags, left.tagsUsed);
    if (tagDiff !== null) out.push({ aspect: 'tags', left: l.at, right: r.at, message: `${describe(l)}: ${tagDiff}` });
  }

  const lp = left.prune;
  const rp = right.prune;
  if (lp === null && rp !== null) out.push({ aspect: 'prune', left: null, right: rp.at, message: 'prune: extra' });
  else if (lp !== null && rp === null) out.push({ aspect: 'prune', left: lp.at, right: null, message: 'prune: missing' });
  else if (lp !== null && rp !== null) {
    if (lp.images !== rp.images || lp.volumes !== rp.volumes) {
      out.push({ aspect: 'prune', left: lp.at, right: rp.at, message: `prune: images ${String(lp.images)}, volumes ${String(lp.volumes)}, then images ${String(rp.images)}, volumes ${String(rp.volumes)}` });
    }
    if (lp.become !== rp.become) out.push({ aspect: 'become', left: lp.at, right: rp.at, message: `prune: become ${String(lp.become)}, then ${String(rp.become)}` });
    const tagDiff = compareTags(lp.tags, rp.tags, left.tagsUsed);
    if (tagDiff !== null) out.push({ aspect: 'tags', left: lp.at, right: rp.at, message: `prune: ${tagDiff}` });
  }

  const lists: [string, 'essentialPackages' | 'alwaysExcluded'][] = [
    ['essential packages (default of edpm_update_services_include_packages)', 'essentialPackages'],
    ['packages always excluded', 'alwaysExcluded'],
  ];
  for (const [label, key] of lists) {
    const l = left[key];
    const r = right[key];
    const ls = [...(l?.packages ?? [])].sort();
    const rs = [...(r?.packages ?? [])].sort();
    if (ls.join('\n') !== rs.join('\n')) {
      out.push({ aspect: 'packages', left: l?.at ?? null, right: r?.at ?? null, message: `${label}: [${ls.join(', ')}], then [${rs.join(', ')}]` });
    }
  }
  return out;
}

function compareTags(left: readonly string[], right: readonly string[], used: ReadonlySet<string>): string | null {
  const l = new Set(left.filter((t) => used.has(t)));
  const r = new Set(right.filter((t) => used.has(t)));
  const lost = [...l].filter((t) => !r.has(t)).sort();
  const gained = [...r].filter((t) => !l.has(t)).sort();
  if (lost.length === 0 && gained.length === 0) return null;
  return [lost.length > 0 ? `tags ${lost.join(', ')} missing` : null, gained.length > 0 ? `tags ${gained.join(', ')} added` : null].filter((x) => x !== null).join('; ');
}

/** Longest common subsequence of the two include lists by (role, task file, condition), as aligned pairs. */
function alignIncludes(left: readonly IncludeFact[], right: readonly IncludeFact[]): [IncludeFact | null, IncludeFact | null][] {
  const n = left.length;
  const m = right.length;
  const lk = left.map(keyOf);
  const rk = right.map(keyOf);
  const table = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i]![j] = lk[i] === rk[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const out: [IncludeFact | null, IncludeFact | null][] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && lk[i] === rk[j]) out.push([left[i++]!, right[j++]!]);
    else if (j < m && (i >= n || table[i]![j + 1]! >= table[i + 1]![j]!)) out.push([null, right[j++]!]);
    else out.push([left[i++]!, null]);
  }
  return out;
}

/** One line per difference: `left-place: right-place: aspect: message`. */
export function formatDifference(d: SemanticDifference): string {
  const place = (p: RolePosition | null): string => (p === null ? '-' : `${p.file}:${p.line}`);
  return `${place(d.left)}: ${place(d.right)}: ${d.aspect}: ${d.message}`;
}
