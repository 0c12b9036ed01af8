import { queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import { listNotes } from '@/lib/app-api';
import { noteKeys } from './keys';

/** A candidate's notes, newest first; idle while the candidate is not known (null). */
const notesQuery = (candidateId: number | null) =>
  queryOptions({
    queryKey: noteKeys.of(candidateId),
    queryFn: candidateId === null ? skipToken : ({ signal }) => listNotes(candidateId, { signal }),
  });

export const useNotes = (candidateId: number | null) => useQuery(notesQuery(candidateId));
