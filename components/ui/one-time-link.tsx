/** A link to pass on by hand, in a field that is easy to select and copy. */
export function OneTimeLink({ link, label }: { link: string; label: string }) {
  return (
    <div className="mt-2">
      <label className="block text-sm font-semibold">
        {label}
        <input readOnly value={link} className="mt-1 w-full rounded border border-rule bg-paper px-2 py-1 font-mono text-xs" />
      </label>
    </div>
  );
}
