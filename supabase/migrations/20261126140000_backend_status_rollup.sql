-- Session counts per status (the Live page's status chips, polled every 10 s by every open Live
-- page; DESIGN §7 load bar). session_status_counts grouped all sessions on each call: ~170 ms at
-- 100k sessions, and 200 dashboards asked Postgres for more CPU than a 2-core machine has. It now
-- reads one row per (campaign, status), kept from session_activity_rollup's own changes by a
-- statement trigger, as the campaign rollups are (20261126120000_backend_activity_rollup.sql).
-- rebuild_session_activity_rollup() deletes and re-inserts every session row, which this trigger
-- follows, so the repair covers this table too.

create table if not exists public.session_status_rollup (
  campaign text,
  -- lower(sessions.status)
  status text,
  sessions bigint not null,
  constraint session_status_rollup_key unique nulls not distinct (campaign, status)
);

alter table public.session_status_rollup enable row level security;
revoke all on public.session_status_rollup from public, anon, authenticated;
grant select on public.session_status_rollup to authenticated;
drop policy if exists "staff read session_status_rollup" on public.session_status_rollup;
create policy "staff read session_status_rollup" on public.session_status_rollup
  for select to authenticated using ((select public.is_staff()));

create or replace function public.session_status_rollup_apply()
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
  insert into public.session_status_rollup as c (campaign, status, sessions)
  select d.campaign, d.status, sum(d.sign)
  from (
    select -1 as sign, o.campaign, lower(o.status) as status from unnest(old_sessions) o
    union all
    select 1, n.campaign, lower(n.status) from unnest(new_sessions) n
  ) d
  group by d.campaign, d.status
  order by d.campaign, d.status
  on conflict (campaign, status) do update set sessions = c.sessions + excluded.sessions;
  delete from public.session_status_rollup c where c.sessions = 0;
  return null;
end;
$$;

drop trigger if exists session_status_rollup_insert on public.session_activity_rollup;
create trigger session_status_rollup_insert after insert on public.session_activity_rollup
  referencing new table as new_rows for each statement execute function public.session_status_rollup_apply();
drop trigger if exists session_status_rollup_update on public.session_activity_rollup;
create trigger session_status_rollup_update after update on public.session_activity_rollup
  referencing old table as old_rows new table as new_rows for each statement execute function public.session_status_rollup_apply();
drop trigger if exists session_status_rollup_delete on public.session_activity_rollup;
create trigger session_status_rollup_delete after delete on public.session_activity_rollup
  referencing old table as old_rows for each statement execute function public.session_status_rollup_apply();

-- Backfill from the session rollup as it stands.
delete from public.session_status_rollup;
insert into public.session_status_rollup (campaign, status, sessions)
select r.campaign, lower(r.status), count(*)
from public.session_activity_rollup r
where r.has_session
group by 1, 2;

create or replace function public.session_status_counts(p_campaign text default null)
returns table (status text, sessions bigint)
language sql
stable
set search_path = ''
as $$
  select r.status, sum(r.sessions)::bigint
  from public.session_status_rollup r
  where p_campaign is null or r.campaign = p_campaign
  group by r.status
  order by 2 desc, 1
$$;

revoke all on function public.session_status_rollup_apply() from public, anon, authenticated;
