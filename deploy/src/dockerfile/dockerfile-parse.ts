// A Dockerfile as instructions: continuation lines joined, comments and parser directives set aside, each
// instruction with its line and stage.

export interface Instruction {
  readonly line: number;
  /** Upper-case keyword: FROM, RUN, COPY, … */
  readonly keyword: string;
  readonly args: string;
  /** Index of the stage (FROM) it belongs to; -1 before the first FROM (global ARGs). */
  readonly stage: number;
}

export interface Stage {
  readonly index: number;
  readonly name?: string;
  readonly from: string;
  readonly line: number;
  readonly instructions: Instruction[];
}

export interface ParsedDockerfile {
  readonly instructions: Instruction[];
  readonly stages: Stage[];
  readonly comments: string[];
  /** Global ARG defaults (before the first FROM). */
  readonly globalArgs: Map<string, string>;
}

export function parseDockerfile(text: string): ParsedDockerfile {
  const instructions: Instruction[] = [];
  const comments: string[] = [];
  const stages: Stage[] = [];
  const globalArgs = new Map<string, string>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!;
    if (/^\s*#/.test(first)) {
      comments.push(first.replace(/^\s*#\s?/, ''));
      continue;
    }
    if (!first.trim()) continue;
    const start = i;
    let joined = first;
    while (/\\\s*$/.test(joined) && i + 1 < lines.length) {
      i++;
      if (/^\s*#/.test(lines[i]!)) continue;
      joined = joined.replace(/\\\s*$/, ' ') + lines[i]!.trim();
    }
    const match = joined.trim().match(/^(\S+)\s*(.*)$/s);
    if (!match) continue;
    const keyword = match[1]!.toUpperCase();
    const args = match[2]!.trim();
    if (keyword === 'FROM') {
      const from = args.match(/^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i);
      stages.push({ index: stages.length, name: from?.[2], from: from?.[1] ?? args, line: start + 1, instructions: [] });
    }
    const instruction = { line: start + 1, keyword, args, stage: stages.length - 1 };
    instructions.push(instruction);
    if (stages.length > 0) stages[stages.length - 1]!.instructions.push(instruction);
    else if (keyword === 'ARG') {
      const arg = args.match(/^([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?$/);
      if (arg?.[1]) globalArgs.set(arg[1], (arg[2] ?? '').replace(/^"(.*)"$/, '$1'));
    }
  }
  return { instructions, stages, comments, globalArgs };
}
