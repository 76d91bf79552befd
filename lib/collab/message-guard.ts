import * as Y from 'yjs';
import { BODY_FRAGMENT, CHOICES_MAP, TEXT_FIELDS } from './story-document';

/** The shared document's top-level names: anything else in an update is not a story. */
const ROOTS = new Set<string>([...TEXT_FIELDS, CHOICES_MAP, BODY_FRAGMENT]);

/** Presence (a caret, a name) is small; a bigger awareness message is not a browser's. */
export const MAX_AWARENESS_BYTES = 16 * 1024;

// Hocuspocus's message types (its MessageType) and y-protocols' sync steps.
const SYNC = 0;
const AWARENESS = 1;
const AUTH = 2;
const QUERY_AWARENESS = 3;
const SYNC_REPLY = 4;
const STATELESS = 5;
const CLOSE = 7;
const SYNC_STEP_1 = 0;

export type Refusal = { code: number; reason: string };
/** One client's presence in an awareness message: whose, its clock, and whether it is a departure. */
export type PresenceEntry = { clientId: number; clock: number; removed: boolean };
export type Inspection =
  /** `bytes`: what it adds to the document, as far as the size limit is concerned. */
  | { kind: 'update'; bytes: number }
  | { kind: 'awareness'; entries: PresenceEntry[] }
  | { kind: 'other' }
  | { kind: 'refused'; refusal: Refusal };

/** Reads lib0's encoding (unsigned LEB128 integers, length-prefixed bytes and strings), throwing past the end. */
class Reader {
  private at = 0;
  constructor(private readonly bytes: Uint8Array) {}
  varUint(): number {
    let value = 0;
    for (let shift = 0; shift < 53; shift += 7) {
      const byte = this.bytes[this.at++];
      if (byte === undefined) throw new RangeError('Unexpected end of message');
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
    throw new RangeError('Integer too long');
  }
  varBytes(): Uint8Array {
    const length = this.varUint();
    if (this.at + length > this.bytes.length) throw new RangeError('Unexpected end of message');
    const slice = this.bytes.subarray(this.at, this.at + length);
    this.at += length;
    return slice;
  }
  varString(): string {
    return new TextDecoder('utf-8', { fatal: true }).decode(this.varBytes());
  }
}

const MALFORMED: Refusal = { code: 1007, reason: 'malformed-message' };
const refuse = (refusal: Refusal): Inspection => ({ kind: 'refused', refusal });

/**
 * What a browser's message would do, read before Hocuspocus applies it: a document update
 * must decode and touch only the story's own fields; presence must be small and well formed (whose it is, the server decides);
 * a browser may not broadcast to everyone (Hocuspocus would relay any text to every page
 * in the story, e.g. a forged "saved" or "access" message).
 */
export function inspectClientMessage(data: Uint8Array): Inspection {
  try {
    const reader = new Reader(data);
    reader.varString();
    const type = reader.varUint();
    if (type === SYNC || type === SYNC_REPLY) {
      if (reader.varUint() === SYNC_STEP_1) return { kind: 'other' };
      return inspectUpdate(reader.varBytes());
    }
    if (type === AWARENESS) return inspectAwareness(reader.varBytes());
    if (type === AUTH || type === QUERY_AWARENESS || type === STATELESS || type === CLOSE) return { kind: 'other' };
    return refuse({ code: 1008, reason: 'message-not-allowed' });
  } catch {
    return refuse(MALFORMED);
  }
}

function inspectUpdate(update: Uint8Array): Inspection {
  const { structs } = Y.decodeUpdate(update);
  for (const struct of structs) {
    if (!(struct instanceof Y.Item) || typeof struct.parent !== 'string') continue;
    if (!ROOTS.has(struct.parent)) return refuse({ code: 1008, reason: 'unknown-field' });
    // Only the choices are keyed; a key on a text or the body is not a story's shape.
    if (struct.parentSub !== null && struct.parent !== CHOICES_MAP) return refuse({ code: 1008, reason: 'unknown-field' });
  }
  // A deletion only adds no content: it counts as nothing, so a story at its size limit can still be cut back.
  return { kind: 'update', bytes: structs.length === 0 ? 0 : update.length };
}

function inspectAwareness(update: Uint8Array): Inspection {
  if (update.length > MAX_AWARENESS_BYTES) return refuse({ code: 1009, reason: 'presence-too-big' });
  const reader = new Reader(update);
  const count = reader.varUint();
  const entries: PresenceEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = reader.varUint();
    const clock = reader.varUint();
    const state: unknown = JSON.parse(reader.varString());
    if (state !== null && (typeof state !== 'object' || Array.isArray(state))) return refuse(MALFORMED);
    entries.push({ clientId, clock, removed: state === null });
  }
  return { kind: 'awareness', entries };
}
