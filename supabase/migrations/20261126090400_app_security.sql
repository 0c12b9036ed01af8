-- Row-level security on the app's tables (DESIGN §6).
alter table public.staff_members enable row level security;
alter table public.jobs enable row level security;
alter table public.candidates enable row level security;
alter table public.candidate_notes enable row level security;

revoke all on public.staff_members, public.jobs, public.candidates, public.candidate_notes from anon;
revoke all on public.staff_members, public.jobs, public.candidates, public.candidate_notes from authenticated;
grant select on public.staff_members, public.jobs, public.candidates to authenticated;
grant select, insert, delete on public.candidate_notes to authenticated;
-- Only the body is editable: author and dates cannot be rewritten through the API.
grant update (body) on public.candidate_notes to authenticated;

drop policy if exists "staff read staff_members" on public.staff_members;
create policy "staff read staff_members" on public.staff_members for select to authenticated using ((select public.is_staff()));
drop policy if exists "staff read jobs" on public.jobs;
create policy "staff read jobs" on public.jobs for select to authenticated using ((select public.is_staff()));
drop policy if exists "staff read candidates" on public.candidates;
create policy "staff read candidates" on public.candidates for select to authenticated using ((select public.is_staff()));

drop policy if exists "staff read notes" on public.candidate_notes;
create policy "staff read notes" on public.candidate_notes for select to authenticated
  using ((select public.is_staff()));
drop policy if exists "staff add own notes" on public.candidate_notes;
create policy "staff add own notes" on public.candidate_notes for insert to authenticated
  with check ((select public.is_staff()) and author_id = (select auth.uid()));
drop policy if exists "authors edit own notes" on public.candidate_notes;
create policy "authors edit own notes" on public.candidate_notes for update to authenticated
  using ((select public.is_staff()) and author_id = (select auth.uid()))
  with check ((select public.is_staff()) and author_id = (select auth.uid()));
drop policy if exists "authors delete own notes" on public.candidate_notes;
create policy "authors delete own notes" on public.candidate_notes for delete to authenticated
  using ((select public.is_staff()) and author_id = (select auth.uid()));

-- Notes record who wrote them and when they last changed, whatever the client sends.
create or replace function public.candidate_notes_stamp()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    new.author_email := (select m.email from public.staff_members m where m.user_id = new.author_id);
    new.created_at := now();
  end if;
  new.updated_at := now();
  return new;
end;
$$;
revoke all on function public.candidate_notes_stamp() from public, anon, authenticated;

drop trigger if exists candidate_notes_stamp on public.candidate_notes;
create trigger candidate_notes_stamp before insert or update on public.candidate_notes
  for each row execute function public.candidate_notes_stamp();
