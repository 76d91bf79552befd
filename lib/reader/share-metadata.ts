import 'server-only';
import type { Metadata } from 'next';
import { getSiteSettings } from '@/lib/settings/site-settings';

type ShareImage = { url: string; width: number; height: number; alt: string };
type OpenGraph = NonNullable<Metadata['openGraph']>;

export type SharedPage = {
  title: string;
  description: string;
  /** The page's own address, e.g. `/sections/world`. */
  path: string;
  /** The page's own card; otherwise the share image from Settings, or the paper's name card. */
  image?: ShareImage;
  /** Article fields (type 'article', times, authors, section, tags). */
  article?: Omit<Extract<OpenGraph, { type: 'article' }>, 'type'>;
};

/** The paper's share image from Settings, or a card with its name (`/og.png`). */
export async function defaultShareImage(): Promise<ShareImage> {
  const settings = await getSiteSettings();
  const image = settings.shareImage;
  return image
    ? { url: image.path, width: image.width, height: image.height, alt: image.alt }
    : { url: '/og.png', width: 1200, height: 630, alt: settings.tagline ? `${settings.name}: ${settings.tagline}` : settings.name };
}

/**
 * OpenGraph and Twitter tags for a reader page, complete for Facebook, X and Google (image
 * alt text included). Next replaces rather than merges a parent's `openGraph`, so each page
 * sets them all through here.
 */
export async function shareMetadata(page: SharedPage): Promise<Pick<Metadata, 'openGraph' | 'twitter'>> {
  const settings = await getSiteSettings();
  const image = page.image ?? (await defaultShareImage());
  const common = { title: page.title, description: page.description, url: page.path, siteName: settings.name, locale: 'en_US', images: [image] };
  return {
    openGraph: page.article ? { ...common, ...page.article, type: 'article' } : { ...common, type: 'website' },
    twitter: { card: 'summary_large_image', title: page.title, description: page.description, images: [{ url: image.url, alt: image.alt }] },
  };
}
