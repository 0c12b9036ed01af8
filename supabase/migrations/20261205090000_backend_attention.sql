-- The ops attention queue (issue 18), backend part: why a session needs a person now, computed
-- here over the session rollup (no row downloads). Who has an entry, and what was done with it,
-- is the app project's (…_app_attention.sql); the browser passes what is resolved or snoozed.
--
-- The rollup gains what the reasons read: when the candidate and the agent last wrote, and the
-- latest call with what went wrong with it. Kept by the same triggers, in the same writes.

alter table public.session_activity_rollup
  add column last_in_at timestamptz,
  add column last_out_at timestamptz,
  add column last_call_id text,
  add column last_call_problem text;

-- ---------------------------------------------------------------------------------------------
-- A call's analysis, read by the browser's rules (src/lib/normalizers/call-analysis.ts: keys
-- compared without case, spaces, `_` and `-`; top-level keys before those one object down; a
-- JSON object stored as a string is read as that object). tests/integration/attention.test.ts
-- runs both over the same shapes.

create function private.analysis_entries(p_analysis jsonb)
returns table (key_id text, value jsonb, nested boolean)
language sql
immutable
parallel safe
set search_path = ''
as $$
  with a as (
    select case
      when jsonb_typeof(p_analysis) = 'string' then coalesce(public.try_jsonb(p_analysis #>> '{}'), p_analysis)
      else p_analysis
    end as v
  )
  select regexp_replace(lower(e.key), '[\s_-]+', '', 'g'), e.value, false
  from a, jsonb_each(case when jsonb_typeof(a.v) = 'object' then a.v else '{}' end) e
  where jsonb_typeof(e.value) <> 'object'
  union all
  select regexp_replace(lower(c.key), '[\s_-]+', '', 'g'), c.value, true
  from a, jsonb_each(case when jsonb_typeof(a.v) = 'object' then a.v else '{}' end) e,
    jsonb_each(case when jsonb_typeof(e.value) = 'object' then e.value else '{}' end) c
$$;

-- The provider's pass/fail verdict (call_successful, successEvaluation, …), or null.
create function public.analysis_successful(p_analysis jsonb)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  select v.verdict
  from private.analysis_entries(p_analysis) e
  cross join lateral (
    select case
      when jsonb_typeof(e.value) = 'boolean' then (e.value)::text::boolean
      when jsonb_typeof(e.value) = 'string' and lower(btrim(e.value #>> '{}')) in ('true', 'yes', 'y', 'pass', 'passed', 'success', 'successful') then true
      when jsonb_typeof(e.value) = 'string' and lower(btrim(e.value #>> '{}')) in ('false', 'no', 'n', 'fail', 'failed', 'failure', 'unsuccessful') then false
    end as verdict
  ) v
  where e.key_id in ('callsuccessful', 'successful', 'success', 'successevaluation', 'callsuccess', 'issuccessful', 'wassuccessful')
    and v.verdict is not null
  order by e.nested
  limit 1
$$;

-- The candidate's sentiment as the provider wrote it (user_sentiment, sentiment, …), or null.
create function public.analysis_sentiment(p_analysis jsonb)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select btrim(e.value #>> '{}')
  from private.analysis_entries(p_analysis) e
  where e.key_id in ('usersentiment', 'sentiment', 'callsentiment', 'candidatesentiment', 'customersentiment')
    and jsonb_typeof(e.value) = 'string' and btrim(e.value #>> '{}') <> ''
  order by e.nested
  limit 1
$$;

-- What went wrong with a call, for the queue: 'failed' (its status), 'unsuccessful' (the
-- provider's verdict), 'negative' (the candidate's sentiment), or null.
create function public.call_problem(p_status text, p_analysis jsonb)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select case
    when lower(btrim(p_status)) in ('failed', 'error') then 'failed'
    when public.analysis_successful(p_analysis) = false then 'unsuccessful'
    when lower(public.analysis_sentiment(p_analysis)) like '%negative%' then 'negative'
  end
$$;

-- ---------------------------------------------------------------------------------------------
-- The rollup's recount and its parts, with the new columns (definitions otherwise as in
-- …_backend_rollup_index_paths.sql).

-- A session's latest call (by called_at, then call_id; undated calls last) and its problem.
create function private.latest_call(p_session_id text)
returns table (call_id text, problem text)
language sql
stable
security definer
set search_path = ''
as $$
  select k.call_id, public.call_problem(k.status, k.analysis)
  from public.calls k
  where k.session_id = p_session_id
  order by k.called_at desc nulls last, k.call_id desc
  limit 1
$$;

drop function private.session_activity_recount(text[]);
create function private.session_activity_recount(p_session_ids text[])
returns table (
  session_id text, has_session boolean, campaign text, status text, session_updated_at timestamptz,
  objective_keys text[], achieved_objectives text[],
  messages_in bigint, messages_out bigint, message_count bigint, last_message_at timestamptz,
  last_in_at timestamptz, last_out_at timestamptz,
  call_count bigint, calls_completed bigint, call_seconds bigint, calls_with_duration bigint,
  last_call_at timestamptz, last_call_id text, last_call_problem text
)
language sql
stable
security definer
set search_path = ''
as $$
  select
    u.sid, s.session_id is not null, s.campaign, s.status, s.updated_at,
    coalesce(o.keys, '{}'), coalesce(o.achieved, '{}'),
    coalesce(m.messages_in, 0), coalesce(m.messages_out, 0), coalesce(m.message_count, 0), m.last_message_at,
    m.last_in_at, m.last_out_at,
    coalesce(c.call_count, 0), coalesce(c.calls_completed, 0), coalesce(c.call_seconds, 0),
    coalesce(c.calls_with_duration, 0), c.last_call_at, l.call_id, l.problem
  from (select distinct x collate "default" from unnest(p_session_ids) x where x is not null) as u(sid)
  left join public.sessions s on s.session_id = u.sid
  left join lateral (
    select
      array_agg(k order by k) as keys,
      coalesce(array_agg(k order by k) filter (where public.objective_achieved(public.objective_value(s.objectives, k))), '{}') as achieved
    from public.objective_keys(s.objectives) k
  ) o on true
  left join lateral (
    select
      count(*) filter (where public.message_sender(h.message) = 'user') as messages_in,
      count(*) filter (where public.message_sender(h.message) = 'agent') as messages_out,
      count(*) as message_count,
      max(h.created_at) as last_message_at,
      max(h.created_at) filter (where public.message_sender(h.message) = 'user') as last_in_at,
      max(h.created_at) filter (where public.message_sender(h.message) = 'agent') as last_out_at
    from public.chat_history h where h.session_id = u.sid
  ) m on true
  left join lateral (
    select
      count(*) as call_count,
      count(*) filter (where lower(k.status) = 'completed') as calls_completed,
      coalesce(sum(k.duration), 0) as call_seconds,
      count(k.duration) as calls_with_duration,
      max(k.called_at) as last_call_at
    from public.calls k where k.session_id = u.sid
  ) c on true
  left join lateral (select * from private.latest_call(u.sid)) l on true
  -- nothing left of a session: no row
  where s.session_id is not null or m.message_count > 0 or c.call_count > 0
$$;

create or replace function public.recompute_session_activity(p_session_ids text[])
returns void
language sql
volatile
security definer
set search_path = ''
as $$
  insert into public.session_activity_rollup as r (
    session_id, has_session, campaign, status, session_updated_at, objective_keys, achieved_objectives,
    messages_in, messages_out, message_count, last_message_at, last_in_at, last_out_at,
    call_count, calls_completed, call_seconds, calls_with_duration, last_call_at, last_call_id, last_call_problem
  )
  select * from private.session_activity_recount(p_session_ids)
  on conflict (session_id) do update set
    has_session = excluded.has_session, campaign = excluded.campaign, status = excluded.status,
    session_updated_at = excluded.session_updated_at, objective_keys = excluded.objective_keys,
    achieved_objectives = excluded.achieved_objectives,
    messages_in = excluded.messages_in, messages_out = excluded.messages_out,
    message_count = excluded.message_count, last_message_at = excluded.last_message_at,
    last_in_at = excluded.last_in_at, last_out_at = excluded.last_out_at,
    call_count = excluded.call_count, calls_completed = excluded.calls_completed,
    call_seconds = excluded.call_seconds, calls_with_duration = excluded.calls_with_duration,
    last_call_at = excluded.last_call_at, last_call_id = excluded.last_call_id,
    last_call_problem = excluded.last_call_problem;

  delete from public.session_activity_rollup r
  where r.session_id = any (p_session_ids collate "default") and not r.has_session and r.message_count = 0 and r.call_count = 0;
$$;

create or replace function public.recompute_session_activity_part(p_session_ids text[], p_part text)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  if p_part = 'sessions' then
    insert into public.session_activity_rollup as r (
      session_id, has_session, campaign, status, session_updated_at, objective_keys, achieved_objectives
    )
    select u.sid, s.session_id is not null, s.campaign, s.status, s.updated_at,
      coalesce(o.keys, '{}'), coalesce(o.achieved, '{}')
    from (select distinct x collate "default" from unnest(p_session_ids) x where x is not null) as u(sid)
    left join public.sessions s on s.session_id = u.sid
    left join lateral (
      select
        array_agg(k order by k) as keys,
        coalesce(array_agg(k order by k) filter (where public.objective_achieved(public.objective_value(s.objectives, k))), '{}') as achieved
      from public.objective_keys(s.objectives) k
    ) o on true
    on conflict (session_id) do update set
      has_session = excluded.has_session, campaign = excluded.campaign, status = excluded.status,
      session_updated_at = excluded.session_updated_at, objective_keys = excluded.objective_keys,
      achieved_objectives = excluded.achieved_objectives;
  elsif p_part = 'chat_history' then
    insert into public.session_activity_rollup as r (
      session_id, messages_in, messages_out, message_count, last_message_at, last_in_at, last_out_at
    )
    select u.sid, coalesce(m.messages_in, 0), coalesce(m.messages_out, 0), coalesce(m.message_count, 0),
      m.last_message_at, m.last_in_at, m.last_out_at
    from (select distinct x collate "default" from unnest(p_session_ids) x where x is not null) as u(sid)
    left join lateral (
      select
        count(*) filter (where public.message_sender(h.message) = 'user') as messages_in,
        count(*) filter (where public.message_sender(h.message) = 'agent') as messages_out,
        count(*) as message_count,
        max(h.created_at) as last_message_at,
        max(h.created_at) filter (where public.message_sender(h.message) = 'user') as last_in_at,
        max(h.created_at) filter (where public.message_sender(h.message) = 'agent') as last_out_at
      from public.chat_history h where h.session_id = u.sid
    ) m on true
    on conflict (session_id) do update set
      messages_in = excluded.messages_in, messages_out = excluded.messages_out,
      message_count = excluded.message_count, last_message_at = excluded.last_message_at,
      last_in_at = excluded.last_in_at, last_out_at = excluded.last_out_at;
  elsif p_part = 'calls' then
    insert into public.session_activity_rollup as r (
      session_id, call_count, calls_completed, call_seconds, calls_with_duration, last_call_at,
      last_call_id, last_call_problem
    )
    select u.sid, coalesce(c.call_count, 0), coalesce(c.calls_completed, 0), coalesce(c.call_seconds, 0),
      coalesce(c.calls_with_duration, 0), c.last_call_at, l.call_id, l.problem
    from (select distinct x collate "default" from unnest(p_session_ids) x where x is not null) as u(sid)
    left join lateral (
      select
        count(*) as call_count,
        count(*) filter (where lower(k.status) = 'completed') as calls_completed,
        coalesce(sum(k.duration), 0) as call_seconds,
        count(k.duration) as calls_with_duration,
        max(k.called_at) as last_call_at
      from public.calls k where k.session_id = u.sid
    ) c on true
    left join lateral (select * from private.latest_call(u.sid)) l on true
    on conflict (session_id) do update set
      call_count = excluded.call_count, calls_completed = excluded.calls_completed,
      call_seconds = excluded.call_seconds, calls_with_duration = excluded.calls_with_duration,
      last_call_at = excluded.last_call_at, last_call_id = excluded.last_call_id,
      last_call_problem = excluded.last_call_problem;
  else
    raise exception 'unknown part %', p_part;
  end if;

  delete from public.session_activity_rollup r
  where r.session_id = any (p_session_ids collate "default") and not r.has_session and r.message_count = 0 and r.call_count = 0;
end;
$$;

-- Whether call (a_at, a_id) comes after (b_at, b_id) in latest_call's order. The rollup keeps
-- only the latest call's time as last_call_at (the max), which is the latest call's own time.
create function private.call_is_later(a_at timestamptz, a_id text, b_at timestamptz, b_id text)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  select case
    when a_at is null and b_at is null then a_id > b_id
    when a_at is null then false
    when b_at is null then true
    else (a_at, a_id) > (b_at, b_id)
  end
$$;

-- New messages and new calls still add in one upsert per session: a new message moves its
-- sender's last time; the newest of a statement's new calls becomes the latest call when it is
-- newer than the one known (a dated call beats an undated one, as in latest_call).
create or replace function public.session_activity_rollup_apply()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  begin
    if tg_op = 'INSERT' and tg_table_name = 'chat_history' then
      insert into public.session_activity_rollup as r (
        session_id, messages_in, messages_out, message_count, last_message_at, last_in_at, last_out_at
      )
      select n.session_id, count(*) filter (where n.sender = 'user'), count(*) filter (where n.sender = 'agent'),
        count(*), max(n.created_at),
        max(n.created_at) filter (where n.sender = 'user'), max(n.created_at) filter (where n.sender = 'agent')
      from (select m.session_id, m.created_at, public.message_sender(m.message) as sender from new_rows m) n
      where n.session_id is not null
      group by n.session_id
      on conflict (session_id) do update set
        messages_in = r.messages_in + excluded.messages_in,
        messages_out = r.messages_out + excluded.messages_out,
        message_count = r.message_count + excluded.message_count,
        last_message_at = greatest(r.last_message_at, excluded.last_message_at),
        last_in_at = greatest(r.last_in_at, excluded.last_in_at),
        last_out_at = greatest(r.last_out_at, excluded.last_out_at);
    elsif tg_op = 'INSERT' and tg_table_name = 'calls' then
      insert into public.session_activity_rollup as r (
        session_id, call_count, calls_completed, call_seconds, calls_with_duration, last_call_at,
        last_call_id, last_call_problem
      )
      select n.session_id, count(*), count(*) filter (where lower(n.status) = 'completed'),
        coalesce(sum(n.duration), 0), count(n.duration), max(n.called_at),
        (array_agg(n.call_id order by n.called_at desc nulls last, n.call_id desc))[1],
        (array_agg(public.call_problem(n.status, n.analysis) order by n.called_at desc nulls last, n.call_id desc))[1]
      from new_rows n
      where n.session_id is not null
      group by n.session_id
      on conflict (session_id) do update set
        call_count = r.call_count + excluded.call_count,
        calls_completed = r.calls_completed + excluded.calls_completed,
        call_seconds = r.call_seconds + excluded.call_seconds,
        calls_with_duration = r.calls_with_duration + excluded.calls_with_duration,
        last_call_at = greatest(r.last_call_at, excluded.last_call_at),
        -- the first call, or a new one at least as late (ties: the greater id, as latest_call)
        last_call_id = case when r.last_call_id is null or private.call_is_later(excluded.last_call_at, excluded.last_call_id, r.last_call_at, r.last_call_id)
          then excluded.last_call_id else r.last_call_id end,
        last_call_problem = case when r.last_call_id is null or private.call_is_later(excluded.last_call_at, excluded.last_call_id, r.last_call_at, r.last_call_id)
          then excluded.last_call_problem else r.last_call_problem end;
    elsif tg_op = 'INSERT' then
      perform public.recompute_session_activity_part(array(select distinct n.session_id from new_rows n), tg_table_name);
    elsif tg_op = 'UPDATE' then
      perform public.recompute_session_activity_part(array(select o.session_id from old_rows o union select n.session_id from new_rows n), tg_table_name);
    elsif tg_op = 'DELETE' then
      perform public.recompute_session_activity_part(array(select distinct o.session_id from old_rows o), tg_table_name);
    else
      perform public.rebuild_session_activity_rollup();
    end if;
  exception when others then
    raise warning 'session_activity_rollup not updated after % on %: % (%). Run select public.rebuild_session_activity_rollup();', tg_op, tg_table_name, sqlerrm, sqlstate;
  end;
  return null;
end;
$$;

revoke all on function private.analysis_entries(jsonb), private.session_activity_recount(text[]),
  private.latest_call(text), private.call_is_later(timestamptz, text, timestamptz, text)
  from public, anon, authenticated;

-- The backend's existing sessions get the new columns now.
select public.recompute_session_activity(private.all_session_ids());

-- ---------------------------------------------------------------------------------------------
-- The reasons. Each branch reads a few rows through its own partial index, never every session.

-- the candidate wrote last
create index session_activity_rollup_awaiting_idx on public.session_activity_rollup (last_in_at)
  where last_in_at > coalesce(last_out_at, '-infinity');
-- a status that is not the agent's ordinary progress (escalated, takeover, paused, opted out, unknown)
create index session_activity_rollup_unusual_status_idx on public.session_activity_rollup (session_updated_at)
  where lower(status) not in ('active', 'waiting', 'completed', 'failed');
create index session_activity_rollup_call_problem_idx on public.session_activity_rollup (last_call_at)
  where last_call_problem is not null;
-- some objective achieved, still under way
create index session_activity_rollup_midway_idx on public.session_activity_rollup (last_activity)
  where cardinality(achieved_objectives) > 0 and lower(status) in ('active', 'waiting');

-- Statuses the agent writes for "a person should look": the reason's code for each.
create function public.attention_status_reason(p_status text)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select case
    when p_status is null then null
    when lower(p_status) in ('active', 'waiting', 'completed', 'failed', 'opted_out') then null
    when lower(p_status) = 'escalated' then 'escalated'
    when lower(p_status) in ('human_takeover', 'takeover', 'human') then 'human_takeover'
    when lower(p_status) = 'paused' then 'paused'
    else 'unknown_status'
  end
$$;

-- The thresholds and switched-off reasons per campaign (campaign null: the default), from
-- p_rules: {"default": rule, "campaigns": {"<campaign>": rule}}, a rule being
--   {"reply_wait_minutes": 10, "silent_hours": 24, "off": ["paused", …]} (every part optional;
--   the browser validates them, app project's attention_rules).
create function private.attention_rules(p_rules jsonb)
returns table (campaign text, wait_minutes numeric, silent_hours numeric, off jsonb)
language sql
immutable
set search_path = ''
as $$
  with d as (select coalesce(p_rules->'default', '{}') as rule)
  select c.name,
    coalesce((c.rule->>'reply_wait_minutes')::numeric, (d.rule->>'reply_wait_minutes')::numeric, 10),
    coalesce((c.rule->>'silent_hours')::numeric, (d.rule->>'silent_hours')::numeric, 24),
    coalesce(c.rule->'off', d.rule->'off', '[]')
  from d, lateral (
    select k.key as name, k.value as rule
    from jsonb_each(case when jsonb_typeof(p_rules->'campaigns') = 'object' then p_rules->'campaigns' else '{}' end) k
    union all
    select null, '{}'::jsonb
  ) c
$$;

-- Every open reason, one row each: which session, which reason, since when, and what the words
-- need (the threshold crossed, the call, the objectives reached). Detail is kept to plain columns:
-- at 100k sessions tens of thousands of reasons are counted, and only a page of them is shown.
-- p_hidden: [{"session_id", "resolved_at", "snoozed_until"}]: reasons opened at or before
--   resolved_at are done with; a session snoozed until a later time is left out until then.
create function private.attention_reasons(p_rules jsonb, p_hidden jsonb, p_campaign text, p_now timestamptz)
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
    where r.last_in_at > coalesce(r.last_out_at, '-infinity')
      and r.last_in_at <= p_now - b.wait_minutes * interval '1 minute'
    union all
    select r.session_id, r.campaign, r.status,
      case when lower(r.status) = 'opted_out' then 'opted_out_after_interest' else public.attention_status_reason(r.status) end,
      r.session_updated_at, null, cardinality(r.achieved_objectives), null
    from public.session_activity_rollup r
    where lower(r.status) not in ('active', 'waiting', 'completed', 'failed')
      and (lower(r.status) <> 'opted_out' or cardinality(r.achieved_objectives) > 0)
    union all
    select r.session_id, r.campaign, r.status, 'call_' || r.last_call_problem, r.last_call_at,
      r.last_call_id, null, null
    from public.session_activity_rollup r
    where r.last_call_problem is not null
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
    where cardinality(r.achieved_objectives) > 0 and lower(r.status) in ('active', 'waiting')
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

-- When the next waiting or silence threshold is crossed, so that the browser refetches then (a
-- reason opening by time passing produces no change to listen to).
create function private.attention_next_change(p_rules jsonb, p_campaign text, p_now timestamptz)
returns timestamptz
language sql
stable
security invoker
set search_path = ''
as $$
  with
  rules as (select * from private.attention_rules(p_rules)),
  bounds as (select max(wait_minutes) as wait_minutes, max(silent_hours) as silent_hours from rules),
  due as (
    select r.campaign, r.last_in_at as since, 'wait' as kind
    from public.session_activity_rollup r, bounds b
    where r.last_in_at > coalesce(r.last_out_at, '-infinity')
      and r.last_in_at > p_now - b.wait_minutes * interval '1 minute'
    union all
    select r.campaign, r.last_activity, 'silence'
    from public.session_activity_rollup r, bounds b
    where cardinality(r.achieved_objectives) > 0 and lower(r.status) in ('active', 'waiting')
      and r.last_activity > p_now - b.silent_hours * interval '1 hour'
  )
  select min(a.at)
  from due d
  cross join lateral (
    select * from rules u where u.campaign = d.campaign or u.campaign is null
    order by u.campaign is null limit 1
  ) u
  cross join lateral (
    select d.since + case d.kind when 'wait' then u.wait_minutes * interval '1 minute' else u.silent_hours * interval '1 hour' end as at
  ) a
  where (p_campaign is null or d.campaign = p_campaign) and a.at > p_now
$$;

-- The queue: entries (sessions with an open reason) newest reason first, p_limit of them, with
-- counts per reason (before the reason filter, so the chips keep their numbers), how many entries
-- match, and when the next threshold is crossed.
create function public.attention_queue(
  p_rules jsonb default '{}',
  p_hidden jsonb default '[]',
  p_campaign text default null,
  p_reasons text[] default null,
  p_limit integer default 50,
  p_now timestamptz default now()
)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  with
  reasons as materialized (select * from private.attention_reasons(p_rules, p_hidden, p_campaign, p_now)),
  counts as (select r.reason, count(*) as n from reasons r group by r.reason),
  entries as (
    select r.session_id, max(r.opened_at) as latest
    from reasons r
    group by r.session_id
    having p_reasons is null or bool_or(r.reason = any (p_reasons))
  ),
  page as (
    select e.session_id, e.latest
    from entries e
    order by e.latest desc, e.session_id
    limit greatest(least(coalesce(p_limit, 50), 500), 0)
  ),
  shown as (
    select p.session_id, p.latest, s.phone_number, min(r.campaign) as campaign, min(r.status) as status,
      jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
        'reason', r.reason, 'opened_at', r.opened_at, 'since', r.since, 'threshold', r.threshold,
        'call_id', r.call_id, 'achieved', r.achieved, 'objectives', r.objectives))
        order by r.opened_at desc, r.reason) as reasons
    from page p
    join reasons r on r.session_id = p.session_id
    left join public.sessions s on s.session_id = p.session_id
    group by p.session_id, p.latest, s.phone_number
  )
  select jsonb_build_object(
    'entries', coalesce((select jsonb_agg(jsonb_build_object(
        'session_id', x.session_id, 'phone_number', x.phone_number, 'campaign', x.campaign, 'status', x.status,
        'latest', x.latest, 'reasons', x.reasons) order by x.latest desc, x.session_id) from shown x), '[]'),
    'total', (select count(*) from entries),
    'counts', coalesce((select jsonb_object_agg(c.reason, c.n) from counts c), '{}'),
    'next_change_at', private.attention_next_change(p_rules, p_campaign, p_now)
  )
$$;

revoke all on function private.attention_rules(jsonb),
  private.attention_reasons(jsonb, jsonb, text, timestamptz),
  private.attention_next_change(jsonb, text, timestamptz) from public, anon;
grant execute on function private.attention_rules(jsonb),
  private.attention_reasons(jsonb, jsonb, text, timestamptz),
  private.attention_next_change(jsonb, text, timestamptz) to authenticated, service_role;
revoke all on function public.attention_queue(jsonb, jsonb, text, text[], integer, timestamptz) from public, anon;
grant execute on function public.attention_queue(jsonb, jsonb, text, text[], integer, timestamptz) to authenticated, service_role;

-- The pure helpers: staff and the backend's own roles run them, the anon key nothing (DESIGN §6).
revoke all on function public.attention_status_reason(text), public.call_problem(text, jsonb),
  public.analysis_successful(jsonb), public.analysis_sentiment(jsonb) from public, anon;
grant execute on function public.attention_status_reason(text), public.call_problem(text, jsonb),
  public.analysis_successful(jsonb), public.analysis_sentiment(jsonb) to authenticated, service_role;
grant execute on function private.analysis_entries(jsonb) to authenticated, service_role;
