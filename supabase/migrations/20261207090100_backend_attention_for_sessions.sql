-- The candidate dialog's header shows the candidate's open attention reasons (issue 18): the
-- reasons for a few sessions, without computing the whole queue. private.attention_reasons gains
-- p_sessions (null: every session, as before), read in each branch so that the rollup is read by
-- its primary key; attention_queue calls it with four arguments and keeps working unchanged.

drop function private.attention_reasons(jsonb, jsonb, text, timestamptz);

create function private.attention_reasons(
  p_rules jsonb, p_hidden jsonb, p_campaign text, p_now timestamptz, p_sessions text[] default null
)
returns table (
  session_id text, campaign text, status text, reason text, opened_at timestamptz,
  since timestamptz, threshold numeric, call_id text, achieved integer, objectives integer
)
language sql
stable
security invoker
set search_path = ''
as $$
  with
  rules as materialized (select * from private.attention_rules(p_rules)),
  default_rule as (select * from rules where campaign is null),
  -- the shortest wait and silence any campaign uses: the index ranges' bounds
  bounds as (select min(wait_minutes) as wait_minutes, min(silent_hours) as silent_hours from rules),
  raw as (
    select r.session_id, r.campaign, r.status, 'awaiting_reply' as reason, r.last_in_at as since,
      null::text as call_id, null::integer as achieved, null::integer as objectives
    from public.session_activity_rollup r, bounds b
    where (p_sessions is null or r.session_id = any (p_sessions))
      and r.last_in_at > coalesce(r.last_out_at, '-infinity')
      and r.last_in_at <= p_now - b.wait_minutes * interval '1 minute'
    union all
    select r.session_id, r.campaign, r.status,
      case when lower(r.status) = 'opted_out' then 'opted_out_after_interest' else public.attention_status_reason(r.status) end,
      r.session_updated_at, null, cardinality(r.achieved_objectives), null
    from public.session_activity_rollup r
    where (p_sessions is null or r.session_id = any (p_sessions))
      and lower(r.status) not in ('active', 'waiting', 'completed', 'failed')
      and (lower(r.status) <> 'opted_out' or cardinality(r.achieved_objectives) > 0)
    union all
    select r.session_id, r.campaign, r.status, 'call_' || r.last_call_problem, r.last_call_at,
      r.last_call_id, null, null
    from public.session_activity_rollup r
    where (p_sessions is null or r.session_id = any (p_sessions))
      and r.last_call_problem is not null
    union all
    select r.session_id, r.campaign, r.status, 'silent_midway', r.last_activity,
      null, cardinality(r.achieved_objectives), n.objectives
    from public.session_activity_rollup r
    cross join bounds b
    left join public.campaigns k on k.name = r.campaign
    cross join lateral (
      select greatest(cardinality(r.objective_keys),
        coalesce(jsonb_array_length(case when jsonb_typeof(k.objectives) = 'array' then k.objectives end), 0)) as objectives
    ) n
    where (p_sessions is null or r.session_id = any (p_sessions))
      and cardinality(r.achieved_objectives) > 0 and lower(r.status) in ('active', 'waiting')
      and r.last_activity <= p_now - b.silent_hours * interval '1 hour'
      and cardinality(r.achieved_objectives) < n.objectives
  ),
  timed as (
    -- a waiting or silence reason opens when its campaign's threshold is crossed
    select x.*, coalesce(c.off, d.off) as off,
      case x.reason
        when 'awaiting_reply' then coalesce(c.wait_minutes, d.wait_minutes)
        when 'silent_midway' then coalesce(c.silent_hours, d.silent_hours)
      end as threshold
    from raw x
    cross join default_rule d
    left join rules c on c.campaign = x.campaign
  ),
  hidden as (
    select h.session_id, h.resolved_at, h.snoozed_until
    from jsonb_to_recordset(case when jsonb_typeof(p_hidden) = 'array' then p_hidden else '[]' end)
      as h(session_id text, resolved_at timestamptz, snoozed_until timestamptz)
  )
  select t.session_id, t.campaign, t.status, t.reason, o.opened_at, t.since, t.threshold, t.call_id,
    t.achieved, t.objectives
  from timed t
  cross join lateral (
    select coalesce(case t.reason
      when 'awaiting_reply' then t.since + t.threshold * interval '1 minute'
      when 'silent_midway' then t.since + t.threshold * interval '1 hour'
      else t.since
    end, '-infinity') as opened_at
  ) o
  left join hidden h on h.session_id = t.session_id
  where (p_campaign is null or t.campaign = p_campaign)
    and o.opened_at <= p_now
    and not t.off ? t.reason
    and not coalesce(o.opened_at <= h.resolved_at, false)
    and not coalesce(p_now < h.snoozed_until, false)
$$;

revoke all on function private.attention_reasons(jsonb, jsonb, text, timestamptz, text[]) from public, anon;
grant execute on function private.attention_reasons(jsonb, jsonb, text, timestamptz, text[]) to authenticated, service_role;

-- The open reasons of these sessions (at most 50), hidden ones left out, as attention_queue's
-- entries are: [{session_id, campaign, status, latest, reasons: [...]}], newest reason first.
create function public.attention_for_sessions(
  p_session_ids text[],
  p_rules jsonb default '{}',
  p_hidden jsonb default '[]',
  p_now timestamptz default now()
)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  select coalesce(jsonb_agg(x.entry order by x.latest desc, x.session_id), '[]')
  from (
    select r.session_id, max(r.opened_at) as latest,
      jsonb_build_object('session_id', r.session_id, 'campaign', min(r.campaign), 'status', min(r.status),
        'latest', max(r.opened_at),
        'reasons', jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
          'reason', r.reason, 'opened_at', r.opened_at, 'since', r.since, 'threshold', r.threshold,
          'call_id', r.call_id, 'achieved', r.achieved, 'objectives', r.objectives))
          order by r.opened_at desc, r.reason)) as entry
    from private.attention_reasons(p_rules, p_hidden, null, p_now, p_session_ids[1:50]) r
    group by r.session_id
  ) x
$$;
revoke all on function public.attention_for_sessions(text[], jsonb, jsonb, timestamptz) from public, anon;
grant execute on function public.attention_for_sessions(text[], jsonb, jsonb, timestamptz) to authenticated, service_role;
