import { queryOptions, useQuery } from '@tanstack/react-query';
import { getCallsBySession } from '@/lib/backend-api';
import { callKeys } from './keys';

/** One session's calls, newest first. */
export const callsQuery = (sessionId: string) =>
  queryOptions({
    queryKey: callKeys.session(sessionId),
    queryFn: ({ signal }) => getCallsBySession(sessionId, { signal }),
  });

export const useCalls = (sessionId: string) => useQuery(callsQuery(sessionId));
