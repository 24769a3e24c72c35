// docker-compose.yml, checked the three ways available without a Docker engine: parsed and interpolated
// as compose does (against .env.example), validated against the Compose Specification schema, and the
// rules in compose-rules.ts. Where a compose CLI exists, `config --quiet` runs as well.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Problem } from '../report/problem.js';
import { loadCompose, parseEnvFile } from './compose-file.js';
import { composeProblems } from './compose-rules.js';
import { composeSchemaErrors } from './compose-schema.js';

const run = promisify(execFile);

export interface ComposeCheck {
  readonly problems: Problem[];
  readonly services: number;
  /** What ran besides our own parse: the compose CLI, or why not. */
  readonly cli: string;
}

export async function checkCompose(repoRoot: string, file = 'docker-compose.yml', envFile = '.env.example'): Promise<ComposeCheck> {
  const env = parseEnvFile(await readFile(join(repoRoot, envFile), 'utf8'));
  const compose = loadCompose(file, await readFile(join(repoRoot, file), 'utf8'), env);
  const problems = [...compose.problems];
  if (problems.length === 0) {
    for (const { field, message } of await composeSchemaErrors(compose.config)) {
      problems.push({ file, line: compose.lineOf(field), field, message: `compose-spec: ${message}` });
    }
    problems.push(...composeProblems(compose, repoRoot));
  }
  for (const name of env.keys()) {
    if (!compose.used.has(name)) problems.push({ file: envFile, field: name, message: `not used by ${file}: remove it or use it` });
  }
  const cli = await composeCli(repoRoot, file, envFile, problems);
  return { problems, services: Object.keys((compose.config['services'] as object | undefined) ?? {}).length, cli };
}

/** `docker compose config --quiet` (or docker-compose) needs no engine; it is used when installed. */
async function composeCli(repoRoot: string, file: string, envFile: string, problems: Problem[]): Promise<string> {
  for (const [command, args] of [['docker', ['compose']], ['docker-compose', []]] as const) {
    try {
      await run(command, [...args, 'version'], { timeout: 20_000 });
    } catch {
      continue;
    }
    try {
      await run(command, [...args, '--env-file', envFile, '-f', file, 'config', '--quiet'], { cwd: repoRoot, timeout: 60_000 });
      return `${[command, ...args].join(' ')} config: valid`;
    } catch (error) {
      problems.push({ file, message: `${[command, ...args].join(' ')} config: ${String((error as { stderr?: unknown }).stderr ?? error).trim()}` });
      return `${[command, ...args].join(' ')} config: failed`;
    }
  }
  return 'no compose CLI here (docker compose plugin / docker-compose): schema and rules only';
}
