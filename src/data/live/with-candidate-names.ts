import { getCandidateNames } from '@/lib/app-api';
import type { RequestOptions } from '@/lib/backend-types';
import { normalizePhone } from '@/lib/normalizers';

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
    sessions.map((s) => s.phoneNumber),
    { signal },
  );
  // Matched as E.164: the agent may store `whatsapp:+44…` or `07…` where the app has `+44…`.
  return sessions.map((s) => {
    const phone = normalizePhone(s.phoneNumber);
    return { ...s, candidateName: (phone.ok && names.get(phone.e164)) || null };
  });
}
