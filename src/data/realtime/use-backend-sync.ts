import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { catchUpNotices } from './catch-up-notice';
import { connectionStore } from './connection-store';

/**
 * Keeps the cache live while someone is signed in, and catches up after time away; restarts when
 * the user changes (a new channel, Live as soon as it is subscribed: the old one reports nothing).
 */
export function useBackendSync(userId: string | undefined): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!userId) return;
    let active = true;
    let stop = () => {};
    // Loaded once someone is signed in, alongside the first page that reads data: the sign-in
    // screen doesn't need the backend API (DESIGN §7, initial JavaScript).
    Promise.all([import('./backend-sync'), import('./catch-up'), import('@/lib/backend-api')]).then(
      ([{ startBackendSync }, { startCatchUp }, { watchChanges, getActivitySince }]) => {
        if (!active) return;
        const stopCatchUp = startCatchUp({
          queryClient,
          store: connectionStore,
          notices: catchUpNotices,
          countSince: getActivitySince,
        });
        const stopSync = startBackendSync({
          queryClient,
          watch: watchChanges,
          store: connectionStore,
        });
        stop = () => {
          // In this order: the sync's last write (back to Connecting) is no departure to record.
          stopCatchUp();
          stopSync();
        };
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
