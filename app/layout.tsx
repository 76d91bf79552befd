import type { Metadata, Viewport } from 'next';
import { site } from '@/lib/config';
import { getSiteSettings } from '@/lib/settings/site-settings';
import { newsreader, newsreaderItalic } from './fonts';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSiteSettings();
  return {
    metadataBase: new URL(site.url),
    applicationName: settings.name,
    title: { default: settings.name, template: `%s | ${settings.name}` },
    description: settings.description,
    alternates: { types: { 'application/rss+xml': '/feed.xml' } },
  };
}

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#111214' },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={`${newsreader.variable} ${newsreaderItalic.variable}`}>
      <body className="min-h-dvh bg-paper text-ink antialiased">{children}</body>
    </html>
  );
}
