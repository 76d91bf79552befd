/**
 * What the old autosave load kept per editor. The load itself (saveStoryAction posted back
 * to back) is gone with the action (issue 15: the editor types through the collaboration
 * server, the bench's `collab` phase). Only this type is left, for scripts/chaos/editors.ts
 * on main, which another branch (chaoscollab) moves to the collaboration server.
 */
import type { StoryFields } from './bench-data';

export type AutosaveEditor = { cookie: string; articleId: string; version: number; fields: StoryFields };
