/**
 * The README templates (templates/readme/*.hbs) compiled ahead of time into
 * `src/compile/readme-templates.generated.js`, so that the program loads
 * only Handlebars' runtime and no template is compiled at run time (the
 * compiler is most of Handlebars' code, and compiling the templates was a
 * quarter of a `build` of the built-in plan). A build-time tool, not part
 * of the shipped program: `npm run build` writes the module
 * (`node dist/scripts/readme-templates.js`); a unit test checks that the
 * committed one is current.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { packageRoot } from '../src/package-root.js';

/**
 * How the templates are compiled: values are Markdown, not HTML (no
 * escaping); a missing value is an error, not an empty string; the helpers
 * src/compile/role-readme.ts registers are called directly.
 */
export const README_TEMPLATE_OPTIONS = { noEscape: true, strict: true, knownHelpers: { inc: true, code: true, codeList: true } } as const;

/** Where the templates are, and the generated module. */
export function readmeTemplatePaths(): { templates: string; module: string } {
  return {
    templates: join(packageRoot(), 'templates', 'readme'),
    module: join(packageRoot(), 'src', 'compile', 'readme-templates.generated.js'),
  };
}

/** Text of the generated module: each template's compiled form, by file name, in name order. */
export function readmeTemplatesText(): string {
  const dir = readmeTemplatePaths().templates;
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.hbs'))
    .sort();
  const entries = names.map((name) => `  ${JSON.stringify(name)}: ${String(Handlebars.precompile(readFileSync(join(dir, name), 'utf8'), README_TEMPLATE_OPTIONS))},`);
  return [
    '// Generated from templates/readme/*.hbs by scripts/readme-templates.ts: do not edit.',
    'export default {',
    ...entries,
    '};',
    '',
  ].join('\n');
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(readmeTemplatePaths().module, readmeTemplatesText());
}
