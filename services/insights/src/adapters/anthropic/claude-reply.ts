import { MalformedReplyError } from '@mindflow/platform/claude';
import { z } from 'zod';
import type { Analysis } from '../../domain/analysis/insights.js';
import { clampSentiment } from '../../domain/analysis/insights.js';

/** What Claude is asked to answer, checked before anything is stored. */
export const claudeReplySchema = z.object({
  sentiment: z.number().min(-1).max(1),
  themes: z.array(z.string().trim().min(1).max(60)).max(8),
  summary: z.string().trim().min(1).max(600),
  suggestions: z.array(z.string().trim().min(1).max(300)).max(5),
});

export { MalformedReplyError };

/** Reads the model's text as the JSON object the prompt asks for (a ```json fence around it is tolerated). */
export function parseClaudeReply(text: string): Analysis {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(text);
  const candidate = (fenced ? fenced[1]! : text).trim();
  let json: unknown;
  try {
    json = JSON.parse(candidate);
  } catch {
    throw new MalformedReplyError('not JSON');
  }
  const parsed = claudeReplySchema.safeParse(json);
  if (!parsed.success) throw new MalformedReplyError(parsed.error.issues.map((i) => i.path.join('.') || 'reply').join(', '));
  const reply = parsed.data;
  return { sentiment: clampSentiment(reply.sentiment), analysed: true, themes: reply.themes.slice(0, 5), summary: reply.summary, suggestions: reply.suggestions.slice(0, 3) };
}
