import Link from 'next/link';
import type { CurrentUser } from '@/lib/auth/current-user';
import { can, type Capability } from '@/lib/permissions';
import { SignOutButton } from './sign-out-button';

const LINKS: { href: string; label: string; capability?: Capability }[] = [
  { href: '/newsroom', label: 'Stories' },
  { href: '/newsroom/review', label: 'Review queue', capability: 'article.request_changes' },
  { href: '/newsroom/media', label: 'Media', capability: 'media.upload' },
  { href: '/newsroom/banner', label: 'Breaking banner', capability: 'banner.manage' },
  { href: '/newsroom/users', label: 'People', capability: 'users.manage' },
  { href: '/newsroom/sections', label: 'Sections', capability: 'sections.manage' },
  { href: '/newsroom/settings', label: 'Settings', capability: 'settings.manage' },
  { href: '/newsroom/audit', label: 'Audit log', capability: 'audit.view' },
  { href: '/newsroom/account', label: 'Account' },
];

/** The newsroom's bar: only the places this person may go. */
export function NewsroomNav({ user, unread }: { user: CurrentUser; unread: number }) {
  return (
    <header className="border-b border-rule bg-paper">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-paper focus:p-2">
        Skip to content
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/newsroom" className="font-serif text-xl font-bold">Newsroom</Link>
        <nav aria-label="Newsroom" className="flex-1">
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm font-semibold">
            {LINKS.filter((link) => !link.capability || can(user, link.capability)).map((link) => (
              <li key={link.href}>
                <Link href={link.href} className="hover:underline">
                  {link.label}
                  {link.href === '/newsroom' && unread > 0 && (
                    <span className="ml-1 rounded-full bg-accent px-1.5 text-xs text-paper">
                      {unread}
                      <span className="sr-only"> new notifications</span>
                    </span>
                  )}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="flex items-center gap-3 text-sm">
          <span>
            {user.displayName} <span className="text-muted">({user.role})</span>
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
