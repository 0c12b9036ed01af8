import type { DbClient } from './lean-client';
import { createAttentionQueries } from './backend/attention';
import { createCallQueries } from './backend/calls';
import { createCampaignQueries } from './backend/campaigns';
import { createCandidateQueries } from './backend/candidate';
import { createChatQueries } from './backend/chat';
import { createSearchQueries } from './backend/search';
import { createSessionQueries } from './backend/sessions';

export { phoneLookup } from './backend/lookups';

/**
 * The backend API of DESIGN §1 over one supabase-js client, one module per domain in backend/.
 * The browser binds it to its client in backend-api.ts; scripts and tests bind it to theirs.
 */
export function createBackendApi(client: DbClient) {
  return {
    ...createChatQueries(client),
    ...createSessionQueries(client),
    ...createCallQueries(client),
    ...createCampaignQueries(client),
    ...createCandidateQueries(client),
    ...createSearchQueries(client),
    ...createAttentionQueries(client),
  };
}

export type BackendApi = ReturnType<typeof createBackendApi>;
