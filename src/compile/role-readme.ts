/**
 * README.md of a generated role, written from the model with a Handlebars
 * template (layout and prose only; values come in as data).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { UPDATE_TAG } from '../model/roles.js';
import { packageRoot } from '../package-root.js';
import { typeLabel, type RoleVariable } from './role-variable.js';

/** A step of the role as the README tells it. */
export interface ReadmeStep {
  readonly title: string;
  readonly text?: string;
  readonly table?: { readonly head: readonly string[]; readonly rows: readonly (readonly string[])[] };
}

/** The first step of both roles, as their READMEs tell it. */
export const GATHER_FACTS_STEP: ReadmeStep = {
  title: 'Gathers local facts',
  text: "only the local ones (`gather_subset: ['!all', '!min', 'local']`), when `ansible_local` is undefined.",
};

/** The README rows of the two tags every task of a role carries. */
export function roleTagRows(role: string): { name: string; selects: string }[] {
  return [
    { name: UPDATE_TAG, selects: 'every task of both update roles' },
    { name: role, selects: 'every task of this role' },
  ];
}

/** Inline Markdown code. */
export const code = (s: string): string => `\`${s}\``;
/** A list of inline code, or "(none)". */
export const codeList = (items: readonly string[]): string => (items.length === 0 ? '(none)' : items.map(code).join(', '));

/** What the README of a role says. */
export interface RoleReadme {
  readonly role: string;
  readonly summary: string;
  readonly phaseNumber: number;
  readonly collection: string;
  readonly playbook: string;
  readonly serviceType: string;
  readonly exampleTitle: string;
  readonly steps: readonly ReadmeStep[];
  readonly variables: readonly RoleVariable[];
  readonly tags: readonly { readonly name: string; readonly selects: string }[];
}

let template: Handlebars.TemplateDelegate | undefined;

function readmeTemplate(): Handlebars.TemplateDelegate {
  if (template === undefined) {
    const hb = Handlebars.create();
    const source = readFileSync(join(packageRoot(), 'templates', 'role-readme.md.hbs'), 'utf8');
    hb.registerHelper('inc', (n: number) => n + 1);
    template = hb.compile(source, { noEscape: true, strict: true });
  }
  return template;
}

/** Renders README.md. */
export function roleReadmeFile(readme: RoleReadme): string {
  const variables = readme.variables.map((v) => ({
    name: v.name,
    type: typeLabel(v),
    hasDefault: v.default !== undefined,
    defaultText: v.default === undefined ? '' : inlineValue(v.default),
    description: v.description.join(' '),
  }));
  const steps = readme.steps.map((s) => ({ title: s.title, text: s.text ?? '', table: s.table ?? false }));
  return readmeTemplate()({ ...readme, steps, variables }).replace(/\n{3,}/gu, '\n\n');
}

/** A default value written on one line, as in YAML flow style. */
export function inlineValue(value: unknown): string {
  if (typeof value === 'string') return value === '' ? '""' : value;
  if (Array.isArray(value)) return `[${value.map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v))).join(', ')}]`;
  return JSON.stringify(value);
}
