import { pack } from './payloads';

/** Field capacities, from the server's own limits (lib/workflow/story-fields.ts and friends). */
export const LIMITS = { headline: 300, deck: 600, tag: 60, seoTitle: 120, seoDescription: 300, alt: 300, caption: 600, credit: 200, name: 120, jobTitle: 120, bio: 2000, note: 5000, search: 200, slug: 80 } as const;
export type Field = keyof typeof LIMITS;

/**
 * The payload list packed for each field, and a cursor per field that hands out the next
 * value and wraps around at the end (so a field with room to spare repeats the list while
 * the smallest ones are still going). `covered` tells how much of the list each field saw.
 */
export class PayloadFeed {
  private readonly packed: Record<Field, string[][]>;
  private readonly cursor = {} as Record<Field, number>;
  private readonly stride = {} as Record<Field, number>;
  readonly tooLong: Record<Field, string[]>;

  constructor(readonly payloads: string[]) {
    this.packed = {} as Record<Field, string[][]>;
    this.tooLong = {} as Record<Field, string[]>;
    for (const field of Object.keys(LIMITS) as Field[]) {
      const { values, tooLong } = pack(payloads, LIMITS[field]);
      this.packed[field] = values;
      this.tooLong[field] = tooLong;
      this.cursor[field] = 0;
      this.stride[field] = 1;
    }
  }

  /** Values needed to take the whole list through the field once. */
  size(field: Field): number {
    return this.packed[field].length;
  }

  next(field: Field): string {
    return this.nextParts(field).join(' ');
  }

  nextParts(field: Field): string[] {
    const values = this.packed[field];
    const value = values[(this.cursor[field] * this.stride[field]) % values.length]!;
    this.cursor[field]++;
    return value;
  }

  /** When a field will be used `uses` times, fewer than it needs: step evenly over the whole list. */
  spreadOver(field: Field, uses: number) {
    this.stride[field] = Math.max(1, Math.floor(this.packed[field].length / Math.max(1, uses)));
  }

  /** Share of the list (of payloads that fit the field) that has been through it. */
  covered(field: Field): number {
    return Math.min(1, this.cursor[field] / this.packed[field].length);
  }
}
