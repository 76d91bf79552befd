import { SiteFooter } from '@/components/site/site-footer';
import { SiteHeader } from '@/components/site/site-header';

export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main" className="wrap-anywhere mx-auto max-w-6xl px-4">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
