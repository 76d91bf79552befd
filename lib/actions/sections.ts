'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { createSection, deleteSection, moveSection, updateSection } from '@/lib/sections/manage-sections';

const id = z.coerce.number().int().positive();
const name = z.string().trim().min(2, 'Give the section a name.').max(60);
const description = z.string().trim().max(300).default('');

export const createSectionAction = defineAction({
  capability: 'sections.manage',
  input: z.object({ name, slug: z.string().trim().toLowerCase().max(60).default(''), description }),
  async run(input, { user, ip }) {
    await createSection(user, ip, input);
    revalidatePath('/newsroom/sections');
    return { ok: true, message: `Section “${input.name}” added.` };
  },
});

export const updateSectionAction = defineAction({
  capability: 'sections.manage',
  input: z.object({ id, name, description }),
  async run({ id: sectionId, ...input }, { user, ip }) {
    await updateSection(user, ip, sectionId, input);
    revalidatePath('/newsroom/sections');
    return { ok: true, message: 'Saved.' };
  },
});

export const moveSectionAction = defineAction({
  capability: 'sections.manage',
  input: z.object({ id, direction: z.enum(['up', 'down']) }),
  async run({ id: sectionId, direction }, { user, ip }) {
    await moveSection(user, ip, sectionId, direction);
    revalidatePath('/newsroom/sections');
  },
});

export const deleteSectionAction = defineAction({
  capability: 'sections.manage',
  input: z.object({ id }),
  async run({ id: sectionId }, { user, ip }) {
    await deleteSection(user, ip, sectionId);
    revalidatePath('/newsroom/sections');
    return { ok: true, message: 'Deleted.' };
  },
});
