import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SaveBar } from './save-bar';
import type { EditorStory, SharedState, StoryDraft } from './types';

const draft: StoryDraft = {
  headline: 'A headline',
  deck: '',
  slug: 'a-headline',
  sectionId: 1,
  tags: [],
  bylineIds: [],
  heroMediaId: null,
  seoTitle: '',
  seoDescription: '',
  embargoUntil: null,
  body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Two words' }] }] },
};
const story: EditorStory = {
  id: 'a1',
  version: 1,
  revisionId: 1,
  scheduledRevisionId: null,
  status: 'draft',
  liveSlug: null,
  canEdit: true,
  draft,
  lastSaved: { by: null, at: '2026-12-01T10:00:00.000Z' },
};
const bar = (state: SharedState) => renderToStaticMarkup(<SaveBar story={story} draft={draft} state={state} timeZone="UTC" editable onSave={() => {}} />);

describe('the save bar while saving is retried', () => {
  it('says the database is busy when every connection was, and not answering when it is down', () => {
    const busy = bar({ kind: 'retrying', cause: 'busy' });
    expect(busy).toContain('the database is busy');
    expect(busy).not.toContain('not answering');
    expect(bar({ kind: 'retrying', cause: 'database' })).toContain('the database is not answering');
    expect(bar({ kind: 'retrying', cause: 'server' })).toContain('the newsroom server is not answering');
  });

  it('says what is wrong, not "Connecting…", when the editing server did not answer before the story opened', () => {
    const unreachable = bar({ kind: 'unreachable', server: 'editing' });
    expect(unreachable).toContain('Not connected — retrying');
    expect(unreachable).toContain('The editing server is not answering');
    expect(unreachable).toContain('kept on the server');
    expect(unreachable).not.toContain('Connecting…');
    expect(bar({ kind: 'connecting' })).not.toContain('not answering');
  });

  it('says the newsroom is not answering and that it goes on by itself, not "You cannot open this story", when the app could not give a token', () => {
    const opening = bar({ kind: 'unreachable', server: 'newsroom' });
    expect(opening).toContain('Not connected — retrying');
    expect(opening).toContain('The newsroom is not answering');
    expect(opening).toContain('editing starts by itself');
    expect(opening).not.toContain('editing server');
    expect(opening).not.toContain('cannot open this story');
    const opened = bar({ kind: 'retrying', cause: 'newsroom' });
    expect(opened).toContain('Not connected — retrying');
    expect(opened).toContain('the newsroom is not answering — your text is kept in this browser');
    expect(opened).toContain('reconnecting goes on by itself');
  });
});
