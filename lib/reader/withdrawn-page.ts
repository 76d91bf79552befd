import 'server-only';
import { noticePageHtml } from './notice-page';

/** The page for a withdrawn story, sent by the proxy with status 410 (Next cannot attach a 410 to a rendered page). */
export function withdrawnPageHtml(siteName: string): string {
  return noticePageHtml({
    siteName,
    title: 'Story withdrawn',
    heading: 'This story has been withdrawn',
    messageHtml: 'The editors have taken this story down, and it is no longer available. Go to the <a href="/">front page</a>, or search for other stories.',
    searchForm: true,
  });
}
