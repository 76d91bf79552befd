import type { MetadataRoute } from 'next';
import { getSiteSettings } from '@/lib/settings/site-settings';

/** The web manifest: the paper's name and icons for "add to home screen". */
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const settings = await getSiteSettings();
  return {
    name: settings.name,
    short_name: settings.name.length <= 12 ? settings.name : settings.name.replace(/^the\s+/i, '').split(/\s+/).at(-1)!,
    description: settings.description,
    start_url: '/',
    display: 'browser',
    background_color: '#ffffff',
    theme_color: '#16181d',
    icons: [
      { src: '/icon/192', sizes: '192x192', type: 'image/png' },
      { src: '/icon/512', sizes: '512x512', type: 'image/png' },
    ],
  };
}
