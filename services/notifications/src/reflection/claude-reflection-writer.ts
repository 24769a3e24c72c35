// The weekly reflection by Claude (issue 14): the week's entries in one Messages API call whose answer is
// structured output, parsed and checked by the SDK's own helpers (`messages.parse` with `zodOutputFormat`), through
// `@mindflow/platform/claude`'s caller: the same retries, circuit breaker and concurrency cap as insights' analyses.
import { zodOutputFormat } from '@anthropic-ai/sdk/helpers/zod';
import { MalformedReplyError, type ClaudeCaller } from '@mindflow/platform/claude';
import { z } from 'zod';
import type { ReflectionEntry } from './compose-reflection.js';
import type { ReflectionWriter, WrittenReflection } from './reflection-writer.js';

/** What Claude answers (the JSON schema of its structured output; the SDK checks the reply against it). */
export const claudeReflectionSchema = z.object({
  themes: z.array(z.string().trim().min(1).max(60)).max(8).describe('the two to five main themes of the week, one or two words each, lower case'),
  moodTrend: z.string().trim().min(1).max(400).describe('one sentence on how the mood moved through the week'),
  highlights: z.array(z.number().int()).max(5).describe('the numbers (n) of at most three entries most worth rereading, best first'),
  reflection: z.string().trim().min(1).max(2_000).describe('three to five warm, plain sentences to the writer ("you") looking back on the week'),
});

export const reflectionSystemPrompt = [
  'You write the weekly reflection of a private journal for the person who wrote it.',
  'You get the week\'s entries, numbered, each with its day, its mood when the writer recorded one, its title and text.',
  'Answer with the themes of the week, one sentence on how the mood moved, the numbers of at most three entries worth rereading, and a short reflection.',
  'Speak to the writer as "you". Use only what the entries say; never invent events, people or feelings. No diagnosis, no advice beyond a gentle suggestion.',
].join(' ');

/**
 * Per entry and in all: a long week is cut, not refused. The week's budget is spent newest entry first (entries come
 * oldest first), so a long week loses its oldest words, never its latest; the message keeps them in date order.
 */
const entryChars = 3_000;
const weekChars = 24_000;

export function reflectionMessage(weekStart: string, entries: readonly ReflectionEntry[]): string {
  const lines = [`The week starting Monday ${weekStart}: ${entries.length} entries.`, ''];
  const shown: string[] = [];
  let budget = weekChars;
  for (let i = entries.length - 1; i >= 0; i--) {
    const content = entries[i]!.content;
    const text = content.length > entryChars ? `${content.slice(0, entryChars)} …` : content;
    shown[i] = budget <= 0 ? '(not shown: the week is long)' : text.slice(0, budget);
    budget -= shown[i]!.length;
  }
  entries.forEach((entry, i) => {
    lines.push(`<entry n="${i + 1}" day="${entry.day}"${entry.mood ? ` mood="${entry.mood}"` : ''}>`);
    if (entry.title) lines.push(`Title: ${entry.title}`);
    lines.push(shown[i]!, '</entry>', '');
  });
  return lines.join('\n');
}

export interface ClaudeReflectionWriterOptions {
  readonly caller: ClaudeCaller;
  readonly maxTokens?: number;
}

export function createClaudeReflectionWriter(options: ClaudeReflectionWriterOptions): ReflectionWriter {
  const format = zodOutputFormat(claudeReflectionSchema);
  return {
    name: options.caller.model,
    async write({ weekStart, entries }): Promise<WrittenReflection> {
      const reply = await options.caller.call(async (client, model) => {
        const message = await client.messages.parse({
          model,
          max_tokens: options.maxTokens ?? 1_200,
          system: reflectionSystemPrompt,
          messages: [{ role: 'user', content: reflectionMessage(weekStart, entries) }],
          output_config: { format },
        });
        if (!message.parsed_output) throw new MalformedReplyError('no structured output');
        return message.parsed_output;
      });
      // Highlights are the week's own entries: numbers out of range, or repeated, are dropped.
      const highlightIds = [...new Set(reply.highlights)].flatMap((n) => (n >= 1 && n <= entries.length ? [entries[n - 1]!.entryId] : [])).slice(0, 3);
      const themes = [...new Set(reply.themes.map((t) => t.toLowerCase()))].slice(0, 5);
      return { summary: `${reply.moodTrend} ${reply.reflection}`, themes, highlightIds };
    },
  };
}
