import type {
  BackendCampaignStats,
  CampaignFunnelStep,
  CampaignInfo,
  CampaignSessionFilters,
  CampaignSessionsPage,
  DailyActivity,
  RequestOptions,
} from '../backend-types';
import type { DbClient } from '../lean-client';
import { campaignsByName } from './lookups';
import { fail } from '../api-error';
import { emptyStats, toCampaignSession, toFunnel, toStats } from './mappers';

/** Campaigns: configuration, statistics, funnel, daily activity and the filtered session list. */
export function createCampaignQueries(client: DbClient) {
  return {
    async getCampaignInfo(
      name: string,
      { signal }: RequestOptions = {},
    ): Promise<CampaignInfo | null> {
      return (await campaignsByName(client, [name], signal)).get(name) ?? null;
    },

    /** One campaign's statistics (zeros for a campaign with no sessions), or all at once. */
    async getCampaignStats(
      campaign?: string,
      { signal }: RequestOptions = {},
    ): Promise<BackendCampaignStats[]> {
      let query = client.rpc(
        'campaign_stats',
        campaign === undefined ? {} : { p_campaign: campaign },
      );
      if (signal) query = query.abortSignal(signal);
      const { data, error, status } = await query;
      if (error) throw fail('campaign statistics function (campaign_stats)')(error, status);
      const stats = data.map(toStats);
      return campaign !== undefined && !stats.length ? [emptyStats(campaign)] : stats;
    },

    /** Contacts → replied → called → each objective, with counts and shares of contacts. */
    async getCampaignFunnel(
      campaign: string,
      { signal }: RequestOptions = {},
    ): Promise<CampaignFunnelStep[]> {
      let query = client.rpc('campaign_funnel', { p_campaign: campaign });
      if (signal) query = query.abortSignal(signal);
      const { data, error, status } = await query;
      if (error) throw fail('campaign funnel function (campaign_funnel)')(error, status);
      return toFunnel(data);
    },

    /** Messages in and out and calls per day over the last `days` days, zeros included. */
    async getCampaignDailyActivity(
      campaign: string,
      { days = 14, timeZone }: { days?: number; timeZone?: string } = {},
      { signal }: RequestOptions = {},
    ): Promise<DailyActivity[]> {
      let query = client.rpc('campaign_daily_activity', {
        p_campaign: campaign,
        p_days: days,
        ...(timeZone && { p_tz: timeZone }),
      });
      if (signal) query = query.abortSignal(signal);
      const { data, error, status } = await query;
      if (error) throw fail('daily activity function (campaign_daily_activity)')(error, status);
      return data.map((row) => ({
        day: String(row.day).slice(0, 10),
        messagesIn: Number(row.messages_in ?? 0),
        messagesOut: Number(row.messages_out ?? 0),
        calls: Number(row.calls ?? 0),
      }));
    },

    /** A campaign's sessions, most recently active first, filtered in Postgres, with the total. */
    async getCampaignSessions(
      campaign: string,
      filters: CampaignSessionFilters = {},
      { signal }: RequestOptions = {},
    ): Promise<CampaignSessionsPage> {
      let query = client.rpc('campaign_sessions', {
        p_campaign: campaign,
        p_statuses: filters.statuses?.length ? filters.statuses : undefined,
        p_replied: filters.replied ?? undefined,
        p_called: filters.called ?? undefined,
        p_objective: filters.objective || undefined,
        p_limit: filters.limit ?? 100,
      });
      if (signal) query = query.abortSignal(signal);
      // The campaign's objective labels come alongside, not after: two requests, one round trip.
      const [result, campaigns] = await Promise.all([
        query,
        campaignsByName(client, [campaign], signal),
      ]);
      const { data, error, status } = result;
      if (error) throw fail('campaign sessions function (campaign_sessions)')(error, status);
      return {
        rows: data.map((row) => toCampaignSession(row, campaigns.get(campaign))),
        total: Number(data[0]?.total_count ?? 0),
      };
    },
  };
}
