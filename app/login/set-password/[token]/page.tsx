import type { Metadata } from 'next';
import { SetPasswordForm } from '@/components/newsroom/set-password-form';

export const metadata: Metadata = { title: 'Set your password', robots: { index: false }, referrer: 'no-referrer' };

export const instant = false;

export default function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  return (
    <main id="main" className="mx-auto grid min-h-dvh max-w-sm content-center gap-6 px-4 py-10 font-sans">
      <h1 className="text-center text-xl font-semibold">Set your password</h1>
      <TokenForm params={params} />
    </main>
  );
}

async function TokenForm({ params }: { params: Promise<{ token: string }> }) {
  return <SetPasswordForm token={(await params).token} />;
}
