import { listMetadata, listStaticParams, ReaderListPage, type ListRouteProps } from '@/components/site/lists/reader-list-page';

// A first visit to an address not prerendered waits for the whole page, which is then cached
// (classic ISR), rather than streaming into a skeleton.
export const instant = false;

export const generateStaticParams = () => listStaticParams('sections', { paged: true });
export const generateMetadata = (props: ListRouteProps) => listMetadata('sections', props);

export default function SectionPageN(props: ListRouteProps) {
  return <ReaderListPage kind="sections" {...props} />;
}
