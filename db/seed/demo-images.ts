import sharp from 'sharp';

/** Colours per section: sky top, sky bottom, sun, land, buildings. */
const PALETTES: Record<string, [string, string, string, string, string]> = {
  national: ['#1d3557', '#457b9d', '#f1c453', '#2a3d45', '#14213d'],
  'port-calder': ['#264653', '#e9c46a', '#f4a261', '#2a9d8f', '#1b3a4b'],
  world: ['#3d405b', '#81b29a', '#f2cc8f', '#4a4e69', '#22223b'],
  business: ['#0b3954', '#bfd7ea', '#ff6663', '#087e8b', '#0b2545'],
  technology: ['#10002b', '#5a189a', '#e0aaff', '#240046', '#3c096c'],
  culture: ['#7f5539', '#ddb892', '#e63946', '#9c6644', '#582f0e'],
  sports: ['#006d77', '#83c5be', '#ffddd2', '#2b9348', '#004b23'],
};

function random(seed: number) {
  let state = seed * 9301 + 49297;
  return () => {
    state = (state * 9301 + 49297) % 233280;
    return state / 233280;
  };
}

/**
 * An original illustration of a harbour city at dusk, varied by section and seed, so the
 * demo paper has pictures without borrowing anyone's photographs.
 */
export async function demoIllustration(section: string, seed: number): Promise<Buffer> {
  const [skyTop, skyBottom, sun, land, buildings] = PALETTES[section] ?? PALETTES.national!;
  const next = random(seed + 1);
  const width = 1600;
  const height = 900;
  const horizon = 520 + Math.round(next() * 120);
  const towers = Array.from({ length: 26 }, (_, i) => {
    const w = 30 + Math.round(next() * 50);
    const h = 60 + Math.round(next() * 260);
    const x = Math.round((i / 26) * width + next() * 20);
    return `<rect x="${x}" y="${horizon - h}" width="${w}" height="${h}" fill="${buildings}" opacity="${0.75 + next() * 0.25}"/>`;
  }).join('');
  const waves = Array.from({ length: 7 }, (_, i) => {
    const y = horizon + 40 + i * 45;
    return `<path d="M0 ${y} Q 400 ${y - 18} 800 ${y} T 1600 ${y}" stroke="${sun}" stroke-opacity="${0.25 - i * 0.03}" stroke-width="3" fill="none"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${skyTop}"/><stop offset="1" stop-color="${skyBottom}"/>
    </linearGradient></defs>
    <rect width="${width}" height="${height}" fill="url(#sky)"/>
    <circle cx="${300 + Math.round(next() * 1000)}" cy="${horizon - 160 - Math.round(next() * 120)}" r="${70 + Math.round(next() * 50)}" fill="${sun}"/>
    ${towers}
    <rect y="${horizon}" width="${width}" height="${height - horizon}" fill="${land}"/>
    ${waves}
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 88 }).toBuffer();
}

/** An abstract head-and-shoulders portrait for a demo staff member's profile. */
export async function demoPortrait(seed: number): Promise<Buffer> {
  const next = random(seed + 101);
  const hue = Math.round(next() * 360);
  const skin = ['#f1c27d', '#e0ac69', '#c68642', '#8d5524', '#ffdbac'][seed % 5];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="480">
    <rect width="480" height="480" fill="hsl(${hue}, 35%, 78%)"/>
    <ellipse cx="240" cy="470" rx="170" ry="130" fill="hsl(${(hue + 180) % 360}, 30%, 35%)"/>
    <rect x="205" y="280" width="70" height="70" fill="${skin}"/>
    <ellipse cx="240" cy="215" rx="88" ry="104" fill="${skin}"/>
    <path d="M150 200 Q 160 95 240 100 Q 325 95 332 205 Q 300 140 240 145 Q 180 140 150 200 Z" fill="hsl(${hue}, 25%, ${15 + Math.round(next() * 30)}%)"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 88 }).toBuffer();
}
