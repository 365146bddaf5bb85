import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { README_TEMPLATE_OPTIONS, readmeTemplatePaths, readmeTemplatesText } from '../../../scripts/readme-templates.js';
import compiled from '../../../src/compile/readme-templates.generated.js';

// The README templates are compiled at build time (the program loads only
// Handlebars' runtime): the committed module must be made from the
// templates as they are now.
describe('the precompiled README templates', () => {
  it('are compiled from templates/readme/ as it is', () => {
    expect(readFileSync(readmeTemplatePaths().module, 'utf8')).toBe(readmeTemplatesText());
  });

  it('render what the templates compiled at run time render', () => {
    const data = { role: 'edpm_x', summary: 'S', phaseNumber: 1, collection: 'c.d', playbook: 'p', serviceType: 't', exampleTitle: 'E', steps: 'STEPS', diagram: 'D', variables: [], tags: [], rollout: false };
    const runtime = Handlebars.create();
    const precompiled = runtime.template(compiled['role-readme.md.hbs'] as Parameters<typeof runtime.template>[0]);
    const source = readFileSync(`${readmeTemplatePaths().templates}/role-readme.md.hbs`, 'utf8');
    expect(precompiled(data)).toBe(runtime.compile(source, README_TEMPLATE_OPTIONS)(data));
  });
});
