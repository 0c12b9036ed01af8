-- One staff check for every policy, in both layouts of DESIGN §1 (applied to each project).
--
-- Where staff_members lives in this database (one project, the local stack) it is the source of
-- truth, so removing a member takes effect on their next request. In a backend project without it,
-- the app project's auth put the member's role in the JWT (app_metadata.staff_role), and that claim
-- is trusted because both projects share the JWT secret.
--
-- plpgsql (not sql) so that the body may name public.staff_members before, or without, the table.
create or replace function public.is_staff()
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if auth.uid() is null then
    return false;
  end if;
  if to_regclass('public.staff_members') is not null then
    return exists (select 1 from public.staff_members m where m.user_id = auth.uid());
  end if;
  return coalesce(auth.jwt() -> 'app_metadata' ->> 'staff_role', '') in ('recruiter', 'ops', 'manager', 'admin');
end;
$$;

revoke all on function public.is_staff() from public, anon;
grant execute on function public.is_staff() to authenticated, service_role;
