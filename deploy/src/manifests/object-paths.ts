// Reading loosely typed YAML objects without casting at every step.

export type Json = Record<string, unknown>;

export function record(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** `at(obj, 'spec.template.spec')`: undefined as soon as a step is missing. */
export function at(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split('.')) {
    const object = record(current);
    if (!object) return undefined;
    current = object[key];
  }
  return current;
}

/** A value as text for comparisons and messages: a scalar as String() gives it, a map or a list as its JSON
 *  (String() would make every one "[object Object]"). */
export function textOf(value: unknown): string {
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function stringsOf(value: unknown): Record<string, string> {
  const object = record(value) ?? {};
  return Object.fromEntries(Object.entries(object).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** Does a label selector's matchLabels (matchExpressions unsupported: reported by the caller) select these labels? */
export function selects(matchLabels: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(matchLabels).every(([k, v]) => labels[k] === v);
}
