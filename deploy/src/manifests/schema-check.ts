// Every rendered object against its Kubernetes (or KEDA) JSON schema, as compiled into the validators of
// the kubernetes-models packages: types, formats (quantities, ports), enums and required fields.
import { fieldFromPointer, type Problem } from '../report/problem.js';
import { modelModule } from './kubernetes-models.js';
import { labelOf, type RenderedManifest } from './rendered-manifest.js';

interface SchemaError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly message?: string;
  readonly params?: Record<string, unknown>;
}

type ModelClass = new (data: unknown) => { validate(): void };

export async function schemaProblems(manifests: readonly RenderedManifest[]): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const manifest of manifests) {
    const { apiVersion, kind } = manifest.object;
    const base = { file: manifest.file, object: labelOf(manifest) };
    if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
      problems.push({ ...base, field: typeof apiVersion !== 'string' ? 'apiVersion' : 'kind', message: 'missing' });
      continue;
    }
    const module = modelModule(apiVersion);
    const Model = module ? ((await import(module)) as Record<string, ModelClass | undefined>)[kind] : undefined;
    if (!Model) {
      problems.push({ ...base, field: 'apiVersion', message: `no schema for ${apiVersion} ${kind} (a typo, a removed API version, or a CRD the check does not know)` });
      continue;
    }
    try {
      new Model(asDecodedByTheApi(manifest.object)).validate();
    } catch (error) {
      const errors = (error as { errors?: SchemaError[] }).errors;
      if (!errors) throw error;
      problems.push(...summarise(errors).map(({ field, message }) => ({ ...base, field, message })));
    }
  }
  return problems;
}

/** One problem per field: branch errors of a oneOf are kept, the oneOf's own "must match exactly one" is not. */
function summarise(errors: readonly SchemaError[]): { field: string; message: string }[] {
  const byField = new Map<string, string[]>();
  for (const error of errors) {
    const field = fieldFromPointer(error.instancePath) || '(root)';
    const message = describe(error);
    const messages = byField.get(field) ?? [];
    if (!messages.includes(message)) messages.push(message);
    byField.set(field, messages);
  }
  return [...byField].map(([field, messages]) => {
    const specific = messages.filter((m) => !/^must match (exactly one|a schema in anyOf)/.test(m));
    return { field, message: (specific.length > 0 ? specific : messages).join(' or ') };
  });
}

function describe(error: SchemaError): string {
  if (error.keyword === 'required') return `missing required field "${String(error.params?.['missingProperty'])}"`;
  if (error.keyword === 'enum') return `must be one of ${JSON.stringify(error.params?.['allowedValues'])}`;
  if (error.keyword === 'format') return `must be a ${String(error.params?.['format'])}`;
  if (error.keyword === 'type') return `must be of type ${String(error.params?.['type'])}`;
  return error.message ?? error.keyword;
}

/**
 * The API server decodes Secret `data` with Go's base64, which skips line breaks; kustomize wraps long
 * values in literal blocks. The schema's `byte` format does not, so line breaks go before validating.
 */
function asDecodedByTheApi(object: Record<string, unknown>): Record<string, unknown> {
  if (object['kind'] !== 'Secret' || typeof object['data'] !== 'object' || object['data'] === null) return object;
  const data = Object.fromEntries(Object.entries(object['data']).map(([k, v]) => [k, typeof v === 'string' ? v.replace(/[\r\n]/g, '') : v]));
  return { ...object, data };
}
