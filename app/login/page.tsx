import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/newsroom/sign-in-form';
import { getCurrentUser } from '@/lib/auth/current-user';
import { WRONG_CREDENTIALS } from '@/lib/auth/sign-in';
import { getSiteSettings } from '@/lib/settings/site-settings';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };

type Props = { searchParams: Promise<{ next?: string; password?: string; error?: string; code?: string }> };

export const instant = false;

export default async function LoginPage({ searchParams }: Props) {
  const settings = await getSiteSettings();
  return (
    <main id="main" className="mx-auto grid min-h-dvh max-w-sm content-center gap-6 px-4 py-10 font-sans">
      <div className="text-center">
        <Link href="/" className="font-serif text-2xl font-bold">{settings.name}</Link>
        <h1 className="mt-4 text-xl font-semibold">Sign in to the newsroom</h1>
      </div>
      <LoginForm searchParams={searchParams} />
    </main>
  );
}

async function LoginForm({ searchParams }: Props) {
  if (await getCurrentUser()) redirect('/newsroom');
  const { next, password, error, code } = await searchParams;
  return (
    <>
      {password === 'set' && (
        <p role="status" className="rounded border border-green-700/40 bg-green-50 px-3 py-2 text-sm text-green-900 dark:bg-green-950 dark:text-green-100">
          Your password is set. Sign in with it now.
        </p>
      )}
      {/* Where Auth.js's own endpoint sends a refused sign-in. */}
      {error === 'CredentialsSignin' && (
        <p role="alert" className="rounded border border-accent/50 bg-red-50 px-3 py-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
          {code === 'too_many_attempts' ? 'Too many attempts. Please wait a few minutes and try again.' : WRONG_CREDENTIALS}
        </p>
      )}
      <SignInForm next={typeof next === 'string' ? next : undefined} />
      <p className="text-center text-sm">
        <Link href="/login/forgot-password" className="underline">Forgot your password?</Link>
      </p>
    </>
  );
}
