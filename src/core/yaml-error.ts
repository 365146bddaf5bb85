/**
 * The wording of a YAML parse error of a file a person gives (a plan, an
 * inventory, a hand-written role's task file): the parser's first line,
 * except where it speaks to a programmer rather than to the author of the
 * file (a second document: "please use YAML.parseAllDocuments()").
 */

/** `invalid YAML: ...` for one parse error; `what` names the file's kind (`a plan file`). */
export function yamlErrorMessage(error: { readonly code?: string; readonly message: string }, what: string): string {
  if (error.code === 'MULTIPLE_DOCS') return `invalid YAML: a second document starts here (a --- line after content); ${what} is one YAML document: remove the --- line or split the file`;
  return `invalid YAML: ${error.message.split('\n')[0] ?? error.message}`;
}
