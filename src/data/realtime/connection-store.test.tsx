import { act, renderHook } from '@testing-library/react';
import { expect, it } from 'vitest';
import { createConnectionStore, useRealtimeLive } from './connection-store';

it('useRealtimeLive follows the status and ignores the sync time of each change', () => {
  const store = createConnectionStore();
  let renders = 0;
  const { result } = renderHook(() => {
    renders++;
    return useRealtimeLive(store);
  });
  expect(result.current).toBe(false);

  act(() => store.set({ status: 'live', lastSyncedAt: 1 }));
  expect(result.current).toBe(true);
  const afterLive = renders;

  act(() => store.set({ lastSyncedAt: 2 }));
  act(() => store.set({ lastSyncedAt: 3 }));
  expect(renders).toBe(afterLive);

  act(() => store.set({ status: 'reconnecting' }));
  expect(result.current).toBe(false);
});
