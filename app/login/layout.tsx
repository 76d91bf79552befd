import { connection } from 'next/server';

// Rendered per request, never prerendered: each response carries its own CSP nonce.
export const instant = false;

export default async function SignInLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return children;
}
