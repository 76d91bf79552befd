import type { StoryFilter } from '@/lib/workflow/newsroom-queries';
import { STATUS_LABEL } from './status-labels';

type Props = { filter: StoryFilter; sections: { id: number; name: string }[]; staff: { id: string; displayName: string }[] };

/** Search and filter newsroom stories: a plain GET form, so results have an address. */
export function StoryFilterForm({ filter, sections, staff }: Props) {
  const select = 'mt-1 block rounded border border-rule bg-paper px-2 py-2 font-normal';
  return (
    <form method="get" action="/newsroom" className="flex flex-wrap items-end gap-3 rounded border border-rule p-3 text-sm">
      <label className="font-semibold">
        Text
        <input type="search" name="q" defaultValue={filter.q ?? ''} maxLength={200} className={select} />
      </label>
      <label className="font-semibold">
        Status
        <select name="status" defaultValue={filter.status ?? ''} className={select}>
          <option value="">Any</option>
          {Object.entries(STATUS_LABEL).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
      </label>
      <label className="font-semibold">
        Section
        <select name="section" defaultValue={filter.section ?? ''} className={select}>
          <option value="">Any</option>
          {sections.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </label>
      <label className="font-semibold">
        Author
        <select name="author" defaultValue={filter.author ?? ''} className={select}>
          <option value="">Anyone</option>
          {staff.map((p) => <option key={p.id} value={p.id}>{p.displayName}</option>)}
        </select>
      </label>
      <button type="submit" className="rounded bg-ink px-4 py-2 font-semibold text-paper">Find</button>
    </form>
  );
}
