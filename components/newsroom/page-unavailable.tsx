/** In place of a newsroom page (or the whole frame) whose reads the database could not answer. */
export function PageUnavailable({ message }: { message: string }) {
  return (
    <div role="alert" className="max-w-2xl">
      <h1 className="font-serif text-3xl font-bold">This page could not be loaded</h1>
      <p className="mt-4">{message}</p>
      <p className="mt-4 text-muted">If it goes on for more than a few minutes, tell whoever looks after the newsroom&rsquo;s server.</p>
    </div>
  );
}
