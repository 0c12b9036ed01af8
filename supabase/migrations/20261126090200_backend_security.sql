-- Row-level security on the agent's tables (DESIGN §6): staff read; nobody else sees anything.
-- The agent writes with the service-role key, which bypasses row-level security, so it is unaffected.
alter table public.numbers enable row level security;
alter table public.sessions enable row level security;
alter table public.chat_history enable row level security;
alter table public.calls enable row level security;
alter table public.campaigns enable row level security;

-- The anon key is public: it gets no privileges at all, so requests fail before any policy runs.
revoke all on public.numbers, public.sessions, public.chat_history, public.calls, public.campaigns from anon;
grant select on public.numbers, public.sessions, public.chat_history, public.calls, public.campaigns to authenticated;

drop policy if exists "staff read numbers" on public.numbers;
create policy "staff read numbers" on public.numbers for select to authenticated using ((select public.is_staff()));
drop policy if exists "staff read sessions" on public.sessions;
create policy "staff read sessions" on public.sessions for select to authenticated using ((select public.is_staff()));
drop policy if exists "staff read chat_history" on public.chat_history;
create policy "staff read chat_history" on public.chat_history for select to authenticated using ((select public.is_staff()));
drop policy if exists "staff read calls" on public.calls;
create policy "staff read calls" on public.calls for select to authenticated using ((select public.is_staff()));
drop policy if exists "staff read campaigns" on public.campaigns;
create policy "staff read campaigns" on public.campaigns for select to authenticated using ((select public.is_staff()));

-- Realtime (DESIGN §2): the publication exists on every Supabase project; add the live tables once.
do $$
declare
  t text;
begin
  if not exists (select from pg_publication where pubname = 'supabase_realtime') then
    create publication supabase_realtime;
  end if;
  foreach t in array array['chat_history', 'calls', 'sessions'] loop
    if not exists (
      select from pg_publication_tables
      where pubname = 'supabase_realtime' and schemaname = 'public' and tablename = t
    ) then
      execute format('alter publication supabase_realtime add table public.%I', t);
    end if;
  end loop;
end $$;
