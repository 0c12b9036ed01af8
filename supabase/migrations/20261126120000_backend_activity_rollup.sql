-- Per-session activity, kept up to date by triggers (DESIGN §4, §7): the read models of
-- 20261126100000_backend_read_models.sql and 20261126110000_backend_campaign_activity.sql counted
-- every message and call of every session on each request (seconds at a million messages); they
-- now read one row per session. Their signatures and results are unchanged.
--
-- Only additions to the agent's tables: statement-level triggers (one per statement, not per row)
-- that never fail the agent's write. A failure of the rollup is logged as a WARNING and the write
-- goes through; `select public.rebuild_session_activity_rollup()` (service role) repairs it.

create table if not exists public.session_activity_rollup (
  session_id text primary key,
  -- from sessions (null, false and empty when the session row does not exist, e.g. chat first)
  has_session boolean not null default false,
  campaign text,
  status text,
  session_updated_at timestamptz,
  -- public.objective_keys(objectives), and those of them achieved (public.objective_achieved)
  objective_keys text[] not null default '{}',
  achieved_objectives text[] not null default '{}',
  -- from chat_history
  messages_in bigint not null default 0,
  messages_out bigint not null default 0,
  message_count bigint not null default 0,
  last_message_at timestamptz,
  -- from calls
  call_count bigint not null default 0,
  calls_completed bigint not null default 0,
  call_seconds bigint not null default 0,
  calls_with_duration bigint not null default 0,
  last_call_at timestamptz,
  -- messages, calls and status changes all count as activity (live_sessions' order)
  last_activity timestamptz generated always as (greatest(session_updated_at, last_message_at, last_call_at)) stored
);

create index if not exists session_activity_rollup_last_activity_idx
  on public.session_activity_rollup (last_activity desc nulls last, session_id);
create index if not exists session_activity_rollup_campaign_last_activity_idx
  on public.session_activity_rollup (campaign, last_activity desc nulls last, session_id);
create index if not exists session_activity_rollup_status_last_activity_idx
  on public.session_activity_rollup (lower(status), last_activity desc nulls last, session_id);
create index if not exists session_activity_rollup_campaign_status_last_activity_idx
  on public.session_activity_rollup (campaign, lower(status), last_activity desc nulls last, session_id);
-- a status can be rare in one campaign and common in another: plan with the pairs' real counts
create statistics if not exists public.session_activity_rollup_campaign_status
  on campaign, lower(status) from public.session_activity_rollup;

alter table public.session_activity_rollup enable row level security;
revoke all on public.session_activity_rollup from public, anon, authenticated;
grant select on public.session_activity_rollup to authenticated, service_role;
drop policy if exists "staff read session_activity_rollup" on public.session_activity_rollup;
create policy "staff read session_activity_rollup" on public.session_activity_rollup
  for select to authenticated using ((select public.is_staff()));

-- Recomputes the rollup rows of some sessions from the agent's tables (all columns).
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
  select
    u.sid, s.session_id is not null, s.campaign, s.status, s.updated_at,
    coalesce(o.keys, '{}'), coalesce(o.achieved, '{}'),
    coalesce(m.messages_in, 0), coalesce(m.messages_out, 0), coalesce(m.message_count, 0), m.last_message_at,
    coalesce(c.call_count, 0), coalesce(c.calls_completed, 0), coalesce(c.call_seconds, 0),
    coalesce(c.calls_with_duration, 0), c.last_call_at
  from (select distinct x from unnest(p_session_ids) x where x is not null) as u(sid)
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
  on conflict (session_id) do update set
    has_session = excluded.has_session, campaign = excluded.campaign, status = excluded.status,
    session_updated_at = excluded.session_updated_at, objective_keys = excluded.objective_keys,
    achieved_objectives = excluded.achieved_objectives,
    messages_in = excluded.messages_in, messages_out = excluded.messages_out,
    message_count = excluded.message_count, last_message_at = excluded.last_message_at,
    call_count = excluded.call_count, calls_completed = excluded.calls_completed,
    call_seconds = excluded.call_seconds, calls_with_duration = excluded.calls_with_duration,
    last_call_at = excluded.last_call_at;

  -- nothing left of a session: no row (as a rebuild from scratch would have it)
  delete from public.session_activity_rollup r
  using unnest(p_session_ids) u(sid)
  where r.session_id = u.sid and not r.has_session and r.message_count = 0 and r.call_count = 0;
$$;

-- The same, one source at a time, for the triggers: a change to sessions recomputes only the
-- session's own columns, one to calls only the call counts,
-- one to chat_history only the message counts.
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
    from (select distinct x from unnest(p_session_ids) x where x is not null) as u(sid)
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
    from (select distinct x from unnest(p_session_ids) x where x is not null) as u(sid)
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
    from (select distinct x from unnest(p_session_ids) x where x is not null) as u(sid)
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
  using unnest(p_session_ids) u(sid)
  where r.session_id = u.sid and not r.has_session and r.message_count = 0 and r.call_count = 0;
end;
$$;

-- The whole rollup from scratch: after a WARNING from the triggers, or to check it.
create or replace function public.rebuild_session_activity_rollup()
returns bigint
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  n bigint;
begin
  lock table public.session_activity_rollup in exclusive mode;
  delete from public.session_activity_rollup;
  perform public.recompute_session_activity(array(
    select s.session_id from public.sessions s
    union select h.session_id from public.chat_history h
    union select k.session_id from public.calls k where k.session_id is not null
  ));
  lock table public.campaign_activity_rollup, public.campaign_objective_rollup in exclusive mode;
  delete from public.campaign_activity_rollup;
  insert into public.campaign_activity_rollup
  select r.campaign, count(*), count(*) filter (where lower(r.status) = 'active'), sum(r.messages_in),
    sum(r.messages_out), sum(r.message_count), sum(r.call_count), sum(r.calls_completed), sum(r.call_seconds),
    sum(r.calls_with_duration), count(*) filter (where r.messages_in > 0),
    count(*) filter (where r.call_count > 0)
  from public.session_activity_rollup r where r.campaign is not null and r.has_session
  group by r.campaign;
  delete from public.campaign_objective_rollup;
  insert into public.campaign_objective_rollup
  select r.campaign, k.key, count(*), count(*) filter (where k.key = any (r.achieved_objectives))
  from public.session_activity_rollup r cross join unnest(r.objective_keys) k(key)
  where r.campaign is not null and r.has_session
  group by r.campaign, k.key;
  select count(*) into n from public.session_activity_rollup;
  return n;
end;
$$;

-- chat_history: an insert adds to the counts (the agent's common write, one cheap upsert per
-- session); an update or delete recomputes the sessions it touched; a truncate rebuilds.
create or replace function public.session_activity_rollup_chat_history()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  begin
    if tg_op = 'INSERT' then
      insert into public.session_activity_rollup as r (session_id, messages_in, messages_out, message_count, last_message_at)
      select n.session_id,
        count(*) filter (where public.message_sender(n.message) = 'user'),
        count(*) filter (where public.message_sender(n.message) = 'agent'),
        count(*), max(n.created_at)
      from new_rows n
      where n.session_id is not null
      group by n.session_id
      on conflict (session_id) do update set
        messages_in = r.messages_in + excluded.messages_in,
        messages_out = r.messages_out + excluded.messages_out,
        message_count = r.message_count + excluded.message_count,
        last_message_at = greatest(r.last_message_at, excluded.last_message_at);
    elsif tg_op = 'UPDATE' then
      perform public.recompute_session_activity_part(array(select o.session_id from old_rows o union select n.session_id from new_rows n), 'chat_history');
    elsif tg_op = 'DELETE' then
      perform public.recompute_session_activity_part(array(select distinct o.session_id from old_rows o), 'chat_history');
    else
      perform public.rebuild_session_activity_rollup();
    end if;
  exception when others then
    raise warning 'session_activity_rollup not updated after % on chat_history: % (%). Run select public.rebuild_session_activity_rollup();', tg_op, sqlerrm, sqlstate;
  end;
  return null;
end;
$$;

-- calls and sessions: new calls add to the counts; otherwise the sessions a statement touched get
-- that table's part recomputed (a session row change moves its campaign, status, objectives or
-- last activity).
create or replace function public.session_activity_rollup_recompute()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  begin
    if tg_op = 'INSERT' and tg_table_name = 'calls' then
      -- like messages: new calls add to the counts
      insert into public.session_activity_rollup as r (
        session_id, call_count, calls_completed, call_seconds, calls_with_duration, last_call_at
      )
      select n.session_id, count(*), count(*) filter (where lower(n.status) = 'completed'),
        coalesce(sum(n.duration), 0), count(n.duration), max(n.called_at)
      from new_rows n
      where n.session_id is not null
      group by n.session_id
      on conflict (session_id) do update set
        call_count = r.call_count + excluded.call_count,
        calls_completed = r.calls_completed + excluded.calls_completed,
        call_seconds = r.call_seconds + excluded.call_seconds,
        calls_with_duration = r.calls_with_duration + excluded.calls_with_duration,
        last_call_at = greatest(r.last_call_at, excluded.last_call_at);
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

drop trigger if exists session_activity_rollup_insert on public.chat_history;
create trigger session_activity_rollup_insert after insert on public.chat_history
  referencing new table as new_rows for each statement execute function public.session_activity_rollup_chat_history();
drop trigger if exists session_activity_rollup_update on public.chat_history;
create trigger session_activity_rollup_update after update on public.chat_history
  referencing old table as old_rows new table as new_rows for each statement execute function public.session_activity_rollup_chat_history();
drop trigger if exists session_activity_rollup_delete on public.chat_history;
create trigger session_activity_rollup_delete after delete on public.chat_history
  referencing old table as old_rows for each statement execute function public.session_activity_rollup_chat_history();
drop trigger if exists session_activity_rollup_truncate on public.chat_history;
create trigger session_activity_rollup_truncate after truncate on public.chat_history
  for each statement execute function public.session_activity_rollup_chat_history();

drop trigger if exists session_activity_rollup_insert on public.calls;
create trigger session_activity_rollup_insert after insert on public.calls
  referencing new table as new_rows for each statement execute function public.session_activity_rollup_recompute();
drop trigger if exists session_activity_rollup_update on public.calls;
create trigger session_activity_rollup_update after update on public.calls
  referencing old table as old_rows new table as new_rows for each statement execute function public.session_activity_rollup_recompute();
drop trigger if exists session_activity_rollup_delete on public.calls;
create trigger session_activity_rollup_delete after delete on public.calls
  referencing old table as old_rows for each statement execute function public.session_activity_rollup_recompute();
drop trigger if exists session_activity_rollup_truncate on public.calls;
create trigger session_activity_rollup_truncate after truncate on public.calls
  for each statement execute function public.session_activity_rollup_recompute();

drop trigger if exists session_activity_rollup_insert on public.sessions;
create trigger session_activity_rollup_insert after insert on public.sessions
  referencing new table as new_rows for each statement execute function public.session_activity_rollup_recompute();
drop trigger if exists session_activity_rollup_update on public.sessions;
create trigger session_activity_rollup_update after update on public.sessions
  referencing old table as old_rows new table as new_rows for each statement execute function public.session_activity_rollup_recompute();
drop trigger if exists session_activity_rollup_delete on public.sessions;
create trigger session_activity_rollup_delete after delete on public.sessions
  referencing old table as old_rows for each statement execute function public.session_activity_rollup_recompute();
drop trigger if exists session_activity_rollup_truncate on public.sessions;
create trigger session_activity_rollup_truncate after truncate on public.sessions
  for each statement execute function public.session_activity_rollup_recompute();

-- Per campaign, the sums of its sessions' rollup rows, kept by deltas (old rows out, new rows in)
-- from a statement-level trigger on the rollup: campaign_stats reads a few rows, not 100,000.
create table if not exists public.campaign_activity_rollup (
  campaign text primary key,
  total_contacts bigint not null default 0,
  active_sessions bigint not null default 0,
  messages_in bigint not null default 0,
  messages_out bigint not null default 0,
  total_messages bigint not null default 0,
  calls_total bigint not null default 0,
  calls_completed bigint not null default 0,
  call_seconds bigint not null default 0,
  calls_with_duration bigint not null default 0,
  replied_contacts bigint not null default 0,
  called_contacts bigint not null default 0
);

-- Per campaign and objective key found in its sessions: how many have it, and achieved.
create table if not exists public.campaign_objective_rollup (
  campaign text not null,
  key text not null,
  sessions bigint not null default 0,
  achieved bigint not null default 0,
  primary key (campaign, key)
);

alter table public.campaign_activity_rollup enable row level security;
alter table public.campaign_objective_rollup enable row level security;
revoke all on public.campaign_activity_rollup, public.campaign_objective_rollup from public, anon, authenticated;
grant select on public.campaign_activity_rollup, public.campaign_objective_rollup to authenticated, service_role;
drop policy if exists "staff read campaign_activity_rollup" on public.campaign_activity_rollup;
create policy "staff read campaign_activity_rollup" on public.campaign_activity_rollup
  for select to authenticated using ((select public.is_staff()));
drop policy if exists "staff read campaign_objective_rollup" on public.campaign_objective_rollup;
create policy "staff read campaign_objective_rollup" on public.campaign_objective_rollup
  for select to authenticated using ((select public.is_staff()));

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
    old_sessions := array(select o from old_rows o where o.campaign is not null and o.has_session);
  end if;
  if tg_op in ('UPDATE', 'INSERT') then
    new_sessions := array(select n from new_rows n where n.campaign is not null and n.has_session);
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
  group by d.campaign
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
  group by d.campaign, k.key
  order by d.campaign, k.key
  on conflict (campaign, key) do update set
    sessions = c.sessions + excluded.sessions, achieved = c.achieved + excluded.achieved;

  delete from public.campaign_activity_rollup c where c.total_contacts = 0;
  delete from public.campaign_objective_rollup c where c.sessions = 0;
  return null;
end;
$$;

drop trigger if exists campaign_rollup_insert on public.session_activity_rollup;
create trigger campaign_rollup_insert after insert on public.session_activity_rollup
  referencing new table as new_rows for each statement execute function public.campaign_rollup_apply();
drop trigger if exists campaign_rollup_update on public.session_activity_rollup;
create trigger campaign_rollup_update after update on public.session_activity_rollup
  referencing old table as old_rows new table as new_rows for each statement execute function public.campaign_rollup_apply();
drop trigger if exists campaign_rollup_delete on public.session_activity_rollup;
create trigger campaign_rollup_delete after delete on public.session_activity_rollup
  referencing old table as old_rows for each statement execute function public.campaign_rollup_apply();

select public.rebuild_session_activity_rollup();
analyze public.session_activity_rollup, public.campaign_activity_rollup, public.campaign_objective_rollup;

-- The read models, now on the rollup. Same signatures, same results.
create or replace function public.session_activity(p_session_ids text[])
returns table (
  session_id text,
  messages_in bigint,
  messages_out bigint,
  message_count bigint,
  last_message_at timestamptz,
  call_count bigint,
  calls_completed bigint,
  call_seconds bigint,
  calls_with_duration bigint,
  last_call_at timestamptz
)
language sql
stable
set search_path = ''
as $$
  select
    u.sid,
    coalesce(r.messages_in, 0), coalesce(r.messages_out, 0), coalesce(r.message_count, 0), r.last_message_at,
    coalesce(r.call_count, 0), coalesce(r.calls_completed, 0), coalesce(r.call_seconds, 0),
    coalesce(r.calls_with_duration, 0), r.last_call_at
  from unnest(p_session_ids) as u(sid)
  left join public.session_activity_rollup r on r.session_id = u.sid
$$;

create or replace function public.campaign_stats(p_campaign text default null)
returns table (
  campaign text,
  description text,
  campaign_status text,
  objective_list jsonb,
  total_contacts bigint,
  active_sessions bigint,
  messages_in bigint,
  messages_out bigint,
  total_messages bigint,
  calls_total bigint,
  calls_completed bigint,
  avg_call_duration numeric,
  replied_contacts bigint,
  reply_rate numeric,
  objectives_achieved jsonb,
  last_activity timestamptz
)
language sql
stable
set search_path = ''
as $$
  with per_campaign as (
    select
      p.campaign, p.total_contacts, p.active_sessions, p.messages_in, p.messages_out, p.total_messages,
      p.calls_total, p.calls_completed,
      round(p.call_seconds::numeric / nullif(p.calls_with_duration, 0), 1) as avg_call_duration,
      p.replied_contacts,
      -- the newest activity of the campaign's sessions: the first entry of the rollup's index
      (select r.last_activity from public.session_activity_rollup r
       where r.campaign = p.campaign order by r.last_activity desc nulls last, r.session_id limit 1) as last_activity
    from public.campaign_activity_rollup p
    where p_campaign is null or p.campaign = p_campaign
  ),
  names as (
    select c.name from public.campaigns c where p_campaign is null or c.name = p_campaign
    union
    select p.campaign from per_campaign p
  ),
  session_keys as (
    select o.campaign, o.key, o.achieved
    from public.campaign_objective_rollup o
    where p_campaign is null or o.campaign = p_campaign
  ),
  objective_keys as (
    -- the campaign's list first, in its order; then keys found in its sessions, alphabetically
    select n.name as campaign, o.value ->> 'key' as key, coalesce(o.value ->> 'label', o.value ->> 'key') as label, o.ordinality as position
    from names n
    join public.campaigns c on c.name = n.name and jsonb_typeof(c.objectives) = 'array'
    cross join lateral jsonb_array_elements(c.objectives) with ordinality o
    where jsonb_typeof(o.value) = 'object' and o.value ? 'key'
    union all
    select x.campaign, x.key, null, 1000000 + row_number() over (partition by x.campaign order by x.key)
    from session_keys x
    where not exists (
      select 1 from public.campaigns c, jsonb_array_elements(case when jsonb_typeof(c.objectives) = 'array' then c.objectives else '[]'::jsonb end) e
      where c.name = x.campaign and e.value ->> 'key' = x.key
    )
  ),
  objective_counts as (
    select k.campaign, jsonb_agg(jsonb_build_object(
      'key', k.key,
      'label', k.label,
      'achieved', coalesce(sk.achieved, 0)
    ) order by k.position) as achieved
    from objective_keys k
    left join session_keys sk on sk.campaign = k.campaign and sk.key = k.key
    group by k.campaign
  )
  select
    n.name,
    c.description,
    c.status,
    case when jsonb_typeof(c.objectives) = 'array' then c.objectives else '[]'::jsonb end,
    coalesce(p.total_contacts, 0),
    coalesce(p.active_sessions, 0),
    coalesce(p.messages_in, 0),
    coalesce(p.messages_out, 0),
    coalesce(p.total_messages, 0),
    coalesce(p.calls_total, 0),
    coalesce(p.calls_completed, 0),
    p.avg_call_duration,
    coalesce(p.replied_contacts, 0),
    round(coalesce(p.replied_contacts, 0)::numeric / nullif(p.total_contacts, 0), 4),
    coalesce(o.achieved, '[]'::jsonb),
    p.last_activity
  from names n
  left join public.campaigns c on c.name = n.name
  left join per_campaign p on p.campaign = n.name
  left join objective_counts o on o.campaign = n.name
  order by n.name
$$;

-- plpgsql, with a query per case, so that each is planned for its own index: the most recently
-- active first, read in order from the rollup's (campaign,) last_activity index until the limit.
create or replace function public.live_sessions(
  p_limit integer default 50,
  p_campaign text default null,
  p_statuses text[] default null,
  p_search text default null,
  p_phones text[] default null
)
returns table (
  session_id text,
  phone_number text,
  campaign text,
  status text,
  objectives jsonb,
  created_at timestamptz,
  updated_at timestamptz,
  message_count bigint,
  call_count bigint,
  last_message_at timestamptz,
  last_call_at timestamptz,
  last_activity timestamptz
)
language plpgsql
stable
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_limit integer := least(greatest(coalesce(p_limit, 50), 1), 1000);
  v_statuses text[] := case when p_statuses is not null then array(select lower(x) from unnest(p_statuses) x) end;
  v_digits text := nullif(ltrim(regexp_replace(coalesce(p_search, ''), '\D', '', 'g'), '0'), '');
begin
  if p_search is null and p_phones is null then
    -- dynamic, so each call is planned with its own values: a selective status reads the
    -- (campaign, status, last_activity) index, a common one walks last_activity until the limit
    return query execute format(
      'select s.session_id, s.phone_number, s.campaign, s.status, s.objectives, s.created_at, s.updated_at,
         r.message_count, r.call_count, r.last_message_at, r.last_call_at, r.last_activity
       from public.session_activity_rollup r
       join public.sessions s on s.session_id = r.session_id
       where r.has_session %s %s
       order by r.last_activity desc nulls last, r.session_id
       limit $3',
      case when p_campaign is not null then 'and r.campaign = $1' end,
      case when v_statuses is not null then 'and lower(r.status) = any ($2)' end
    ) using p_campaign, v_statuses, v_limit;
    return;
  end if;
  return query
    select s.session_id, s.phone_number, s.campaign, s.status, s.objectives, s.created_at, s.updated_at,
      r.message_count, r.call_count, r.last_message_at, r.last_call_at, r.last_activity
    from public.sessions s
    join public.session_activity_rollup r on r.session_id = s.session_id
    where (p_campaign is null or s.campaign = p_campaign)
      and (v_statuses is null or lower(s.status) = any (v_statuses))
      and (
        (p_phones is not null and (s.phone_number = any (p_phones)
            or s.session_id in (select n.session_id from public.numbers n where n.phone_number = any (p_phones))))
        or (v_digits is not null
            and regexp_replace(coalesce(s.phone_number, ''), '\D', '', 'g') like '%' || v_digits || '%')
        or (p_search is not null and s.session_id ilike '%' || p_search || '%')
      )
    order by r.last_activity desc nulls last, s.session_id
    limit v_limit;
end;
$$;

create or replace function public.campaign_funnel(p_campaign text)
returns table (
  step_index integer,
  step text,
  objective_key text,
  label text,
  sessions bigint
)
language sql
stable
set search_path = ''
as $$
  with p as (
    select p.* from public.campaign_activity_rollup p where p.campaign = p_campaign
  ),
  session_keys as (
    select o.key, o.achieved from public.campaign_objective_rollup o where o.campaign = p_campaign
  ),
  objective_keys as (
    select o.value ->> 'key' as key, coalesce(o.value ->> 'label', o.value ->> 'key') as label, o.ordinality as list_order
    from public.campaigns c
    cross join lateral jsonb_array_elements(case when jsonb_typeof(c.objectives) = 'array' then c.objectives else '[]'::jsonb end) with ordinality o
    where c.name = p_campaign and jsonb_typeof(o.value) = 'object' and o.value ? 'key'
    union all
    select x.key, null, 1000000 + row_number() over (order by x.key)
    from session_keys x
    where not exists (
      select 1 from public.campaigns c, jsonb_array_elements(case when jsonb_typeof(c.objectives) = 'array' then c.objectives else '[]'::jsonb end) e
      where c.name = p_campaign and e.value ->> 'key' = x.key
    )
  )
  select 1, 'contacts', null, 'Contacts', coalesce((select p.total_contacts from p), 0)
  union all
  select 2, 'replied', null, 'Replied', coalesce((select p.replied_contacts from p), 0)
  union all
  select 3, 'called', null, 'Called', coalesce((select p.called_contacts from p), 0)
  union all
  select (3 + row_number() over (order by k.list_order))::integer, 'objective', k.key, k.label,
    coalesce((select sk.achieved from session_keys sk where sk.key = k.key), 0)
  from objective_keys k
  order by 1
$$;

-- A campaign's sessions from the rollup: the filters read its columns (objectives achieved included),
-- and the order is the rollup's (campaign, last_activity) index.
create or replace function public.campaign_sessions(
  p_campaign text,
  p_statuses text[] default null,
  p_replied boolean default null,
  p_called boolean default null,
  p_objective text default null,
  p_limit integer default 100
)
returns table (
  session_id text,
  phone_number text,
  campaign text,
  status text,
  objectives jsonb,
  created_at timestamptz,
  updated_at timestamptz,
  messages_in bigint,
  messages_out bigint,
  message_count bigint,
  call_count bigint,
  last_message_at timestamptz,
  last_call_at timestamptz,
  last_activity timestamptz,
  total_count bigint
)
language sql
stable
set search_path = ''
as $$
  with f as (
    select r.session_id, r.last_activity
    from public.session_activity_rollup r
    where r.campaign = p_campaign and r.has_session
      and (p_statuses is null or lower(r.status) = any (select lower(x) from unnest(p_statuses) x))
      and (p_objective is null or p_objective = any (r.achieved_objectives))
      and (p_replied is null or (r.messages_in > 0) = p_replied)
      and (p_called is null or (r.call_count > 0) = p_called)
  ),
  page as (
    select f.session_id, count(*) over () as total_count
    from f
    order by f.last_activity desc nulls last, f.session_id
    limit least(greatest(coalesce(p_limit, 100), 1), 1000)
  )
  select
    s.session_id, s.phone_number, s.campaign, s.status, s.objectives, s.created_at, s.updated_at,
    r.messages_in, r.messages_out, r.message_count, r.call_count, r.last_message_at, r.last_call_at,
    r.last_activity, page.total_count
  from page
  join public.sessions s on s.session_id = page.session_id
  join public.session_activity_rollup r on r.session_id = page.session_id
  order by r.last_activity desc nulls last, s.session_id
$$;

revoke all on function public.recompute_session_activity(text[]) from public, anon, authenticated;
revoke all on function public.recompute_session_activity_part(text[], text) from public, anon, authenticated;
revoke all on function public.rebuild_session_activity_rollup() from public, anon, authenticated;
revoke all on function public.session_activity_rollup_chat_history() from public, anon, authenticated;
revoke all on function public.session_activity_rollup_recompute() from public, anon, authenticated;
revoke all on function public.campaign_rollup_apply() from public, anon, authenticated;
grant execute on function public.rebuild_session_activity_rollup() to service_role;
