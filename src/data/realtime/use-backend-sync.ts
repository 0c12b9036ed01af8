import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { connectionStore } from './connection-store';

/** Keeps the cache live while someone is signed in; restarts when the user changes. */
export function useBackendSync(userId: string | undefined): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!userId) return;
    let active = true;
    let stop = () => {};
    // Loaded once someone is signed in, alongside the first page that reads data: the sign-in
    // screen doesn't need the backend API (DESIGN §7, initial JavaScript).
    Promise.all([import('./backend-sync'), import('@/lib/backend-api')]).then(
      ([{ startBackendSync }, { watchChanges }]) => {
        if (active)
          stop = startBackendSync({ queryClient, watch: watchChanges, store: connectionStore });
      },
      () => {
        if (active) connectionStore.set({ status: 'offline' });
      },
    );
    return () => {
      active = false;
      stop();
    };
  }, [queryClient, userId]);
}
