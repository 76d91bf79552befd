/** The same database address with every transaction read only (a write fails): for bench scripts pointed at data they must not change. */
export function readOnlyUrl(url: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('default_transaction_read_only', 'on');
  return parsed.toString();
}
