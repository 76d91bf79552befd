'use client';

import { instantToWallClock, wallClockToInstant } from '@/lib/dates';
import { BylinePicker } from './byline-picker';
import type { LibraryPicture, StoryDraft } from './types';

type Props = {
  draft: StoryDraft;
  liveSlug: string | null;
  editable: boolean;
  sections: { id: number; name: string }[];
  staff: { id: string; displayName: string }[];
  hero: LibraryPicture | undefined;
  timeZone: string;
  errors?: Record<string, string[]>;
  update: (change: Partial<StoryDraft>) => void;
  onChooseHero: () => void;
};

const field = 'w-full rounded border border-rule bg-paper px-3 py-2';

/** Section, bylines, tags, main picture, address, embargo and search fields. */
export function StoryDetails({ draft, liveSlug, editable, sections, staff, hero, timeZone, errors, update, onChooseHero }: Props) {
  return (
    <fieldset disabled={!editable} className="grid gap-3 rounded border border-rule p-3 text-sm">
      <legend className="px-1 font-bold">Details</legend>
      <label className="grid gap-1 font-semibold">
        Section
        <select value={draft.sectionId} onChange={(e) => update({ sectionId: Number(e.target.value) })} className={field}>
          {sections.map((s) => (
            <option key={s.id} value={s.id}>{s.name}</option>
          ))}
        </select>
      </label>
      <BylinePicker staff={staff} value={draft.bylineIds} onChange={(bylineIds) => update({ bylineIds })} disabled={!editable} />
      {errors?.bylineIds && <p className="text-accent">{errors.bylineIds.join(' ')}</p>}
      <label className="grid gap-1 font-semibold">
        Tags <span className="font-normal text-muted">(separated by commas; new ones are created)</span>
        <input
          key={draft.tags.join(",")}
          defaultValue={draft.tags.join(", ")}
          onBlur={(e) => update({ tags: e.target.value.split(',').map((t) => t.trim()).filter(Boolean) })}
          className={field}
        />
      </label>
      <div className="grid gap-1">
        <span className="font-semibold">Main picture</span>
        {hero ? (
          // eslint-disable-next-line @next/next/no-img-element -- a library thumbnail
          <img src={hero.url} alt={hero.alt} className="aspect-video w-full rounded object-cover" />
        ) : (
          <p className="text-muted">None</p>
        )}
        <div className="flex gap-2">
          <button type="button" onClick={onChooseHero} className="rounded border border-rule px-2 py-1">Choose picture</button>
          {hero && <button type="button" onClick={() => update({ heroMediaId: null })} className="rounded border border-rule px-2 py-1">Remove</button>}
        </div>
      </div>
      <label className="grid gap-1 font-semibold">
        Address (slug)
        <input value={draft.slug} onChange={(e) => update({ slug: e.target.value.toLowerCase() })} aria-invalid={errors?.slug ? true : undefined} className={field} />
        {liveSlug && draft.slug !== liveSlug && (
          <span className="font-normal text-muted">When published, /articles/{liveSlug} will redirect here.</span>
        )}
      </label>
      <label className="grid gap-1 font-semibold">
        Embargo until ({timeZone})
        <input
          type="datetime-local"
          value={draft.embargoUntil ? instantToWallClock(new Date(draft.embargoUntil), timeZone) : ''}
          onChange={(e) => update({ embargoUntil: e.target.value ? wallClockToInstant(e.target.value, timeZone).toISOString() : null })}
          className={field}
        />
      </label>
      <label className="grid gap-1 font-semibold">
        Search title <span className="font-normal text-muted">({draft.seoTitle.length}/70 shown)</span>
        <input value={draft.seoTitle} onChange={(e) => update({ seoTitle: e.target.value })} className={field} />
      </label>
      <label className="grid gap-1 font-semibold">
        Search description <span className="font-normal text-muted">({draft.seoDescription.length}/160 shown)</span>
        <textarea value={draft.seoDescription} onChange={(e) => update({ seoDescription: e.target.value })} rows={2} className={field} />
      </label>
    </fieldset>
  );
}
