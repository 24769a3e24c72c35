// docker-compose.yml as compose reads it: YAML with anchors and merge keys, then ${VARIABLE} interpolation
// from the env file (.env.example stands for the user's .env), keeping where each value sits in the file.
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { Problem } from '../report/problem.js';
import { segmentsOf } from '../report/problem.js';

export interface ComposeFile {
  readonly file: string;
  /** The interpolated object, merge keys resolved. */
  readonly config: Record<string, unknown>;
  /** Variables the file uses, and the env file's. */
  readonly used: ReadonlySet<string>;
  readonly problems: Problem[];
  /** 1-based line of a dotted field, when it exists as written (not only through a merge key). */
  lineOf(field: string): number | undefined;
}

export function parseEnvFile(text: string): Map<string, string> {
  const env = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = line.match(/^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/);
    if (match?.[1]) env.set(match[1], (match[2] ?? '').trim().replace(/^(['"])(.*)\1$/, '$2'));
  }
  return env;
}

export function loadCompose(file: string, text: string, env: ReadonlyMap<string, string>): ComposeFile {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { merge: true, lineCounter, prettyErrors: false });
  const problems: Problem[] = document.errors.map((e) => ({ file, line: lineCounter.linePos(e.pos[0]).line, message: `YAML: ${e.message.split('\n')[0]}` }));
  const lineOf = (field: string) => nodeLine(document, lineCounter, field);
  const used = new Set<string>();
  const raw = (problems.length === 0 ? document.toJS({ maxAliasCount: 1000 }) : {}) as unknown;
  const config = interpolate(raw, '', env, used, (field, message) => problems.push({ file, line: lineOf(field), field, message })) as Record<string, unknown>;
  return { file, config: config ?? {}, used, problems, lineOf };
}

function nodeLine(document: Document, lineCounter: LineCounter, field: string): number | undefined {
  const node = document.getIn(segmentsOf(field), true);
  return isNode(node) && node.range ? lineCounter.linePos(node.range[0]).line : undefined;
}

type Report = (field: string, message: string) => void;

function interpolate(value: unknown, path: string, env: ReadonlyMap<string, string>, used: Set<string>, report: Report): unknown {
  if (typeof value === 'string') return interpolateString(value, path, env, used, report);
  if (Array.isArray(value)) return value.map((v, i) => interpolate(v, `${path}[${i}]`, env, used, report));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, path ? `${path}.${k}` : k, env, used, report)]));
  }
  return value;
}

/** Compose's rules: $$ escapes, ${V}, ${V:-d}, ${V-d}, ${V:?e}, ${V?e}, ${V:+a}, ${V+a}, $V. */
export function interpolateString(text: string, path: string, env: ReadonlyMap<string, string>, used: Set<string>, report: Report): string {
  return text.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^}]|\}(?!\}))*?))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, braced?: string, operator?: string, given?: string, bare?: string) => {
    if (whole === '$$') return '$';
    const argument = given ?? '';
    const name = (braced ?? bare)!;
    used.add(name);
    const value = env.get(name);
    const unsetOrEmpty = value === undefined || (operator?.startsWith(':') === true && value === '');
    switch (operator) {
      case ':-': case '-': return unsetOrEmpty ? argument : value;
      case ':+': case '+': return unsetOrEmpty ? '' : argument;
      case ':?': case '?':
        if (unsetOrEmpty) report(path, `\${${name}} is required (${argument || 'no message'}) but not set in the env file`);
        return value ?? '';
      default:
        if (value === undefined) report(path, `\${${name}} is not set in the env file and has no default`);
        return value ?? '';
    }
  });
}
