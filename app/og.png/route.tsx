import { ImageResponse } from 'next/og';
import { ogFonts } from '@/lib/reader/og-font';
import { PUBLIC_CACHE_CONTROL } from '@/lib/reader/responses';
import { getSiteSettings } from '@/lib/settings/site-settings';

/** The share card of pages without their own picture, when Settings names no share image. */
export async function GET() {
  const settings = await getSiteSettings();
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', justifyContent: 'center', alignItems: 'center', padding: 64, background: '#ffffff', color: '#16181d', fontFamily: 'Geist', borderTop: '16px solid #a3161f', textAlign: 'center' }}>
        <div style={{ fontSize: settings.name.length > 40 ? 64 : 84, lineHeight: 1.1 }}>{settings.name}</div>
        {settings.tagline && <div style={{ marginTop: 32, fontSize: 32, color: '#5b6170' }}>{settings.tagline}</div>}
      </div>
    ),
    { width: 1200, height: 630, fonts: await ogFonts(), headers: { 'Cache-Control': PUBLIC_CACHE_CONTROL } },
  );
}
