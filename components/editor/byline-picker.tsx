'use client';

type Person = { id: string; displayName: string };

/** Ordered bylines: add staff, move them up, remove them. */
export function BylinePicker({ staff, value, onChange, disabled }: { staff: Person[]; value: string[]; onChange: (ids: string[]) => void; disabled: boolean }) {
  const name = (id: string) => staff.find((p) => p.id === id)?.displayName ?? 'Former staff';
  const move = (index: number) => {
    const next = [...value];
    [next[index - 1], next[index]] = [next[index]!, next[index - 1]!];
    onChange(next);
  };
  return (
    <fieldset className="grid gap-2" disabled={disabled}>
      <legend className="text-sm font-semibold">Bylines</legend>
      <ol className="grid gap-1">
        {value.map((id, i) => (
          <li key={id} className="flex items-center justify-between gap-2 rounded border border-rule px-2 py-1 text-sm">
            <span>{name(id)}</span>
            <span className="flex gap-1">
              {i > 0 && (
                <button type="button" onClick={() => move(i)} aria-label={`Move ${name(id)} up`} className="px-1">↑</button>
              )}
              <button type="button" onClick={() => onChange(value.filter((v) => v !== id))} aria-label={`Remove ${name(id)}`} className="px-1">✕</button>
            </span>
          </li>
        ))}
      </ol>
      <label className="text-sm">
        <span className="sr-only">Add a byline</span>
        <select
          value=""
          onChange={(event) => event.target.value && onChange([...value, event.target.value])}
          className="w-full rounded border border-rule bg-paper px-2 py-1"
        >
          <option value="">Add a byline…</option>
          {staff.filter((p) => !value.includes(p.id)).map((p) => (
            <option key={p.id} value={p.id}>{p.displayName}</option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
