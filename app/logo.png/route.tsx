import { ImageResponse } from 'next/og';
import { ogFonts } from '@/lib/reader/og-font';
import { getSiteSettings } from '@/lib/settings/site-settings';

/** The publisher logo named in structured data: the paper's name, 600 × 60. */
export async function GET() {
  const site = await getSiteSettings();
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#ffffff', color: '#16181d', fontSize: 40, fontFamily: 'Geist' }}>
        {site.name}
      </div>
    ),
    { width: 600, height: 60, fonts: await ogFonts(), headers: { 'Cache-Control': 'public, max-age=86400' } },
  );
}
