'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useEffect } from 'react';
import { createPreviewLinkAction, revokePreviewLinkAction } from '@/lib/actions/stories';
import { FormStatus } from '@/components/ui/form-status';
import { OneTimeLink } from '@/components/ui/one-time-link';
import { SubmitButton } from '@/components/ui/submit-button';

export type PreviewLinkItem = {
  id: string;
  createdBy: string;
  created: string;
  expires: string;
  state: 'active' | 'expired' | 'revoked' | 'ended';
  endedBecause: string | null;
};

type Props = { articleId: string; links: PreviewLinkItem[]; canCreate: boolean };

/** Expiring links for people outside the newsroom to read this story, and the ones made so far. */
export function PreviewLinkForm({ articleId, links, canCreate }: Props) {
  const router = useRouter();
  const [result, action] = useActionState(createPreviewLinkAction, null);
  useEffect(() => {
    if (result?.ok) router.refresh();
  }, [result, router]);
  return (
    <section aria-labelledby="preview-links-heading" className="grid gap-3 rounded border border-rule p-3 text-sm">
      <h2 id="preview-links-heading" className="font-bold">Share a preview</h2>
      {canCreate ? (
        <form action={action} className="grid gap-2">
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
          {result?.ok && result.data?.link && <OneTimeLink link={result.data.link} label="Preview link (shown once: copy it now)" />}
          <div>
            <SubmitButton pendingText="Creating…">Create preview link</SubmitButton>
          </div>
        </form>
      ) : (
        <p className="text-muted">A story that has been taken down cannot be shared.</p>
      )}
      {links.length > 0 && (
        <ul aria-label="Preview links" className="grid gap-2">
          {links.map((link) => (
            <PreviewLinkRow key={link.id} articleId={articleId} link={link} />
          ))}
        </ul>
      )}
    </section>
  );
}

const STATE_LABEL: Record<PreviewLinkItem['state'], string> = { active: 'Open', expired: 'Expired', revoked: 'Revoked', ended: 'Ended' };

function PreviewLinkRow({ articleId, link }: { articleId: string; link: PreviewLinkItem }) {
  const router = useRouter();
  const [result, revoke] = useActionState(revokePreviewLinkAction, null);
  useEffect(() => {
    if (result?.ok) router.refresh();
  }, [result, router]);
  const label = `Preview link by ${link.createdBy}, made ${link.created}`;
  return (
    <li aria-label={label} className="grid gap-1 border-t border-rule pt-2">
      <p>
        <span className={link.state === 'active' ? 'font-semibold text-green-800 dark:text-green-300' : 'font-semibold text-muted'}>{STATE_LABEL[link.state]}</span>
        {' · '}by {link.createdBy}, {link.created}
      </p>
      <p className="text-xs text-muted">{link.state === 'active' || link.state === 'expired' ? `${link.state === 'active' ? 'Expires' : 'Expired'} ${link.expires}` : link.endedBecause}</p>
      {link.state === 'active' && (
        <form action={revoke}>
          <input type="hidden" name="articleId" value={articleId} />
          <input type="hidden" name="linkId" value={link.id} />
          <button type="submit" className="text-xs font-semibold text-accent underline">Revoke</button>
        </form>
      )}
      <FormStatus result={result} />
    </li>
  );
}
