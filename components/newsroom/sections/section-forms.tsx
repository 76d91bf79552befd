'use client';

import { useActionState } from 'react';
import { createSectionAction, deleteSectionAction, moveSectionAction, updateSectionAction } from '@/lib/actions/sections';
import { FormStatus } from '@/components/ui/form-status';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';

export function NewSectionForm() {
  const { result, action, errors, sent } = useActionForm(createSectionAction);
  return (
    <form action={action} className="grid gap-3 rounded border border-rule p-4" aria-labelledby="new-section-heading">
      <h2 id="new-section-heading" className="text-lg font-semibold">Add a section</h2>
      <FormStatus result={result} />
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField label="Name" name="name" id="new-section-name" required defaultValue={sent?.name} errors={errors?.name} />
        <TextField label="Address" name="slug" id="new-section-slug" hint="Optional: made from the name" defaultValue={sent?.slug} errors={errors?.slug} />
        <TextField label="Description" name="description" id="new-section-description" defaultValue={sent?.description} errors={errors?.description} />
      </div>
      <div>
        <SubmitButton pendingText="Adding…">Add section</SubmitButton>
      </div>
    </form>
  );
}

type Row = { id: number; slug: string; name: string; description: string; stories: number; published: number; first: boolean; last: boolean };

export function SectionRowForms({ section }: { section: Row }) {
  const [saved, save] = useActionState(updateSectionAction, null);
  const [, move] = useActionState(moveSectionAction, null);
  const [deleted, remove] = useActionState(deleteSectionAction, null);
  return (
    <li className="grid gap-2 rounded border border-rule p-3" aria-label={section.name}>
      <form action={save} className="grid gap-2 sm:grid-cols-[12rem_minmax(0,1fr)_auto] sm:items-end">
        <input type="hidden" name="id" value={section.id} />
        <TextField label="Name" name="name" id={`name-${section.id}`} defaultValue={section.name} required />
        <TextField label="Description" name="description" id={`description-${section.id}`} defaultValue={section.description} />
        <SubmitButton pendingText="Saving…">Save</SubmitButton>
      </form>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-muted">
          /sections/{section.slug} · {section.published} published of {section.stories} stories
        </span>
        <form action={move}>
          <input type="hidden" name="id" value={section.id} />
          <input type="hidden" name="direction" value="up" />
          <button type="submit" disabled={section.first} className="rounded border border-rule px-2 py-1 disabled:opacity-40" aria-label={`Move ${section.name} up`}>↑</button>
        </form>
        <form action={move}>
          <input type="hidden" name="id" value={section.id} />
          <input type="hidden" name="direction" value="down" />
          <button type="submit" disabled={section.last} className="rounded border border-rule px-2 py-1 disabled:opacity-40" aria-label={`Move ${section.name} down`}>↓</button>
        </form>
        {section.stories === 0 && (
          <form action={remove}>
            <input type="hidden" name="id" value={section.id} />
            <button type="submit" className="text-accent underline">Delete section</button>
          </form>
        )}
      </div>
      <FormStatus result={saved} />
      <FormStatus result={deleted} />
    </li>
  );
}
