import { BreakingBanner } from '@/components/site/breaking-banner';
import { SiteFooter } from '@/components/site/site-footer';
import { SiteHeader } from '@/components/site/site-header';

export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader />
      <BreakingBanner />
      <main id="main" className="wrap-anywhere mx-auto max-w-6xl px-4">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
