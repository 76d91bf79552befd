import { listMetadata, listStaticParams, ReaderListPage, type ListRouteProps } from '@/components/site/lists/reader-list-page';

// A first visit to an address not prerendered waits for the whole page, which is then cached
// (classic ISR), rather than streaming into a skeleton.
export const instant = false;

export const generateStaticParams = () => listStaticParams('authors', { paged: true });
export const generateMetadata = (props: ListRouteProps) => listMetadata('authors', props);

export default function AuthorPageN(props: ListRouteProps) {
  return <ReaderListPage kind="authors" {...props} />;
}
