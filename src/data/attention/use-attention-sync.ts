import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

/** Claims stay live while someone is signed in (loaded with the first data screen, not sign-in). */
export function useAttentionSync(userId: string | undefined): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!userId) return;
    let active = true;
    let stop = () => {};
    void Promise.all([import('./attention-sync'), import('@/lib/app-api')]).then(
      ([{ startAttentionSync }, { watchAttention }]) => {
        if (active) stop = startAttentionSync(queryClient, watchAttention);
      },
    );
    return () => {
      active = false;
      stop();
    };
  }, [queryClient, userId]);
}
