import type { PublishedArticle } from '@/lib/reader/articles';
import { PublishedTime } from './published-time';

export function CorrectionsBox({ corrections }: { corrections: PublishedArticle['corrections'] }) {
  if (corrections.length === 0) return null;
  return (
    <section aria-labelledby="corrections-heading" className="mt-10 border-l-4 border-accent bg-rule/30 p-4 font-sans">
      <h2 id="corrections-heading" className="text-sm font-bold tracking-wide uppercase">
        {corrections.length === 1 ? 'Correction' : 'Corrections'}
      </h2>
      <ul className="mt-2 grid gap-3">
        {corrections.map((correction) => (
          <li key={correction.id} className="text-sm">
            <p>{correction.body}</p>
            <p className="mt-1 text-xs text-muted">
              <PublishedTime date={correction.createdAt} />
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
