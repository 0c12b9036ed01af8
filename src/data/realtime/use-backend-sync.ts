import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { watchChanges } from '@/lib/backend-api';
import { startBackendSync } from './backend-sync';
import { connectionStore } from './connection-store';

/** Keeps the cache live while someone is signed in; restarts when the user changes. */
export function useBackendSync(userId: string | undefined): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!userId) return;
    return startBackendSync({ queryClient, watch: watchChanges, store: connectionStore });
  }, [queryClient, userId]);
}
