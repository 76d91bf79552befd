import type { Metadata } from 'next';
import { InviteForm } from '@/components/newsroom/users/invite-form';
import { StaffRowActions } from '@/components/newsroom/users/staff-row-actions';
import { requireCapability } from '@/lib/auth/require-user';
import { formatPublishedTime } from '@/lib/site-time';
import { findStaff } from '@/lib/users/find-users';

export const metadata: Metadata = { title: 'People' };

export const instant = false;

export default async function UsersPage() {
  const user = await requireCapability('users.manage');
  const staff = await findStaff(user);
  return (
    <div className="grid gap-8">
      <h1 className="text-2xl font-bold">People</h1>
      <InviteForm />
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Everyone with a newsroom account</caption>
          <thead className="border-b border-rule text-xs uppercase text-muted">
            <tr>
              <th scope="col" className="py-2 pr-4">Person</th>
              <th scope="col" className="py-2 pr-4">Role</th>
              <th scope="col" className="py-2 pr-4">Status</th>
              <th scope="col" className="py-2 pr-4">Last sign-in</th>
              <th scope="col" className="py-2">Manage</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((person) => (
              <tr key={person.id} className="border-b border-rule align-top">
                <th scope="row" className="py-3 pr-4 font-normal">
                  <span className="font-semibold">{person.displayName}</span>
                  <br />
                  <span className="text-muted">{person.email}</span>
                </th>
                <td className="py-3 pr-4 capitalize">{person.role}</td>
                <td className="py-3 pr-4">
                  {!person.active ? 'Deactivated' : person.hasPassword ? 'Active' : 'Invited'}
                </td>
                <td className="py-3 pr-4">{person.lastSignInAt ? formatPublishedTime(person.lastSignInAt) : 'Never'}</td>
                <td className="py-3">
                  <StaffRowActions userId={person.id} name={person.displayName} role={person.role} active={person.active} isSelf={person.id === user.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
