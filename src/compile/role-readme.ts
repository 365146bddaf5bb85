/**
 * README.md of a generated role, written from the model with Handlebars
 * templates (layout and prose only; values come in as data):
 * `templates/readme/role-readme.md.hbs` for the page, and each role's own
 * `templates/readme/<role>-steps.md.hbs` for what the role does.
 */
import type Handlebars from 'handlebars';
import HandlebarsRuntimeModule from 'handlebars/runtime.js';
import { UPDATE_TAG } from '../model/roles.js';
import compiledTemplates from './readme-templates.generated.js';
import { typeLabel, type RoleVariable } from './role-variable.js';

/** Handlebars' runtime (its module's types do not say what it exports: the same API as the whole package, less the compiler). */
const HandlebarsRuntime = HandlebarsRuntimeModule as unknown as typeof Handlebars;
/** A template compiled ahead of time. */
type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

/** The README rows of the two tags every task of a role carries. */
export function roleTagRows(role: string): { name: string; selects: string }[] {
  return [
    { name: UPDATE_TAG, selects: 'every task of both update roles' },
    { name: role, selects: 'every task of this role' },
  ];
}

/** The steps section of a role's README: its template (in templates/readme/) and the values it shows. */
export interface ReadmeSteps {
  readonly template: string;
  readonly data: Record<string, unknown>;
}

/** The "Rolling out" section of a rolled-out phase. */
export interface RolloutReadme {
  /** The playbook's default `serial`, as written. */
  readonly serial: string;
  readonly serialVariable: string;
  readonly maxFailVariable: string;
  /** The failure budget in words. */
  readonly budget: string;
  /** The budget is a positive number of nodes (turned into a percentage of the largest batch). */
  readonly budgetInNodes: boolean;
  /** Named canary nodes, comma-separated, or empty. */
  readonly namedCanary: string;
  readonly rolloutIdVariable: string;
  /** The local fact recording progress. */
  readonly fact: string;
  readonly service: string;
}

/** What the README of a role says. */
export interface RoleReadme {
  readonly role: string;
  readonly summary: string;
  readonly phaseNumber: number;
  readonly collection: string;
  readonly playbook: string;
  readonly serviceType: string;
  readonly exampleTitle: string;
  readonly steps: ReadmeSteps;
  /** Mermaid flowchart lines of the role's phases. */
  readonly diagram: readonly string[];
  readonly variables: readonly RoleVariable[];
  readonly tags: readonly { readonly name: string; readonly selects: string }[];
  /** The "Rolling out" section; null when the plan does not roll this phase out. */
  readonly rollout: RolloutReadme | null;
}

let handlebars: typeof Handlebars | undefined;
const templates = new Map<string, Handlebars.TemplateDelegate>();

/** Inline Markdown code. */
const code = (s: string): string => `\`${s}\``;

/**
 * The Handlebars instance of the READMEs: helpers `inc`, `code`, `codeList`,
 * partial `gather-facts-step`. Only Handlebars' runtime is loaded: the
 * templates were compiled at build time (scripts/readme-templates.ts).
 */
function readmeHandlebars(): typeof Handlebars {
  if (handlebars === undefined) {
    const hb = HandlebarsRuntime.create();
    hb.registerHelper('inc', (n: number) => n + 1);
    hb.registerHelper('code', (s: string) => code(s));
    hb.registerHelper('codeList', (items: readonly string[]) => (items.length === 0 ? '(none)' : items.map(code).join(', ')));
    hb.registerPartial('gather-facts-step', hb.template(compiledTemplate('gather-facts-step.md.hbs')));
    handlebars = hb;
  }
  return handlebars;
}

/** A template of templates/readme/, as compiled at build time. */
function compiledTemplate(name: string): TemplateSpecification {
  const spec = (compiledTemplates as Readonly<Record<string, TemplateSpecification>>)[name];
  if (spec === undefined) throw new Error(`internal error: no README template ${name} (run npm run build)`);
  return spec;
}

function readmeTemplate(name: string): Handlebars.TemplateDelegate {
  let template = templates.get(name);
  if (template === undefined) {
    template = readmeHandlebars().template(compiledTemplate(name));
    templates.set(name, template);
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
  const steps = readmeTemplate(readme.steps.template)(readme.steps.data);
  return readmeTemplate('role-readme.md.hbs')({ ...readme, steps, variables, rollout: readme.rollout ?? false, diagram: readme.diagram.join('\n') }).replace(/\n{3,}/gu, '\n\n');
}

/** A Mermaid node: an id and a quoted label (labels are made of grammar-checked names and fixed words only). */
export function diagramNode(id: string, label: string, shape: 'box' | 'decision' = 'box'): string {
  if (!/^[A-Za-z0-9_ .,:()+-]*$/u.test(label)) throw new Error(`internal error: diagram label ${JSON.stringify(label)} has characters Mermaid could read`);
  return shape === 'box' ? `${id}["${label}"]` : `${id}{"${label}"}`;
}

/** A default value written on one line, as in YAML flow style. */
export function inlineValue(value: unknown): string {
  if (typeof value === 'string') return value === '' ? '""' : value;
  if (Array.isArray(value)) return `[${value.map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v))).join(', ')}]`;
  return JSON.stringify(value);
}
