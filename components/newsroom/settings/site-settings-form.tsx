'use client';

import { updateSiteSettingsAction } from '@/lib/actions/settings';
import { FieldError, FormStatus } from '@/components/ui/form-status';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { PictureChoice, type ChoosablePicture } from './picture-choice';

type Values = { name: string; tagline: string; description: string; logoId: string; shareImageId: string };
type Limits = { name: number; tagline: number; description: number; shareImageMinWidth: number };

/** The paper's name, tagline, description and pictures; what was typed survives a refusal. */
export function SiteSettingsForm({ values, limits, pictures, timeZone }: { values: Values; limits: Limits; pictures: ChoosablePicture[]; timeZone: string }) {
  const { result, action, errors, sent } = useActionForm(updateSiteSettingsAction);
  const value = (key: keyof Values) => sent?.[key] ?? values[key];
  return (
    <form action={action} className="grid gap-6">
      <FormStatus result={result} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Name of the paper" name="name" required minLength={2} maxLength={limits.name} defaultValue={value('name')} errors={errors?.name}
          hint="In the nameplate, page titles, feeds, share cards and e-mails." />
        <TextField label="Tagline" name="tagline" maxLength={limits.tagline} defaultValue={value('tagline')} errors={errors?.tagline}
          hint="Optional: a short line under the nameplate." />
      </div>
      <div>
        <label htmlFor="description" className="block text-sm font-semibold">Description</label>
        <p id="description-hint" className="text-xs text-muted">For search engines, feeds and share cards of pages that have no description of their own.</p>
        <textarea id="description" name="description" rows={3} required minLength={10} maxLength={limits.description} defaultValue={value('description')}
          aria-describedby={`description-hint${errors?.description ? ' description-error' : ''}`} aria-invalid={errors?.description ? true : undefined}
          className="mt-1 w-full rounded border border-rule bg-paper px-3 py-2 text-base aria-[invalid]:border-accent" />
        <FieldError id="description-error" errors={errors?.description} />
      </div>
      <div>
        <p className="text-sm font-semibold">Time zone</p>
        <p className="text-sm">
          {timeZone} <span className="text-muted">— set by the server’s <code>SITE_TIMEZONE</code>; changing it moves every scheduled and published time, so it is not changed here.</span>
        </p>
      </div>
      <PictureChoice name="logoId" legend="Logo" noneLabel="None: the name in type" pictures={pictures} chosen={value('logoId')} errors={errors?.logoId}
        hint="A wide wordmark shown in place of the name in the nameplate and given to search engines. Upload it in Media first." />
      <PictureChoice name="shareImageId" legend="Share image" noneLabel="None: a card with the name" pictures={pictures.filter((p) => p.width >= limits.shareImageMinWidth)} chosen={value('shareImageId')} errors={errors?.shareImageId}
        hint={`Shown when a page other than a story is shared. At least ${limits.shareImageMinWidth} px wide (1200 × 630 is best), with alt text.`} />
      <div>
        <SubmitButton pendingText="Saving…">Save settings</SubmitButton>
      </div>
    </form>
  );
}
