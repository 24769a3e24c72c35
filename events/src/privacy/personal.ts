import { z } from 'zod';

/**
 * Which parts of an event are a person's own words or identity (crypto-shredding, issue 16). A payload field
 * declared `personal(…)` is sealed with its owner's data key when the event is written (`sealEvent`) and is
 * unreadable for good once that key is destroyed; everything else stays in the clear so the log can still be
 * routed, ordered and counted (ids, times, versions, enums).
 *
 * Every free-form string of a payload must say which it is, `personal(…)` or `notPersonal(…)`; structured strings
 * (ids, instants, dates, times: zod string formats) and closed vocabularies (enums) need not, they cannot carry
 * what a user typed. `unclassifiedStrings` finds the ones that do not say, and a unit test walks every schema.
 */
export const personalData = z.registry<{ readonly erased?: unknown }>();
const notPersonalData = z.registry<{ readonly why: string }>();

/** Declares a field personal; `erased` overrides what readers get once the key is gone (see `erasedValueOf`). */
export function personal<S extends z.ZodType>(schema: S, options: { erased?: unknown } = {}): S {
  personalData.add(schema, options.erased === undefined ? {} : { erased: options.erased });
  return schema;
}

/** Declares a free-form string field not personal, saying why (a colour code, an analyzer's name …). */
export function notPersonal<S extends z.ZodType>(schema: S, why: string): S {
  notPersonalData.add(schema, { why });
  return schema;
}

export function isPersonal(schema: z.ZodType): boolean {
  return personalData.has(schema) || inner(schema).some(isPersonal);
}

/** The top-level fields of a payload schema that hold personal data: what `sealEvent` moves into the sealed part. */
export function personalFieldsOf(payload: z.ZodType): readonly string[] {
  const shape = shapeOf(payload);
  return Object.entries(shape).filter(([, field]) => isPersonal(field)).map(([name]) => name);
}

/** Paths (dot-separated) of free-form strings in `schema` classified neither way. Empty for a well-declared payload. */
export function unclassifiedStrings(schema: z.ZodType, path = ''): string[] {
  if (personalData.has(schema) || notPersonalData.has(schema)) return [];
  const def = schema._zod.def as { type: string; format?: string; shape?: Record<string, z.ZodType>; keyType?: z.ZodType };
  if (def.type === 'string') return def.format === undefined ? [path || '(root)'] : [];
  if (def.type === 'object') {
    return Object.entries(def.shape ?? {}).flatMap(([name, field]) => unclassifiedStrings(field, path ? `${path}.${name}` : name));
  }
  if (def.type === 'record') {
    return [...unclassifiedStrings(def.keyType!, `${path}{key}`), ...inner(schema).flatMap((s) => unclassifiedStrings(s, `${path}{value}`))];
  }
  return inner(schema).flatMap((s) => unclassifiedStrings(s, def.type === 'array' ? `${path}[]` : path));
}

export function shapeOf(payload: z.ZodType): Record<string, z.ZodType> {
  const def = payload._zod.def as { type: string; shape?: Record<string, z.ZodType> };
  if (def.type !== 'object' || !def.shape) throw new TypeError('an event payload schema is a z.object');
  return def.shape;
}

/** The schemas directly inside a wrapper (nullable, optional, array, record value, default, pipe …). */
function inner(schema: z.ZodType): z.ZodType[] {
  const def = schema._zod.def as { type: string; innerType?: z.ZodType; element?: z.ZodType; valueType?: z.ZodType; in?: z.ZodType; out?: z.ZodType; options?: z.ZodType[] };
  switch (def.type) {
    case 'nullable':
    case 'optional':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return def.innerType ? [def.innerType] : [];
    case 'array':
      return def.element ? [def.element] : [];
    case 'record':
      return def.valueType ? [def.valueType] : [];
    case 'pipe':
      return [def.in, def.out].filter((s): s is z.ZodType => s !== undefined);
    case 'union':
      return def.options ?? [];
    default:
      return [];
  }
}
