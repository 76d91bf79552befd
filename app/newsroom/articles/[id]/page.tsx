import type { Metadata } from 'next';
import { NotesThread } from '@/components/editor/notes-thread';
import { PreviewLinkForm } from '@/components/editor/preview-link-form';
import { StoryEditor } from '@/components/editor/story-editor';
import { LiveDesk } from '@/components/newsroom/live/live-desk';
import { liveDeskView } from '@/components/newsroom/live/live-desk-view';
import { findLiveDesk } from '@/lib/live/live-desk';
import { requireUser } from '@/lib/auth/require-user';
import { collab, site } from '@/lib/config';
import { formatPublishedTime, instantToSiteDateTime } from '@/lib/site-time';
import { findLibraryPictures } from '@/lib/media/find-media';
import { can } from '@/lib/permissions';
import { findSections } from '@/lib/reader/taxonomy';
import { requestTime } from '@/lib/request-context';
import { findStaffNames } from '@/lib/users/find-users';
import { findNotes } from '@/lib/workflow/notes';
import { findPreviewLinks, isPreviewable } from '@/lib/workflow/preview-links';
import { getWorkingCopy } from '@/lib/workflow/working-copy';
import { openStoryPage } from './open-story-page';
import { PageUnavailable } from '@/components/newsroom/page-unavailable';

export const metadata: Metadata = { title: 'Edit story' };
export const instant = false;

type Props = { params: Promise<{ id: string }> };

export default async function EditStoryPage({ params }: Props) {
  const user = await requireUser();
  const opened = await openStoryPage(params, (id) => getWorkingCopy(user, id));
  if (opened.kind === 'unavailable') return <PageUnavailable message={opened.message} />;
  if (opened.kind === 'refused') return <p role="alert" className="text-lg">{opened.message}</p>;
  const { id, found: story } = opened;
  const mayShare = can(user, 'article.share_preview');
  const [sections, staff, pictures, notes, previewLinks, liveDesk] = await Promise.all([
    findSections(),
    findStaffNames(user),
    findLibraryPictures(user),
    findNotes(user, id),
    mayShare ? findPreviewLinks(user, id) : [],
    findLiveDesk(user, id),
  ]);
  const inAnHour = new Date(Math.ceil((requestTime() + 3_600_000) / 900_000) * 900_000);
  return (
    <>
      <StoryEditor
        story={{
          id: story.id,
          version: story.version,
          revisionId: story.revisionId,
          scheduledRevisionId: story.scheduledRevisionId,
          status: story.status,
          liveSlug: story.liveSlug,
          canEdit: story.canEdit,
          draft: story.draft,
          lastSaved: { by: story.lastSaved.by, at: story.lastSaved.at.toISOString() },
        }}
        transitions={story.transitions}
        sections={sections.map((s) => ({ id: s.id, name: s.name }))}
        staff={staff}
        pictures={pictures}
        timeZone={site.timeZone}
        scheduledForLabel={story.scheduledFor ? formatPublishedTime(story.scheduledFor) : null}
        defaultScheduleValue={instantToSiteDateTime(story.scheduledFor ?? inAnHour)}
        collabUrl={collab.publicUrl()}
        sidebar={
          <>
            {mayShare && (
              <PreviewLinkForm
                articleId={story.id}
                canCreate={isPreviewable(story.status)}
                links={previewLinks.map((link) => ({
                  id: link.id,
                  createdBy: link.createdBy,
                  created: formatPublishedTime(link.createdAt),
                  expires: formatPublishedTime(link.expiresAt),
                  state: link.state,
                  endedBecause: link.endedBecause,
                }))}
              />
            )}
            <NotesThread
              articleId={story.id}
              notes={notes.map((n) => ({ id: n.id, body: n.body, kind: n.kind, by: n.by, when: formatPublishedTime(n.createdAt) }))}
            />
          </>
        }
      />
      <LiveDesk
        articleId={story.id}
        liveUrl={story.liveSlug && story.status === 'published' ? `/articles/${story.liveSlug}` : null}
        me={user.id}
        desk={liveDesk && liveDeskView(liveDesk)}
        canStart={can(user, 'live.manage')}
        staff={staff}
        pictures={pictures}
      />
    </>
  );
}
