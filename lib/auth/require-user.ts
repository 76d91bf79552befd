import 'server-only';
import { redirect } from 'next/navigation';
import { can, type Capability } from '@/lib/permissions';
import { getCurrentUser, type CurrentUser } from './current-user';

/** For newsroom pages: the signed-in person, or off to the sign-in page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  return user;
}

/** For pages that need a capability: the person, or a 403-style message page via notFound. */
export async function requireCapability(capability: Capability): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user, capability)) redirect('/newsroom?denied=1');
  return user;
}
