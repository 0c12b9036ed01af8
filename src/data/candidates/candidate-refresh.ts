import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { chatKeys } from '../chat/keys';
import { noteKeys } from '../notes/keys';
import { candidateKeys } from './keys';

/**
 * Refreshes everything shown about one candidate (profile: session, calls, objectives; the
 * conversation; app record; notes): what is on screen refetches now, the rest when it is next shown.
 */
export function useCandidateRefresh(phone: string, candidateId: number | null) {
  const queryClient = useQueryClient();
  const [refreshing, setRefreshing] = useState(false);

  async function refresh() {
    setRefreshing(true);
    try {
      await Promise.all(
        [
          candidateKeys.profile(phone),
          chatKeys.conversation(phone),
          candidateKeys.byPhone(phone),
          noteKeys.of(candidateId),
        ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
    } finally {
      setRefreshing(false);
    }
  }

  return { refresh, refreshing };
}
