'use client';

import { useActionState } from 'react';
import { createPreviewLinkAction } from '@/app/newsroom/articles/actions';
import { FormStatus } from '@/components/ui/form-status';
import { OneTimeLink } from '@/components/ui/one-time-link';
import { SubmitButton } from '@/components/ui/submit-button';

/** An expiring link for someone outside the newsroom to read this one draft. */
export function PreviewLinkForm({ articleId }: { articleId: string }) {
  const [result, action] = useActionState(createPreviewLinkAction, null);
  return (
    <form action={action} className="grid gap-2 rounded border border-rule p-3 text-sm">
      <h2 className="font-bold">Share a preview</h2>
      <input type="hidden" name="articleId" value={articleId} />
      <label className="grid gap-1">
        Link works for
        <select name="days" defaultValue="2" className="rounded border border-rule bg-paper px-2 py-1">
          <option value="1">1 day</option>
          <option value="2">2 days</option>
          <option value="7">7 days</option>
        </select>
      </label>
      <FormStatus result={result} />
      {result?.ok && result.data?.link && <OneTimeLink link={result.data.link} label="Preview link" />}
      <div>
        <SubmitButton pendingText="Creating…">Create preview link</SubmitButton>
      </div>
    </form>
  );
}
