import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { eventTypes, payloadSchemaOf } from '../catalogue.js';
import { upcasters } from '../upcasting.js';
import { erasedValueOf } from './erased.js';
import { notPersonal, personal, personalFieldsOf, shapeOf, unclassifiedStrings } from './personal.js';

// Every free-form string of every event says whether it is personal (sealed with its owner's key) or not.
// A new field that says neither fails here: decide, then write personal(…) or notPersonal(…, why).
describe('personal data in the event contract', () => {
  it.each(eventTypes)('%s: every free-form string is classified', (eventType) => {
    expect(unclassifiedStrings(payloadSchemaOf(eventType))).toEqual([]);
  });

  // Frozen older shapes are not annotated (legacy/ is never edited): a field of theirs is classified by today's
  // field of the same name, which is how the rewrite tool seals old rows.
  it.each(upcasters.map((u) => [`${u.eventType}@${u.fromVersion}`, u] as const))('%s (legacy): classified by today\'s field names', (_name, upcaster) => {
    const today = shapeOf(payloadSchemaOf(upcaster.eventType));
    const unclassified = unclassifiedStrings(upcaster.from).map((path) => path.split(/[.[{]/)[0]!);
    expect(unclassified.filter((field) => today[field] === undefined || unclassifiedStrings(today[field]).length > 0)).toEqual([]);
  });

  it.each(eventTypes)('%s: every personal field has an erased value its schema accepts', (eventType) => {
    const shape = shapeOf(payloadSchemaOf(eventType));
    for (const field of personalFieldsOf(payloadSchemaOf(eventType))) {
      expect(shape[field]!.safeParse(erasedValueOf(shape[field]!)).success, field).toBe(true);
    }
  });

  it('seals what the issue names: words, names, emails, summaries, notification texts', () => {
    expect(personalFieldsOf(payloadSchemaOf('JournalEntryCreated'))).toEqual(['title', 'content', 'tags', 'weather', 'location']);
    expect(personalFieldsOf(payloadSchemaOf('ThoughtCaptured'))).toEqual(['text', 'tags']);
    expect(personalFieldsOf(payloadSchemaOf('TaskCreated'))).toEqual(['title', 'description', 'category']);
    expect(personalFieldsOf(payloadSchemaOf('UserRegistered'))).toEqual(['email', 'name']);
    expect(personalFieldsOf(payloadSchemaOf('JournalCreated'))).toEqual(['name', 'description']);
    expect(personalFieldsOf(payloadSchemaOf('AIInsightsGenerated'))).toEqual(['themes', 'summary', 'suggestions']);
    expect(personalFieldsOf(payloadSchemaOf('NotificationCreated'))).toEqual(['title', 'body']);
    expect(personalFieldsOf(payloadSchemaOf('TagCreated'))).toEqual(['tag']);
    expect(personalFieldsOf(payloadSchemaOf('AttachmentAdded'))).toEqual(['fileName']);
    expect(personalFieldsOf(payloadSchemaOf('TaskCompleted'))).toEqual([]);
    expect(personalFieldsOf(payloadSchemaOf('InsightsSettingChanged'))).toEqual([]);
  });

  it('finds an unclassified string wherever it hides, and accepts a declared one', () => {
    const schema = z.object({
      id: z.guid(),
      at: z.iso.datetime(),
      kind: z.enum(['A', 'B']),
      note: z.string().nullable(),
      labels: z.array(z.string()),
      counts: z.record(z.string(), z.number()),
      nested: z.object({ text: z.string().optional() }),
      said: personal(z.string()),
      colour: notPersonal(z.string(), 'a colour code'),
    });
    expect(unclassifiedStrings(schema)).toEqual(['note', 'labels[]', 'counts{key}', 'nested.text']);
  });

  it('refuses a personal field with no erased value it accepts, unless it declares one', () => {
    const email = z.email();
    expect(erasedValueOf(personal(z.string()))).toBe('[erased]');
    expect(erasedValueOf(personal(z.array(z.string().min(1))))).toEqual([]);
    expect(erasedValueOf(personal(z.number().nullable()))).toBeNull();
    expect(() => erasedValueOf(personal(z.number()))).toThrow(/declare its erased value/);
    expect(erasedValueOf(personal(email, { erased: 'erased@example.invalid' }))).toBe('erased@example.invalid');
  });
});
