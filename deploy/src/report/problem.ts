// What every check reports: the file to open, the object in it (for multi-document YAML), the field, and
// what is wrong. One line each, so CI output reads like a compiler's.

export interface Problem {
  /** Repository-relative path of the file to fix. */
  readonly file: string;
  /** 1-based line in that file, when known. */
  readonly line?: number;
  /** The object in the file: `Deployment/gateway`, `service gateway`, `stage runtime`. */
  readonly object?: string;
  /** Dotted path of the field: `spec.template.spec.containers[0].readinessProbe`. */
  readonly field?: string;
  readonly message: string;
}

export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const what = [problem.object, problem.field].filter(Boolean).join(' ');
  return `${where}: ${what ? `${what}: ` : ''}${problem.message}`;
}

/** `/spec/template/spec/containers/0/image` (JSON pointer, as ajv reports) → `spec.template.spec.containers[0].image`. */
export function fieldFromPointer(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

/** The reverse, as path segments: `spec.containers[0].image` → ['spec', 'containers', 0, 'image']. */
export function segmentsOf(field: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const match of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) segments.push(Number(match[2]));
    else if (match[1] !== undefined) segments.push(match[1]);
  }
  return segments;
}
