'use client';

type Props = { error: Error & { digest?: string }; retry: () => void };

/**
 * A newsroom page that failed on the server, shown inside the newsroom's frame. In
 * production the browser gets no message (only the digest that the server's log line
 * carries), so this says what is known, what to try and what to quote. Pages that know the
 * database did not answer say so themselves (components/newsroom/page-unavailable.tsx).
 */
export default function NewsroomError({ error, retry }: Props) {
  return (
    <div role="alert" className="max-w-2xl">
      <h1 className="font-serif text-3xl font-bold">This page could not be loaded</h1>
      <p className="mt-4">
        The newsroom&rsquo;s server ran into a problem while preparing it — most often the database not answering for a moment. Nothing you saved
        is lost.
      </p>
      <p className="mt-4">
        <button type="button" onClick={retry} className="rounded bg-ink px-3 py-1.5 font-semibold text-paper">
          Try again
        </button>
      </p>
      <p className="mt-4 text-muted">
        If it keeps happening, tell whoever looks after the newsroom&rsquo;s server
        {error.digest ? (
          <>
            {' '}
            and give them this reference: <code>{error.digest}</code>
          </>
        ) : null}
        .
      </p>
    </div>
  );
}
