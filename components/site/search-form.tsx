/** A plain GET form: works without JavaScript and gives shareable result URLs. */
export function SearchForm({ defaultValue = '', id = 'search-query' }: { defaultValue?: string; id?: string }) {
  return (
    <form action="/search" method="get" role="search" className="flex gap-2">
      <label htmlFor={id} className="sr-only">
        Search stories
      </label>
      <input
        id={id}
        name="q"
        type="search"
        defaultValue={defaultValue}
        placeholder="Search stories"
        maxLength={200}
        className="min-w-0 flex-1 rounded border border-rule bg-paper px-3 py-2 font-sans text-base"
      />
      <button type="submit" className="rounded bg-ink px-4 py-2 font-sans text-sm font-semibold text-paper">
        Search
      </button>
    </form>
  );
}
