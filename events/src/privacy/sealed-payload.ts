import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { currentSchemaVersion, isEventType, payloadSchemaOf, type EventType } from '../catalogue.js';
import { EventContractError } from '../event-contract-error.js';
import { upcasters } from '../upcasting.js';
import { erasedValueOf, markErased } from './erased.js';
import { personalFieldsOf, shapeOf } from './personal.js';
import { KeyMissingError, type DataKey, type KeyLookup, type KeyStore } from './key-store.js';

/**
 * Where a payload keeps its personal fields once sealed: one AES-256-GCM box per event (not per field: one
 * cipher call, one IV, one tag), next to the fields that stay in the clear. `fields` names what is inside (names
 * are not personal), so an erased event of any schema version knows what to fill in.
 */
export const sealedKey = '$sealed';
export interface SealedBox {
  /** Format version. */
  readonly v: 1;
  readonly fields: readonly string[];
  /** 12-byte IV, base64. */
  readonly iv: string;
  /** Ciphertext of the JSON object of the personal fields, then the 16-byte GCM tag; base64. */
  readonly data: string;
}

/** An event as the log stores it: the envelope of `E` with a payload that may be sealed. */
export type StoredEvent<E extends { payload: unknown }> = Omit<E, 'payload'> & { readonly payload: unknown };

interface Owned {
  readonly eventId: string;
  readonly eventType: string;
  readonly userId: string;
  readonly schemaVersion: number;
  readonly payload: unknown;
}

/**
 * Seals the personal fields of an event with its owner's key (made on first use). Events without personal fields,
 * and payloads already sealed (the relay copying stored rows, the rewrite tool run twice), are returned as they are.
 */
export async function sealEvent<E extends Owned>(event: E, keys: KeyStore): Promise<StoredEvent<E>> {
  if (!needsSealing(event)) return event;
  return sealEventWith(event, await keys.getOrCreate(event.userId));
}

/** Whether `sealEvent` would change the event: a known type with personal fields, not sealed yet. */
export function needsSealing(event: Owned): boolean {
  if (!isEventType(event.eventType) || isSealed(event.payload)) return false;
  return fieldsToSeal(event.eventType, event.schemaVersion).length > 0;
}

export function sealEventWith<E extends Owned>(event: E, key: DataKey): StoredEvent<E> {
  if (!isEventType(event.eventType) || isSealed(event.payload)) return event;
  const fields = fieldsToSeal(event.eventType, event.schemaVersion);
  if (fields.length === 0) return event;
  const clear: Record<string, unknown> = { ...(event.payload as Record<string, unknown>) };
  const secret: Record<string, unknown> = {};
  for (const field of fields) {
    if (!(field in clear)) continue;
    secret[field] = clear[field];
    delete clear[field];
  }
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(associatedData(event));
  const data = Buffer.concat([cipher.update(JSON.stringify(secret), 'utf8'), cipher.final(), cipher.getAuthTag()]);
  const box: SealedBox = { v: 1, fields: Object.keys(secret), iv: iv.toString('base64'), data: data.toString('base64') };
  return { ...event, payload: { ...clear, [sealedKey]: box } };
}

/**
 * The stored event with its payload opened: the personal fields back in place, or, when the owner's key is
 * destroyed, each replaced by its erased value (`erasedValueOf`) and the event marked (`isErased`). A payload that
 * was never sealed (written before crypto-shredding: legacy) is returned as it is. Throws `KeyMissingError` when the
 * store has no key at all for the owner (a transient fault to retry, never an erasure) and EventContractError when
 * the box does not open (tampered, or sealed for another event).
 */
export async function openStoredEvent(raw: unknown, keys: KeyStore): Promise<unknown> {
  const owned = sealedOwner(raw);
  if (owned === undefined) return raw;
  return openStoredEventWith(raw as Owned, await keys.get(owned));
}

/** The owner whose key `raw` needs to be opened, or undefined when it is not sealed. */
export function sealedOwner(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { payload, userId } = raw as Partial<Owned>;
  return isSealed(payload) && typeof userId === 'string' ? userId : undefined;
}

export function openStoredEventWith(raw: Owned, lookup: KeyLookup): unknown {
  if (!isSealed(raw.payload)) return raw;
  const { [sealedKey]: box, ...clear } = raw.payload as Record<string, unknown> & { [sealedKey]: SealedBox };
  if (lookup.state === 'absent') throw new KeyMissingError(raw.userId);
  if (lookup.state === 'destroyed') {
    const shape = schemaShapeAt(raw);
    const erased: Record<string, unknown> = { ...clear };
    for (const field of box.fields) erased[field] = shape?.[field] ? erasedValueOf(shape[field]) : null;
    return markErased({ ...raw, payload: erased });
  }
  let secret: unknown;
  try {
    const bytes = Buffer.from(box.data, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', lookup.key, Buffer.from(box.iv, 'base64'));
    decipher.setAAD(associatedData(raw));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    secret = JSON.parse(Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString('utf8'));
  } catch (cause) {
    throw new EventContractError({
      violation: 'invalid-field',
      issues: [{ path: ['payload', sealedKey], message: 'the sealed personal fields do not open with their owner\'s key (tampered, or sealed for another event)' }],
      eventType: raw.eventType,
      eventId: raw.eventId,
      cause,
    });
  }
  return { ...raw, payload: { ...clear, ...(secret as Record<string, unknown>) } };
}

export function isSealed(payload: unknown): boolean {
  if (typeof payload !== 'object' || payload === null) return false;
  const box = (payload as Record<string, unknown>)[sealedKey] as Partial<SealedBox> | undefined;
  return typeof box === 'object' && box !== null && box.v === 1 && Array.isArray(box.fields) && typeof box.iv === 'string' && typeof box.data === 'string';
}

// The box is bound to its event and owner: moved into another event (or another user's), it does not open.
function associatedData(event: Owned): Buffer {
  return Buffer.from(`mindflow-event/v1/${event.eventType}/${event.eventId.toLowerCase()}/${event.userId.toLowerCase()}`, 'utf8');
}

const fieldsByVersion = new Map<string, readonly string[]>();
function fieldsToSeal(eventType: EventType, schemaVersion: number): readonly string[] {
  const key = `${eventType}@${schemaVersion}`;
  let fields = fieldsByVersion.get(key);
  if (!fields) {
    const schema = payloadSchemaAt(eventType, schemaVersion);
    // A frozen older shape (legacy/) is not annotated: its fields are personal when today's field of that name is
    // (old rows are sealed by the rewrite tool at their own version).
    const today = new Set(personalFieldsOf(payloadSchemaOf(eventType)));
    fields = schema ? Object.keys(shapeOf(schema)).filter((name) => today.has(name) || personalFieldsOf(schema).includes(name)) : [];
    fieldsByVersion.set(key, fields);
  }
  return fields;
}

function schemaShapeAt(raw: Owned): Record<string, z.ZodType> | undefined {
  if (!isEventType(raw.eventType)) return undefined;
  const schema = payloadSchemaAt(raw.eventType, raw.schemaVersion);
  return schema ? shapeOf(schema) : undefined;
}

/** The payload schema of a type at a version: today's, or the frozen shape its upcaster reads. */
export function payloadSchemaAt(eventType: EventType, schemaVersion: number): z.ZodType | undefined {
  if (schemaVersion === currentSchemaVersion(eventType)) return payloadSchemaOf(eventType);
  return upcasters.find((u) => u.eventType === eventType && u.fromVersion === schemaVersion)?.from;
}

/** The keys of a batch's owners, looked up once before its events are parsed (lower-case user id → lookup). */
export type KeyLookups = ReadonlyMap<string, KeyLookup>;

/**
 * Looks up the key of every owner of a sealed event among `raws` (stored events, any shape). Throws what the store
 * throws, and `KeyMissingError` for an owner with no key at all: both are the reader's transient faults (retried with
 * backoff, never parked as poison), unlike a box that does not open (EventContractError, at `openWith`).
 */
export async function lookupKeys(raws: Iterable<unknown>, keys: KeyStore): Promise<KeyLookups> {
  const owners = new Set<string>();
  for (const raw of raws) {
    const owner = sealedOwner(raw);
    if (owner !== undefined) owners.add(owner.toLowerCase());
  }
  const lookups = new Map<string, KeyLookup>();
  for (const owner of owners) {
    const lookup = await keys.get(owner);
    if (lookup.state === 'absent') throw new KeyMissingError(owner);
    lookups.set(owner, lookup);
  }
  return lookups;
}

/** `raw` opened with keys looked up beforehand (`lookupKeys`); unsealed events pass as they are. */
export function openWith(raw: unknown, lookups: KeyLookups | undefined): unknown {
  const owner = sealedOwner(raw);
  if (owner === undefined) return raw;
  const lookup = lookups?.get(owner.toLowerCase());
  if (!lookup) throw new KeyMissingError(owner);
  return openStoredEventWith(raw as Owned, lookup);
}
