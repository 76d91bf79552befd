type Props = { basePath: string; page: number; totalPages: number; query?: Record<string, string> };

/**
 * Real links to the previous and next pages, so crawlers and readers without JavaScript can
 * page. Plain anchors, not <Link>: `?page=N` is served by a rewrite, and the client router
 * would otherwise reuse page 1 for a URL that differs only in its query.
 */
export function Pagination({ basePath, page, totalPages, query = {} }: Props) {
  if (totalPages <= 1) return null;
  const hrefFor = (n: number) => {
    const params = new URLSearchParams(query);
    if (n > 1) params.set('page', String(n));
    const search = params.toString();
    return search ? `${basePath}?${search}` : basePath;
  };
  const linkClass = 'rounded border border-rule px-4 py-2 font-semibold hover:border-ink';
  return (
    <nav aria-label="Pages" className="mt-8 flex items-center justify-between gap-4 font-sans text-sm">
      {page > 1 ? (
        <a href={hrefFor(page - 1)} rel="prev" className={linkClass}>
          <span aria-hidden="true">← </span>Newer
        </a>
      ) : (
        <span />
      )}
      <p className="text-muted">
        Page {page} of {totalPages}
      </p>
      {page < totalPages ? (
        <a href={hrefFor(page + 1)} rel="next" className={linkClass}>
          Older<span aria-hidden="true"> →</span>
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
