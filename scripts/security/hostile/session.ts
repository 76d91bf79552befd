import type { APIRequestContext, Page } from '@playwright/test';
import type { Finding } from '../report';
import { callAction, type ActionResult } from './server-actions';
import type { Sighting } from './page-watch';

/** What every step of the campaign shares: the signed-in browser, its findings and counts. */
export type Campaign = {
  origin: string;
  runId: string;
  page: Page;
  request: APIRequestContext;
  actions: Map<string, string>;
  sightings: Sighting[];
  findings: Finding[];
  counts: Record<string, number>;
  scan: (page: Page, label: string) => Promise<void>;
};

export const count = (c: Campaign, key: string, by = 1) => {
  c.counts[key] = (c.counts[key] ?? 0) + by;
};

export const problem = (c: Campaign, kind: string, where: string, detail: string) => {
  c.findings.push({ tool: 'hostile-input', kind, where, detail: detail.slice(0, 500) });
};

const ACTION_FILES: Record<string, string> = {
  createStoryAction: 'lib/actions/stories.ts',
  collabTokenAction: 'lib/actions/collab.ts',
  publishAction: 'lib/actions/publishing.ts',
  addNoteAction: 'lib/actions/stories.ts',
  updateMediaTextAction: 'lib/actions/media.ts',
  updateProfileAction: 'lib/actions/users.ts',
};

/**
 * Runs one newsroom server action as the signed-in person. A 5xx, or an answer that is
 * neither a result nor a redirect, is a finding; so is a refusal without a message.
 */
export async function act(c: Campaign, name: keyof typeof ACTION_FILES, input: unknown, where: string): Promise<{ result?: ActionResult; redirect?: string }> {
  const id = c.actions.get(`${ACTION_FILES[name]}#${name}`);
  if (!id) throw new Error(`No server action ${name} in this build's manifest`);
  count(c, 'server action calls');
  const answer = await callAction(c.request, { origin: c.origin, page: '/newsroom', id, input });
  if (answer.status >= 500) problem(c, `HTTP ${answer.status}`, where, `${name} answered ${answer.status}`);
  else if (!answer.result && !answer.redirect) problem(c, 'no answer', where, `${name} answered ${answer.status} with no result`);
  else if (answer.result && !answer.result.ok && !answer.result.message) problem(c, 'refused without a message', where, `${name}: ${JSON.stringify(answer.result).slice(0, 200)}`);
  else if (answer.result && !answer.result.ok && answer.result.code === 'failed') problem(c, 'server failure', where, `${name}: ${answer.result.message}`);
  return answer;
}

/** Opens a page in Chromium as a person would and inspects it; returns whether it loaded. */
export async function visit(c: Campaign, path: string, label: string, page = c.page): Promise<boolean> {
  count(c, 'pages opened');
  const response = await page.goto(`${c.origin}${path}`, { waitUntil: 'load', timeout: 60_000 }).catch((error: Error) => {
    problem(c, 'page did not load', label, `${path}: ${error.message.split('\n')[0]}`);
    return null;
  });
  if (!response) return false;
  if (response.status() >= 500) problem(c, `HTTP ${response.status()}`, label, path);
  await c.scan(page, `${label} ${path}`);
  return response.ok();
}
