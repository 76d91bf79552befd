import { describe, expect, it } from 'vitest';
import { findSections } from '@/lib/reader/taxonomy';
import { createArticle, createSection as createSectionRow, createUser, unique } from '@/test/factories';
import { createSection, deleteSection, findSectionsForAdmin, moveSection, updateSection } from './manage-sections';

const admin = async () => ({ id: (await createUser({ role: 'admin' })).id, role: 'admin' as const });

describe('managing sections', () => {
  it('adds, renames and reorders sections, as the reader navigation shows them', async () => {
    const actor = await admin();
    await createSection(actor, '', { name: `Weather ${unique()}`, slug: '', description: '' });
    const name = `Science ${unique()}`;
    const { id } = await createSection(actor, '', { name, slug: '', description: 'Research and discovery.' });
    let nav = await findSections();
    expect(nav.at(-1)).toMatchObject({ id, name, description: 'Research and discovery.' });
    await moveSection(actor, '', id, 'up');
    nav = await findSections();
    expect(nav.at(-2)?.id).toBe(id);
    await updateSection(actor, '', id, { name: `${name} & Health`, description: '' });
    expect((await findSections()).find((s) => s.id === id)?.name).toBe(`${name} & Health`);
    await expect(createSection(actor, '', { name: 'Dup', slug: nav[0]!.slug, description: '' })).rejects.toThrow(/already has this address/);
  });

  it('deletes only empty sections, and only for admins', async () => {
    const actor = await admin();
    const used = await createSectionRow();
    await createArticle({ sectionId: used.id });
    await expect(deleteSection(actor, '', used.id)).rejects.toThrow(/holds 1 story/);
    const empty = await createSectionRow();
    await deleteSection(actor, '', empty.id);
    expect((await findSectionsForAdmin(actor)).map((s) => s.id)).not.toContain(empty.id);
    await expect(findSectionsForAdmin({ id: actor.id, role: 'editor' })).rejects.toThrow(/permission/);
  });
});
