import { connection } from 'next/server';

// Per request and never cached: a preview link may expire at any moment.
export const instant = false;

export default async function PreviewLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return children;
}
