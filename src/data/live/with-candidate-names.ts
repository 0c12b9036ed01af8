import { getCandidateNames } from '@/lib/app-api';
import type { RequestOptions } from '@/lib/backend-types';

export type WithCandidateName<T> = T & {
  /** The candidate's name where the app knows this phone. */
  candidateName: string | null;
};

/** Backend sessions labelled with the names the app knows: one request however many there are. */
export async function withCandidateNames<T extends { phoneNumber: string | null }>(
  sessions: T[],
  { signal }: RequestOptions = {},
): Promise<WithCandidateName<T>[]> {
  const names = await getCandidateNames(
    sessions.flatMap((s) => (s.phoneNumber ? [s.phoneNumber] : [])),
    { signal },
  );
  return sessions.map((s) => ({
    ...s,
    candidateName: (s.phoneNumber && names.get(s.phoneNumber)) || null,
  }));
}
