// kubectl explain: what a kind is for and what its fields mean, for the kinds and fields the
// model has, in kubectl's plaintext layout (KIND, VERSION, FIELD, DESCRIPTION, FIELDS).
import { kubectlErrors } from '../api/errors';
import type { KubectlEnv } from './env';
import { parseArgs } from './flags';
import { apiVersionOf } from './output/objects';
import { resolveResource, unknownResourceError } from './resources';
import { fail, ok, type CommandResult } from './result';
import type { Field } from './explain.fields';
import { schemas } from './explain.schemas';

const fieldLine = (name: string, field: Field) => `  ${name}\t<${field.type}>${field.required ? ' -required-' : ''}\n    ${field.text}\n`;

export function kubectlExplain(_env: KubectlEnv, args: string[]): CommandResult {
  const parsed = parseArgs(args, [
    { name: 'recursive', type: 'bool' },
    { name: 'api-version', type: 'string' },
  ]);
  if ('error' in parsed) return fail(parsed.error);
  const [target] = parsed.positional;
  if (!target) return fail(kubectlErrors.explainRequiresType());
  const [resourceName, ...path] = target.split('.');
  const type = resolveResource(resourceName);
  const root = type && Object.hasOwn(schemas, type.kind) ? schemas[type.kind] : undefined;
  if (!type || !root) return fail(unknownResourceError(resourceName));
  let field = root;
  let name = '';
  for (const part of path) {
    const next = field.fields && Object.hasOwn(field.fields, part) ? field.fields[part] : undefined;
    if (!next) return fail(kubectlErrors.noSuchField(part));
    field = next;
    name = part;
  }
  const lines = [`KIND:       ${type.kind}`, `VERSION:    ${apiVersionOf(type.kind)}`, ''];
  if (name) lines.push(`FIELD: ${name} <${field.type}>`, '');
  lines.push('DESCRIPTION:', `    ${field.text}`, '    ');
  let text = `${lines.join('\n')}\n`;
  if (field.fields) {
    const entries = Object.entries(field.fields).sort(([a], [b]) => a.localeCompare(b));
    if (parsed.flags.recursive === true) {
      const walk = (fields: Record<string, Field>, depth: number): string =>
        Object.entries(fields)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(
            ([key, child]) =>
              `${'  '.repeat(depth)}${key}\t<${child.type}>${child.required ? ' -required-' : ''}\n${child.fields ? walk(child.fields, depth + 1) : ''}`,
          )
          .join('');
      text += `FIELDS:\n${walk(field.fields, 1)}`;
    } else text += `FIELDS:\n${entries.map(([key, child]) => fieldLine(key, child)).join('\n')}`;
  }
  return ok(text);
}
