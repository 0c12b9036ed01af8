-- The rollup triggers walked whole tables on every session update (235 ms at 100k sessions) and
-- on every bulk delete: called from a trigger, the functions below take the collation their
-- argument brings (there, not the database default: an explicit "C" does the same), and a
-- comparison under another collation cannot use the primary key's index, so the join to sessions became a scan of
-- every session and the delete of emptied rows a scan of the whole rollup. The ids are compared
-- under the default collation now (the key's); behaviour unchanged.

create or replace function private.session_activity_recount(p_session_ids text[])
returns table (
  session_id text, has_session boolean, campaign text, status text, session_updated_at timestamptz,
  objective_keys text[], achieved_objectives text[],
  messages_in bigint, messages_out bigint, message_count bigint, last_message_at timestamptz,
  call_count bigint, calls_completed bigint, call_seconds bigint, calls_with_duration bigint,
  last_call_at timestamptz
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
    coalesce(c.call_count, 0), coalesce(c.calls_completed, 0), coalesce(c.call_seconds, 0),
    coalesce(c.calls_with_duration, 0), c.last_call_at
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
      max(h.created_at) as last_message_at
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
    messages_in, messages_out, message_count, last_message_at,
    call_count, calls_completed, call_seconds, calls_with_duration, last_call_at
  )
  select * from private.session_activity_recount(p_session_ids)
  on conflict (session_id) do update set
    has_session = excluded.has_session, campaign = excluded.campaign, status = excluded.status,
    session_updated_at = excluded.session_updated_at, objective_keys = excluded.objective_keys,
    achieved_objectives = excluded.achieved_objectives,
    messages_in = excluded.messages_in, messages_out = excluded.messages_out,
    message_count = excluded.message_count, last_message_at = excluded.last_message_at,
    call_count = excluded.call_count, calls_completed = excluded.calls_completed,
    call_seconds = excluded.call_seconds, calls_with_duration = excluded.calls_with_duration,
    last_call_at = excluded.last_call_at;

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
    insert into public.session_activity_rollup as r (session_id, messages_in, messages_out, message_count, last_message_at)
    select u.sid, coalesce(m.messages_in, 0), coalesce(m.messages_out, 0), coalesce(m.message_count, 0), m.last_message_at
    from (select distinct x collate "default" from unnest(p_session_ids) x where x is not null) as u(sid)
    left join lateral (
      select
        count(*) filter (where public.message_sender(h.message) = 'user') as messages_in,
        count(*) filter (where public.message_sender(h.message) = 'agent') as messages_out,
        count(*) as message_count,
        max(h.created_at) as last_message_at
      from public.chat_history h where h.session_id = u.sid
    ) m on true
    on conflict (session_id) do update set
      messages_in = excluded.messages_in, messages_out = excluded.messages_out,
      message_count = excluded.message_count, last_message_at = excluded.last_message_at;
  elsif p_part = 'calls' then
    insert into public.session_activity_rollup as r (
      session_id, call_count, calls_completed, call_seconds, calls_with_duration, last_call_at
    )
    select u.sid, coalesce(c.call_count, 0), coalesce(c.calls_completed, 0), coalesce(c.call_seconds, 0),
      coalesce(c.calls_with_duration, 0), c.last_call_at
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
    on conflict (session_id) do update set
      call_count = excluded.call_count, calls_completed = excluded.calls_completed,
      call_seconds = excluded.call_seconds, calls_with_duration = excluded.calls_with_duration,
      last_call_at = excluded.last_call_at;
  else
    raise exception 'unknown part %', p_part;
  end if;

  delete from public.session_activity_rollup r
  where r.session_id = any (p_session_ids collate "default") and not r.has_session and r.message_count = 0 and r.call_count = 0;
end;
$$;

-- The campaign and status rollups took every change to a session's rollup row as a delta, zero
-- ones included: each new message rewrote its session's status row and objective rows with +0
-- (a write, and a row lock every writer in the campaign waits on). Only changed sums are written.
create or replace function public.campaign_rollup_apply()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  old_sessions public.session_activity_rollup[] := '{}';
  new_sessions public.session_activity_rollup[] := '{}';
begin
  if tg_op in ('UPDATE', 'DELETE') then
    old_sessions := array(select o from old_rows o where o.has_session);
  end if;
  if tg_op in ('UPDATE', 'INSERT') then
    new_sessions := array(select n from new_rows n where n.has_session);
  end if;
  if cardinality(old_sessions) = 0 and cardinality(new_sessions) = 0 then
    return null;
  end if;

  insert into public.campaign_activity_rollup as c (
    campaign, total_contacts, active_sessions, messages_in, messages_out, total_messages,
    calls_total, calls_completed, call_seconds, calls_with_duration, replied_contacts, called_contacts
  )
  select d.campaign, sum(d.sign), coalesce(sum(d.sign) filter (where lower(d.status) = 'active'), 0),
    sum(d.sign * d.messages_in), sum(d.sign * d.messages_out), sum(d.sign * d.message_count),
    sum(d.sign * d.call_count), sum(d.sign * d.calls_completed), sum(d.sign * d.call_seconds),
    sum(d.sign * d.calls_with_duration), coalesce(sum(d.sign) filter (where d.messages_in > 0), 0),
    coalesce(sum(d.sign) filter (where d.call_count > 0), 0)
  from (
    select -1 as sign, o.* from unnest(old_sessions) o
    union all
    select 1, n.* from unnest(new_sessions) n
  ) d
  where d.campaign is not null
  group by d.campaign
  having sum(d.sign) <> 0 or sum(d.sign) filter (where lower(d.status) = 'active') <> 0
    or sum(d.sign * d.messages_in) <> 0 or sum(d.sign * d.messages_out) <> 0
    or sum(d.sign * d.message_count) <> 0 or sum(d.sign * d.call_count) <> 0
    or sum(d.sign * d.calls_completed) <> 0 or sum(d.sign * d.call_seconds) <> 0
    or sum(d.sign * d.calls_with_duration) <> 0 or sum(d.sign) filter (where d.messages_in > 0) <> 0
    or sum(d.sign) filter (where d.call_count > 0) <> 0
  order by d.campaign
  on conflict (campaign) do update set
    total_contacts = c.total_contacts + excluded.total_contacts,
    active_sessions = c.active_sessions + excluded.active_sessions,
    messages_in = c.messages_in + excluded.messages_in,
    messages_out = c.messages_out + excluded.messages_out,
    total_messages = c.total_messages + excluded.total_messages,
    calls_total = c.calls_total + excluded.calls_total,
    calls_completed = c.calls_completed + excluded.calls_completed,
    call_seconds = c.call_seconds + excluded.call_seconds,
    calls_with_duration = c.calls_with_duration + excluded.calls_with_duration,
    replied_contacts = c.replied_contacts + excluded.replied_contacts,
    called_contacts = c.called_contacts + excluded.called_contacts;

  insert into public.campaign_objective_rollup as c (campaign, key, sessions, achieved)
  select d.campaign, k.key, sum(d.sign), coalesce(sum(d.sign) filter (where k.key = any (d.achieved_objectives)), 0)
  from (
    select -1 as sign, o.campaign, o.objective_keys, o.achieved_objectives from unnest(old_sessions) o
    union all
    select 1, n.campaign, n.objective_keys, n.achieved_objectives from unnest(new_sessions) n
  ) d
  cross join unnest(d.objective_keys) k(key)
  where d.campaign is not null
  group by d.campaign, k.key
  having sum(d.sign) <> 0 or sum(d.sign) filter (where k.key = any (d.achieved_objectives)) <> 0
  order by d.campaign, k.key
  on conflict (campaign, key) do update set
    sessions = c.sessions + excluded.sessions, achieved = c.achieved + excluded.achieved;

  insert into public.session_status_rollup as c (campaign, status, sessions)
  select d.campaign, d.status, sum(d.sign)
  from (
    select -1 as sign, o.campaign, lower(o.status) as status from unnest(old_sessions) o
    union all
    select 1, n.campaign, lower(n.status) from unnest(new_sessions) n
  ) d
  group by d.campaign, d.status
  having sum(d.sign) <> 0
  order by d.campaign, d.status
  on conflict (campaign, status) do update set sessions = c.sessions + excluded.sessions;

  delete from public.campaign_activity_rollup c where c.total_contacts = 0;
  delete from public.campaign_objective_rollup c where c.sessions = 0;
  delete from public.session_status_rollup c where c.sessions = 0;
  return null;
end;
$$;
