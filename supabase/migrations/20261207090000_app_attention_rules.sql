-- The attention queue's rules per campaign (issue 18), in the app project: how long a candidate
-- may wait for the agent's answer, how long a conversation may go quiet midway through its
-- objectives, and which reasons are off. A campaign without a row keeps the defaults (10 minutes,
-- 24 hours, every reason on). The browser hands the rules to the backend's attention_queue as
-- p_rules, so the backend project never needs to read the app project.
--
-- Every staff member reads them (the queue depends on them); managers and admins set them.

create table public.attention_rules (
  campaign text primary key check (length(campaign) between 1 and 200),
  reply_wait_minutes integer not null default 10 check (reply_wait_minutes between 1 and 10080),
  silent_hours integer not null default 24 check (silent_hours between 1 and 720),
  -- reasons switched off; only the codes the queue knows, so a typo cannot pass for a rule
  off text[] not null default '{}' check (off <@ array[
    'awaiting_reply', 'escalated', 'human_takeover', 'paused', 'unknown_status', 'call_failed',
    'call_unsuccessful', 'call_negative', 'opted_out_after_interest', 'silent_midway'
  ]::text[]),
  updated_at timestamptz not null default now(),
  updated_by uuid references auth.users (id) on delete set null,
  updated_by_email text
);

-- Whether the signed-in user may change campaign settings: a manager or an admin.
create function public.is_manager()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.staff_members m
    where m.user_id = auth.uid() and m.role in ('manager', 'admin')
  );
$$;
revoke all on function public.is_manager() from public, anon;
grant execute on function public.is_manager() to authenticated, service_role;

alter table public.attention_rules enable row level security;
revoke all on public.attention_rules from anon, authenticated;
grant select, delete on public.attention_rules to authenticated;
-- Only the rule itself is written; who and when are stamped by the trigger.
grant insert (campaign, reply_wait_minutes, silent_hours, off) on public.attention_rules to authenticated;
-- (campaign too: an upsert's "on conflict do update" sets every column it sent)
grant update (campaign, reply_wait_minutes, silent_hours, off) on public.attention_rules to authenticated;

create policy "staff read rules" on public.attention_rules for select to authenticated
  using ((select public.is_staff()));
create policy "managers add rules" on public.attention_rules for insert to authenticated
  with check ((select public.is_manager()));
create policy "managers change rules" on public.attention_rules for update to authenticated
  using ((select public.is_manager())) with check ((select public.is_manager()));
create policy "managers remove rules" on public.attention_rules for delete to authenticated
  using ((select public.is_manager()));

create function public.attention_rules_stamp()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- one code once, in a stable order: the rule reads the same however it was sent
  new.off := array(select distinct unnest(new.off) order by 1);
  new.updated_at := now();
  new.updated_by := auth.uid();
  new.updated_by_email := (select m.email from public.staff_members m where m.user_id = auth.uid());
  return new;
end;
$$;
revoke all on function public.attention_rules_stamp() from public, anon, authenticated;
create trigger attention_rules_stamp before insert or update on public.attention_rules
  for each row execute function public.attention_rules_stamp();

-- A manager's change reaches every open queue at once.
alter publication supabase_realtime add table public.attention_rules;
