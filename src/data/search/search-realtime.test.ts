import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { createRealtimeContext } from '../realtime/realtime-context';
import { createKeyedThrottle } from '../realtime/throttle';
import { searchKeys } from './keys';
import type { NamedSearchPage, SearchPages } from './search-query';
import { applySearchChange } from './search-realtime';

const hit = (kind: 'message' | 'call', id: string): NamedSearchPage['hits'][number] => ({
  kind,
  id,
  sessionId: 's1',
  phone: '+447700900811',
  phoneNumber: '+447700900811',
  candidateName: null,
  campaign: null,
  status: null,
  at: '2026-11-01T10:00:00Z',
  sender: kind === 'message' ? 'user' : null,
  snippet: 'x',
});

function setup() {
  const queryClient = new QueryClient();
  const context = createRealtimeContext(queryClient, createKeyedThrottle(2_000));
  const key = searchKeys.hits({ query: 'van' });
  const pages: SearchPages = {
    pages: [
      { hits: [hit('message', '1'), hit('call', '1')], next: null, corrected: null },
      { hits: [hit('message', '2')], next: null, corrected: null },
    ],
    pageParams: [null, null],
  };
  queryClient.setQueryData(key, pages);
  const ids = () =>
    queryClient
      .getQueryData<SearchPages>(key)!
      .pages.map((page) => page.hits.map((h) => `${h.kind}:${h.id}`));
  return { context, ids };
}

describe('search results follow realtime', () => {
  it('a deleted message or call leaves every page by its key alone', () => {
    const { context, ids } = setup();
    applySearchChange(context, {
      table: 'chat_history',
      eventType: 'DELETE',
      row: {},
      old: { id: 1 },
    });
    expect(ids()).toEqual([['call:1'], ['message:2']]);
    applySearchChange(context, {
      table: 'calls',
      eventType: 'DELETE',
      row: {},
      old: { call_id: '1' },
    });
    expect(ids()).toEqual([[], ['message:2']]);
    context.dispose();
  });

  it('other changes leave the cache to the refetch; other tables are not search', () => {
    const { context, ids } = setup();
    applySearchChange(context, {
      table: 'chat_history',
      eventType: 'UPDATE',
      row: { id: 2 },
      old: {},
    });
    applySearchChange(context, {
      table: 'sessions',
      eventType: 'DELETE',
      row: {},
      old: { session_id: 's1' },
    } as never);
    expect(ids()).toEqual([['message:1', 'call:1'], ['message:2']]);
    context.dispose();
  });
});
