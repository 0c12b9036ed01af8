import { useSyncExternalStore } from 'react';

type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface ConnectionState {
  status: ConnectionStatus;
  /**
   * When the data was last known to equal the backend: while live, the latest subscription or
   * change; while down, when the connection went down (the age shown as "data from 12 min ago").
   */
  lastSyncedAt: number | null;
}

/** A tiny store outside React: the realtime sync writes it, the header indicator reads it. */
export function createConnectionStore(
  initial: ConnectionState = { status: 'connecting', lastSyncedAt: null },
) {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(patch: Partial<ConnectionState>) {
      state = { ...state, ...patch };
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

export type ConnectionStore = ReturnType<typeof createConnectionStore>;

export const connectionStore = createConnectionStore();

export function useConnectionState(store: ConnectionStore = connectionStore): ConnectionState {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

/**
 * Whether realtime is live, alone: a component reading this re-renders when it changes, not on
 * every change delivered (each one moves lastSyncedAt).
 */
export function useRealtimeLive(store: ConnectionStore = connectionStore): boolean {
  const isLive = () => store.get().status === 'live';
  return useSyncExternalStore(store.subscribe, isLive, isLive);
}
