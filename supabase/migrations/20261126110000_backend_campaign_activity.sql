-- Read models for the ops and manager screens (issue 6): status counts for the Live page, and a
-- campaign's funnel, daily activity and filterable sessions for its detail page. Like the others
-- (20261126100000_backend_read_models.sql) they are security invoker, so row-level security
-- applies to whoever calls them: a non-staff user gets zeros and empty lists.

-- Sessions per status (lower-cased, so 'Active' and 'active' are one), for one campaign or all:
-- the Live page's exact "N active now", sessions without a campaign included.
create or replace function public.session_status_counts(p_campaign text default null)
returns table (status text, sessions bigint)
language sql
stable
set search_path = ''
as $$
  select lower(s.status), count(*)
  from public.sessions s
  where p_campaign is null or s.campaign = p_campaign
  group by lower(s.status)
  order by count(*) desc, lower(s.status)
$$;

-- A campaign's funnel, in display order: contacts (its sessions) → replied (sent at least one
-- message, as campaign_stats counts it) → called (at least one call) → each objective achieved,
-- in the campaign's own order, then any other keys its sessions have, alphabetically. Objectives
-- are read as campaign_stats reads them (objective_keys, objective_value, objective_achieved).
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
  with s as (
    select s.session_id, s.objectives from public.sessions s where s.campaign = p_campaign
  ),
  a as (
    select * from public.session_activity(array(select session_id from s))
  ),
  objective_keys as (
    select o.value ->> 'key' as key, coalesce(o.value ->> 'label', o.value ->> 'key') as label, o.ordinality as list_order
    from public.campaigns c
    cross join lateral jsonb_array_elements(case when jsonb_typeof(c.objectives) = 'array' then c.objectives else '[]'::jsonb end) with ordinality o
    where c.name = p_campaign and jsonb_typeof(o.value) = 'object' and o.value ? 'key'
    union all
    select x.key, null, 1000000 + row_number() over (order by x.key)
    from (
      select distinct k.key
      from s cross join lateral public.objective_keys(s.objectives) k(key)
    ) x
    where not exists (
      select 1 from public.campaigns c, jsonb_array_elements(case when jsonb_typeof(c.objectives) = 'array' then c.objectives else '[]'::jsonb end) e
      where c.name = p_campaign and e.value ->> 'key' = x.key
    )
  )
  select 1, 'contacts', null, 'Contacts', (select count(*) from s)
  union all
  select 2, 'replied', null, 'Replied', (select count(*) from a where a.messages_in > 0)
  union all
  select 3, 'called', null, 'Called', (select count(*) from a where a.call_count > 0)
  union all
  select (3 + row_number() over (order by k.list_order))::integer, 'objective', k.key, k.label,
    (select count(*) from s where public.objective_achieved(public.objective_value(s.objectives, k.key)))
  from objective_keys k
  order by 1
$$;

-- Messages in (from candidates), messages out (from the agent) and calls per day over a
-- campaign's last p_days days (today included), in the viewer's time zone; days without
-- activity are zeros, so a chart has no gaps.
create or replace function public.campaign_daily_activity(
  p_campaign text,
  p_days integer default 14,
  p_tz text default 'Europe/London'
)
returns table (day date, messages_in bigint, messages_out bigint, calls bigint)
language sql
stable
set search_path = ''
as $$
  with bounds as (
    select
      (now() at time zone p_tz)::date as today,
      least(greatest(coalesce(p_days, 14), 1), 366) as n
  ),
  days as (
    select b.today - i as day from bounds b, generate_series(0, b.n - 1) i
  ),
  since as (
    -- midnight of the first day, in the viewer's zone
    select ((b.today - (b.n - 1))::timestamp at time zone p_tz) as t from bounds b
  ),
  ids as (
    select s.session_id from public.sessions s where s.campaign = p_campaign
  ),
  m as (
    select
      (h.created_at at time zone p_tz)::date as day,
      count(*) filter (where public.message_sender(h.message) = 'user') as messages_in,
      count(*) filter (where public.message_sender(h.message) = 'agent') as messages_out
    from public.chat_history h
    where h.session_id in (select ids.session_id from ids) and h.created_at >= (select since.t from since)
    group by 1
  ),
  c as (
    select (k.called_at at time zone p_tz)::date as day, count(*) as calls
    from public.calls k
    where k.session_id in (select ids.session_id from ids) and k.called_at >= (select since.t from since)
    group by 1
  )
  select d.day, coalesce(m.messages_in, 0), coalesce(m.messages_out, 0), coalesce(c.calls, 0)
  from days d
  left join m on m.day = d.day
  left join c on c.day = d.day
  order by d.day
$$;

-- A campaign's sessions with their counts, most recently active first, filtered on the server
-- (a campaign can have tens of thousands): by status, by replied (sent a message) or not, called
-- or not, and by an objective achieved. total_count is the number of matching sessions before
-- the limit, so the page can say "50 of 1,234".
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
  with s as (
    select s.*
    from public.sessions s
    where s.campaign = p_campaign
      and (p_statuses is null or lower(s.status) = any (select lower(x) from unnest(p_statuses) x))
      and (p_objective is null or public.objective_achieved(public.objective_value(s.objectives, p_objective)))
  ),
  f as (
    select
      s.session_id, s.phone_number, s.campaign, s.status, s.objectives, s.created_at, s.updated_at,
      a.messages_in, a.messages_out, a.message_count, a.call_count, a.last_message_at, a.last_call_at,
      greatest(s.updated_at, a.last_message_at, a.last_call_at) as last_activity
    from s
    join public.session_activity(array(select s.session_id from s)) a on a.session_id = s.session_id
    where (p_replied is null or (a.messages_in > 0) = p_replied)
      and (p_called is null or (a.call_count > 0) = p_called)
  )
  select f.*, count(*) over ()
  from f
  order by f.last_activity desc nulls last, f.session_id
  limit least(greatest(coalesce(p_limit, 100), 1), 1000)
$$;

revoke all on function public.session_status_counts(text) from public, anon;
revoke all on function public.campaign_funnel(text) from public, anon;
revoke all on function public.campaign_daily_activity(text, integer, text) from public, anon;
revoke all on function public.campaign_sessions(text, text[], boolean, boolean, text, integer) from public, anon;
grant execute on function public.session_status_counts(text), public.campaign_funnel(text),
  public.campaign_daily_activity(text, integer, text),
  public.campaign_sessions(text, text[], boolean, boolean, text, integer)
  to authenticated, service_role;
