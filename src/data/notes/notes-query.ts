import { queryOptions, useQuery } from '@tanstack/react-query';
import { listNotes } from '@/lib/app-api';
import { noteKeys } from './keys';

export const notesQuery = (candidateId: number) =>
  queryOptions({
    queryKey: noteKeys.of(candidateId),
    queryFn: ({ signal }) => listNotes(candidateId, { signal }),
  });

export const useNotes = (candidateId: number) => useQuery(notesQuery(candidateId));
