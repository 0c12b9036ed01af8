// What many domains' queries share: the lookups behind them (a phone's stored forms and
// sessions, campaigns by name).
import { ApiError, fail } from '../api-error';
import type { CampaignInfo } from '../backend-types';
import type { DbClient } from '../lean-client';
import { normalizePhone, phoneVariants } from '../normalizers';
import { toCampaign } from './mappers';

/** A phone in any form (DESIGN §4) → every stored form of it; a non-number fails before any request. */
export function phoneLookup(phone: string): { e164: string; variants: string[] } {
  const result = normalizePhone(phone);
  if (!result.ok) {
    throw new ApiError(
      'validation',
      `"${String(phone).slice(0, 40)}" is not a phone number (${result.reason}).`,
    );
  }
  return { e164: result.e164, variants: phoneVariants(result.e164) };
}

export async function sessionIdsForPhone(
  client: DbClient,
  phone: string,
  signal?: AbortSignal,
): Promise<string[]> {
  const { variants } = phoneLookup(phone);
  let query = client.rpc('session_ids_for_phones', { p_phones: variants });
  if (signal) query = query.abortSignal(signal);
  const { data, error, status } = await query;
  if (error) throw fail('session lookup function (session_ids_for_phones)')(error, status);
  return (data ?? []) as string[];
}

export async function campaignsByName(
  client: DbClient,
  names: (string | null)[],
  signal?: AbortSignal,
): Promise<Map<string, CampaignInfo>> {
  const wanted = [...new Set(names.filter((n): n is string => !!n))];
  if (!wanted.length) return new Map();
  let query = client.from('campaigns').select('*').in('name', wanted);
  if (signal) query = query.abortSignal(signal);
  const { data, error, status } = await query;
  if (error) throw fail('campaigns table')(error, status);
  return new Map(data.map((row) => [row.name, toCampaign(row)]));
}
