/**
 * The co-editing bench's bookkeeping, apart from any socket: each edit carries a unique
 * marker; an edit counts as delivered when every other editor of its story has seen its
 * marker arrive, and as lost when a marker that should be there is missing at the end.
 */

/** `mk<editor>n<edit>`: letters and digits only, so it survives any text field unchanged. */
export const markerOf = (editor: number, edit: number) => `mk${editor}n${edit}`;
const MARKER = /mk\d+n\d+/g;

export function markersIn(text: string): string[] {
  return text.match(MARKER) ?? [];
}

/** The markers of `expected` that `text` does not hold. */
export function missingMarkers(expected: Iterable<string>, text: string): string[] {
  const present = new Set(markersIn(text));
  return [...expected].filter((marker) => !present.has(marker));
}

export type Latencies = { count: number; p50Ms: number; p95Ms: number; p99Ms: number; maxMs: number };

/** Nearest-rank percentiles, rounded to 0.1 ms. */
export function latencies(values: number[]): Latencies {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.max(0, Math.ceil(sorted.length * q) - 1)] ?? 0;
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { count: sorted.length, p50Ms: round(at(0.5)), p95Ms: round(at(0.95)), p99Ms: round(at(0.99)), maxMs: round(sorted.at(-1) ?? 0) };
}

/**
 * Edits sent and who has yet to see each. `delivered` holds, per edit, the time until the
 * last of its story's other editors saw it; `arrivals` the time for each of them.
 */
export class DeliveryLedger {
  private readonly waiting = new Map<string, { sentAt: number; receivers: Set<number> }>();
  readonly delivered: number[] = [];
  readonly arrivals: number[] = [];
  private readonly markers = new Set<string>();

  send(marker: string, sentAt: number, receivers: number[]): void {
    if (this.markers.has(marker)) throw new Error(`Marker ${marker} was sent twice.`);
    this.markers.add(marker);
    if (receivers.length === 0) return;
    this.waiting.set(marker, { sentAt, receivers: new Set(receivers) });
  }

  /** `receiver` saw `marker` at `at`; a marker it already saw, or never waited for, counts nothing. */
  seen(marker: string, receiver: number, at: number): void {
    const entry = this.waiting.get(marker);
    if (!entry || !entry.receivers.delete(receiver)) return;
    this.arrivals.push(at - entry.sentAt);
    if (entry.receivers.size > 0) return;
    this.delivered.push(at - entry.sentAt);
    this.waiting.delete(marker);
  }

  get sent(): number {
    return this.markers.size;
  }

  /** Edits some receiver has not seen yet. */
  get undelivered(): number {
    return this.waiting.size;
  }
}
