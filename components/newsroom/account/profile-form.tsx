'use client';

import { updateProfileAction } from '@/lib/actions/users';
import { FieldError, FormStatus } from '@/components/ui/form-status';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import type { Profile } from '@/lib/users/find-users';

/** The author profile readers see on the author page. */
export function ProfileForm({ profile, pictures }: { profile: Profile; pictures: { id: string; label: string }[] }) {
  const { result, action, errors, sent } = useActionForm(updateProfileAction);
  // After a refusal, show what was typed rather than what is saved.
  const value = (field: keyof Profile) => sent?.[field] ?? String(profile[field] ?? '');
  return (
    <form action={action} className="grid gap-3 rounded border border-rule p-4" aria-labelledby="profile-heading">
      <h2 id="profile-heading" className="text-lg font-semibold">Author profile</h2>
      <FormStatus result={result} />
      <input type="hidden" name="userId" value={profile.id} />
      <TextField label="Display name" name="displayName" defaultValue={value('displayName')} required errors={errors?.displayName} />
      <TextField label="Job title" name="jobTitle" defaultValue={value('jobTitle')} errors={errors?.jobTitle} />
      <TextField
        label="Address of your author page"
        name="slug"
        defaultValue={value('slug')}
        hint="Lowercase letters, digits and hyphens: /authors/your-name"
        required
        errors={errors?.slug}
      />
      <div>
        <label htmlFor="photoMediaId" className="block text-sm font-semibold">Photo</label>
        <select id="photoMediaId" name="photoMediaId" defaultValue={value('photoMediaId')} className="mt-1 w-full rounded border border-rule bg-paper px-2 py-2">
          <option value="">No photo</option>
          {pictures.map((p) => (
            <option key={p.id} value={p.id}>{p.label}</option>
          ))}
        </select>
        <p className="text-xs text-muted">Upload portraits in Media, with alt text, then choose one here.</p>
      </div>
      <div>
        <label htmlFor="bio" className="block text-sm font-semibold">Bio</label>
        <textarea id="bio" name="bio" rows={4} defaultValue={value('bio')} maxLength={2000}
          className="mt-1 w-full rounded border border-rule bg-paper px-3 py-2 text-base" aria-describedby={errors?.bio ? 'bio-error' : undefined} />
        <FieldError id="bio-error" errors={errors?.bio} />
      </div>
      <div>
        <SubmitButton pendingText="Saving…">Save profile</SubmitButton>
      </div>
    </form>
  );
}
