import type { Metadata } from 'next';
import { NewStoryForm } from '@/components/newsroom/new-story-form';
import { requireCapability } from '@/lib/auth/require-user';
import { findSections } from '@/lib/reader/taxonomy';

export const metadata: Metadata = { title: 'New story' };
export const instant = false;

export default async function NewStoryPage() {
  await requireCapability('article.create');
  const sections = await findSections();
  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-bold">New story</h1>
      <NewStoryForm sections={sections.map((s) => ({ id: s.id, name: s.name }))} />
    </div>
  );
}
