import { siteIconResponse } from '@/lib/reader/site-icon';

export const size = { width: 180, height: 180 };
export const contentType = 'image/png';

/** The touch icon for phones' home screens. */
export default function AppleIcon() {
  return siteIconResponse(180);
}
