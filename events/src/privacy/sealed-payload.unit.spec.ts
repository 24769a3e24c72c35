import { describe, expect, it } from 'vitest';
import { eventTypes, type EventType } from '../catalogue.js';
import { EventContractError } from '../event-contract-error.js';
import { parseEvent } from '../parse-event.js';
import { sampleEvent } from '../testing/sample-event.js';
import { ERASED, isErased } from './erased.js';
import { InMemoryKeyStore } from './in-memory-key-store.js';
import { KeyMissingError } from './key-store.js';
import { personalFieldsOf } from './personal.js';
import { payloadSchemaOf } from '../catalogue.js';
import { isSealed, openStoredEvent, sealEvent, sealedKey, type SealedBox } from './sealed-payload.js';

type Row = Record<string, unknown> & { eventId: string; eventType: string; userId: string; schemaVersion: number; payload: Record<string, unknown> };
const stored = (value: unknown) => JSON.parse(JSON.stringify(value)) as Row;

describe('sealed personal fields', () => {
  it.each(eventTypes)('%s: sealed on write, the same event after opening, nothing personal in the stored bytes', async (eventType: EventType) => {
    const keys = new InMemoryKeyStore();
    const event = sampleEvent(eventType);
    const row = stored(await sealEvent(event, keys));
    const personal = personalFieldsOf(payloadSchemaOf(eventType));
    expect(isSealed(row.payload)).toBe(personal.length > 0);
    for (const field of personal) {
      expect(row.payload).not.toHaveProperty(field);
      for (const text of [(event.payload as Record<string, unknown>)[field]].flat().filter((v) => typeof v === 'string')) {
        expect(JSON.stringify(row)).not.toContain(JSON.stringify(text));
      }
    }
    expect(parseEvent(await openStoredEvent(row, keys))).toEqual(event);
  });

  it.each(eventTypes)('%s: after the key is destroyed, parses with the erased marker (never a poison event)', async (eventType: EventType) => {
    const keys = new InMemoryKeyStore();
    const event = sampleEvent(eventType);
    const row = stored(await sealEvent(event, keys));
    await keys.destroy(event.userId);
    const erased = parseEvent(await openStoredEvent(row, keys));
    const personal = personalFieldsOf(payloadSchemaOf(eventType));
    expect(isErased(erased)).toBe(personal.length > 0);
    expect(isErased({ ...erased })).toBe(personal.length > 0); // survives the copies readers make
    const payload = erased.payload as Record<string, unknown>;
    for (const field of personal) expect([ERASED, '[erased]@erased.invalid', null, []]).toContainEqual(payload[field]);
    const clear = Object.keys(event.payload).filter((field) => !personal.includes(field));
    for (const field of clear) expect(payload[field]).toEqual((event.payload as Record<string, unknown>)[field]);
  });

  it('reads a plaintext event written before sealing (legacy) as it is, at any schema version', async () => {
    const keys = new InMemoryKeyStore();
    const event = sampleEvent('JournalEntryCreated');
    expect(parseEvent(await openStoredEvent(stored(event), keys))).toEqual(event);
    const v1 = { ...stored(event), schemaVersion: 1, payload: { ...stored(event).payload, tags: 'walk, gratitude', mood: 'calm' } };
    delete (v1.payload as Record<string, unknown>).wordCount;
    expect(parseEvent(await openStoredEvent(v1, keys)).payload).toMatchObject({ tags: ['walk', 'gratitude'], mood: 'CALM', title: 'A good Tuesday' });
  });

  it('seals an older schema version too (the rewrite tool), and erases it into a valid current event', async () => {
    const keys = new InMemoryKeyStore();
    const base = stored(sampleEvent('JournalEntryCreated'));
    const v1Payload: Record<string, unknown> = { ...base.payload, tags: 'walk, gratitude', mood: 'calm' };
    delete v1Payload.wordCount;
    const v1: Row = { ...base, schemaVersion: 1, payload: v1Payload };
    const row = stored(await sealEvent(v1, keys));
    expect((row.payload[sealedKey] as SealedBox).fields).toEqual(['title', 'content', 'tags', 'weather', 'location']);
    expect(parseEvent(await openStoredEvent(row, keys)).payload).toMatchObject({ tags: ['walk', 'gratitude'], content: base.payload.content });
    await keys.destroy(base.userId);
    const erased = parseEvent(await openStoredEvent(row, keys));
    expect(erased.payload).toMatchObject({ title: ERASED, content: ERASED, tags: [ERASED], mood: 'CALM' });
    expect(isErased(erased)).toBe(true);
  });

  it('seals once: an already sealed payload passes through unchanged', async () => {
    const keys = new InMemoryKeyStore();
    const once = await sealEvent(sampleEvent('ThoughtCaptured'), keys);
    expect(await sealEvent(once, keys)).toBe(once);
  });

  it('refuses a box that was tampered with or moved to another event, and a store without the key', async () => {
    const keys = new InMemoryKeyStore();
    const row = stored(await sealEvent(sampleEvent('ThoughtCaptured'), keys));
    const box = row.payload[sealedKey] as SealedBox;
    const flipped = Buffer.from(box.data, 'base64');
    flipped[0]! ^= 1;
    const tampered = { ...row, payload: { ...row.payload, [sealedKey]: { ...box, data: flipped.toString('base64') } } };
    await expect(openStoredEvent(tampered, keys)).rejects.toBeInstanceOf(EventContractError);
    const moved = { ...row, eventId: '0a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d' };
    await expect(openStoredEvent(moved, keys)).rejects.toThrow(/do not open/);
    await expect(openStoredEvent(row, new InMemoryKeyStore())).rejects.toBeInstanceOf(KeyMissingError);
  });
});
