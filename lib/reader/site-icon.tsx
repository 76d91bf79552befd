import 'server-only';
import { ImageResponse } from 'next/og';
import { getSiteSettings } from '@/lib/settings/site-settings';
import { ogFonts } from './og-font';

/** The paper's initial on its ink colour: favicon, touch icon and the web manifest's icons. */
export async function siteIconResponse(size: number): Promise<ImageResponse> {
  const { name } = await getSiteSettings();
  // "The Port Calder Courier" → "C": the first letter of the last word reads as the paper's own.
  const initial = (name.replace(/^the\s+/i, '').trim().split(/\s+/).at(-1) ?? name).charAt(0).toUpperCase() || 'M';
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#16181d', color: '#ffffff', fontFamily: 'Geist', fontSize: Math.round(size * 0.66), borderRadius: Math.round(size * 0.16) }}>
        {initial}
      </div>
    ),
    { width: size, height: size, fonts: await ogFonts() },
  );
}
