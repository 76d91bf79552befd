import type { Metadata } from 'next';
import Link from 'next/link';
import { ForgotPasswordForm } from '@/components/newsroom/forgot-password-form';
import { emailEnabled } from '@/lib/email';

export const metadata: Metadata = { title: 'Forgot your password?', robots: { index: false } };

export const instant = false;

export default function ForgotPasswordPage() {
  return (
    <main id="main" className="mx-auto grid min-h-dvh max-w-sm content-center gap-6 px-4 py-10 font-sans">
      <h1 className="text-center text-xl font-semibold">Forgot your password?</h1>
      {emailEnabled() ? (
        <>
          <p className="text-sm">Enter the email address you sign in with. We will email you a link to set a new password.</p>
          <ForgotPasswordForm />
        </>
      ) : (
        <p className="text-sm">
          This newsroom does not send email. Ask an admin to give you a reset link: they can make one under People.
          Setting a new password with it also lifts a block after too many wrong attempts.
        </p>
      )}
      <p className="text-center text-sm">
        <Link href="/login" className="underline">Back to sign in</Link>
      </p>
    </main>
  );
}
