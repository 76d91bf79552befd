/**
 * The newsroom, driven over HTTP through the same server actions its pages call: signing
 * in, starting a story, publishing it. (Typing goes through the collaboration server.)
 */
import { callAction, formArguments, readActionIds, sessionCookie, type ActionResponse } from './server-actions';

type Result = { ok: boolean; code?: string; message?: string; data?: Record<string, unknown> };

const STORY_ACTIONS = 'lib/actions/stories.ts';
const PUBLISHING_ACTIONS = 'lib/actions/publishing.ts';

export class Newsroom {
  private readonly actionId: (file: string, exportName: string) => string;

  constructor(
    private readonly baseUrl: string,
    distDir: string,
  ) {
    this.actionId = readActionIds(distDir);
  }

  /** The sign-in form's action; the session cookie when the password was right. */
  async signIn(email: string, password: string): Promise<{ cookie: string | null; message?: string; response: ActionResponse }> {
    const response = await callAction({
      url: `${this.baseUrl}/login`,
      actionId: this.actionId('lib/actions/session.ts', 'signInAction'),
      args: formArguments({ email, password }),
    });
    const cookie = response.redirect ? sessionCookie(response) : null;
    return { cookie, message: (response.result as Result | undefined)?.message, response };
  }

  async signInOrThrow(email: string, password: string): Promise<string> {
    const { cookie, message, response } = await this.signIn(email, password);
    if (!cookie) throw new Error(`Signing in as ${email} failed (${response.status}): ${message ?? 'no session cookie'}`);
    return cookie;
  }

  /** "Start writing" on /newsroom/articles/new: the new story's id. */
  async createStory(cookie: string, headline: string, sectionId: number): Promise<string> {
    const response = await callAction({
      url: `${this.baseUrl}/newsroom/articles/new`,
      actionId: this.actionId(STORY_ACTIONS, 'createStoryAction'),
      args: formArguments({ headline, sectionId: String(sectionId) }),
      cookie,
    });
    const id = /\/newsroom\/articles\/([0-9a-f-]{36})/.exec(response.redirect ?? '')?.[1];
    if (!id) throw new Error(`Starting a story failed (${response.status}): ${JSON.stringify(response.result)}`);
    return id;
  }

  /** Publish requires the version the editor saw (what was reviewed is what goes out). */
  async publish(cookie: string, articleId: string, version: number): Promise<ActionResponse> {
    const response = await callAction({
      url: `${this.baseUrl}/newsroom/articles/${articleId}`,
      actionId: this.actionId(PUBLISHING_ACTIONS, 'publishAction'),
      args: formArguments({ articleId, version: String(version) }),
      cookie,
    });
    const result = response.result as Result | undefined;
    if (!result?.ok) throw new Error(`Publishing failed (${response.status}): ${result?.message ?? 'no result'}`);
    return response;
  }

  /** A workflow button (Publish, Schedule, Unpublish…): its action, posted with the form's fields. */
  async transition(cookie: string, articleId: string, exportName: string, fields: Record<string, string>): Promise<Result> {
    const response = await callAction({
      url: `${this.baseUrl}/newsroom/articles/${articleId}`,
      actionId: this.actionId(PUBLISHING_ACTIONS, exportName),
      args: formArguments({ articleId, ...fields }),
      cookie,
    });
    const result = response.result as Result | undefined;
    if (!result?.ok) throw new Error(`${exportName} failed (${response.status}): ${result?.message ?? 'no result'}`);
    return result;
  }
}
