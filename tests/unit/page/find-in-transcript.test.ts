import { describe, expect, it } from 'vitest';
import { EPISODE_MATCHES } from '@/lib/page/episode-pages';
import {
  FIND_MENU_ID,
  findMenuProperties,
  handleFindInTranscript,
  MAX_QUERY_LENGTH,
  registerFindMenu,
  selectionQuery,
} from '@/lib/page/find-in-transcript';

describe('Find in transcript menu', () => {
  it('is offered for selections on the episode pages only', () => {
    expect(findMenuProperties.contexts).toEqual(['selection']);
    expect(findMenuProperties.documentUrlPatterns).toEqual(EPISODE_MATCHES);
  });

  it('sends the selection to the top frame of the tab it was chosen in', async () => {
    const sent: Array<[number, unknown]> = [];
    const message = await handleFindInTranscript(
      { menuItemId: FIND_MENU_ID, selectionText: '  unsafe\n  code ' },
      { id: 7 },
      async (tabId, m) => {
        sent.push([tabId, m]);
      },
    );
    expect(message).toEqual({ type: 'companion:find', query: 'unsafe code' });
    expect(sent).toEqual([[7, { type: 'companion:find', query: 'unsafe code' }]]);
  });

  it('ignores other menu items, tabless clicks and empty selections', async () => {
    const send = async () => {
      throw new Error('should not send');
    };
    expect(
      await handleFindInTranscript({ menuItemId: 'other', selectionText: 'x' }, { id: 1 }, send),
    ).toBeUndefined();
    expect(
      await handleFindInTranscript(
        { menuItemId: FIND_MENU_ID, selectionText: 'x' },
        undefined,
        send,
      ),
    ).toBeUndefined();
    expect(
      await handleFindInTranscript(
        { menuItemId: FIND_MENU_ID, selectionText: ' \n' },
        { id: 1 },
        send,
      ),
    ).toBeUndefined();
  });

  it('registers afresh at every start, so a menu left from before is no error', async () => {
    const calls: string[] = [];
    await registerFindMenu({
      removeAll: async () => {
        calls.push('removeAll');
      },
      create: (props: { id: string }, done?: () => void) => {
        calls.push(`create ${props.id}`);
        done?.();
        return props.id ?? '';
      },
    });
    expect(calls).toEqual(['removeAll', `create ${FIND_MENU_ID}`]);
  });
});

describe('selectionQuery', () => {
  it('cuts long selections at a word boundary', () => {
    const long = 'word '.repeat(100);
    const query = selectionQuery(long)!;
    expect(query.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(query.endsWith('word')).toBe(true);
  });
});
