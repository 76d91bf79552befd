import { requireUser } from '@/lib/auth/require-user';

export const instant = false;

export default async function NewsroomHome() {
  const user = await requireUser();
  return (
    <div>
      <h1 className="text-2xl font-bold">Good day, {user.displayName}</h1>
    </div>
  );
}
