import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ChangePasswordForm } from '@/components/newsroom/account/change-password-form';
import { ProfileForm } from '@/components/newsroom/account/profile-form';
import { SignOutEverywhere } from '@/components/newsroom/account/sign-out-everywhere';
import { requireUser } from '@/lib/auth/require-user';
import { findLibraryPictures } from '@/lib/media/find-media';
import { getProfileForEditing } from '@/lib/users/find-users';

export const metadata: Metadata = { title: 'Account' };

export const instant = false;

export default async function AccountPage() {
  const user = await requireUser();
  const [profile, pictures] = await Promise.all([getProfileForEditing(user, user.id), findLibraryPictures(user)]);
  if (!profile) notFound();
  return (
    <div className="grid max-w-2xl gap-8">
      <div>
        <h1 className="text-2xl font-bold">Your account</h1>
        <p className="text-muted">{profile.email}</p>
      </div>
      <ProfileForm profile={profile} pictures={pictures.map((p) => ({ id: p.id, label: p.caption || p.alt || 'Untitled picture' }))} />
      <ChangePasswordForm />
      <SignOutEverywhere />
    </div>
  );
}
