export type DemoStory = {
  headline: string;
  deck: string;
  /** Section slug. */
  section: string;
  /** Keys from `demoPeople`, in byline order. */
  authors: string[];
  tags: string[];
  /** How long before the seed ran the story went up. */
  hoursAgo: number;
  /** Light markup, one block per string (see markup.ts). */
  body: string[];
};
