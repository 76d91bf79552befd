import { listMetadata, ReaderListPage, type ListRouteProps } from '@/components/site/lists/reader-list-page';

// Rendered per request and kept whole by the app's page cache (see reader-list-page.tsx);
// the whole page is rendered before anything is sent.
export const instant = false;

export const generateMetadata = (props: ListRouteProps) => listMetadata('tags', props);

export default function TagPageN(props: ListRouteProps) {
  return <ReaderListPage kind="tags" {...props} />;
}
