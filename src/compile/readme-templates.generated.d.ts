/** The README templates compiled at build time (see scripts/readme-templates.ts), by file name. */
declare const templates: Readonly<Record<string, unknown>>;
export default templates;
