import type { Metadata } from 'next';
import { NewSectionForm, SectionRowForms } from '@/components/newsroom/sections/section-forms';
import { requireCapability } from '@/lib/auth/require-user';
import { findSectionsForAdmin } from '@/lib/sections/manage-sections';

export const metadata: Metadata = { title: 'Sections' };
export const instant = false;

export default async function SectionsPage() {
  const user = await requireCapability('sections.manage');
  const sections = await findSectionsForAdmin(user);
  return (
    <div className="grid gap-8">
      <div>
        <h1 className="text-2xl font-bold">Sections</h1>
        <p className="text-muted">The sections of the paper, in the order of the site’s navigation. A section’s address never changes once made.</p>
      </div>
      <NewSectionForm />
      <ol className="grid gap-3">
        {sections.map((section, i) => (
          <SectionRowForms key={section.id} section={{ ...section, first: i === 0, last: i === sections.length - 1 }} />
        ))}
      </ol>
    </div>
  );
}
