-- `Prefer: count=planned` (or `estimated`) makes PostgREST answer with the planner's row estimate,
-- which comes from table statistics that row-level security does not filter: a signed-up stranger
-- would learn how many sessions, messages or candidates there are, and how often a value occurs.
-- PostgREST runs this before every request, as the request's role (its `db-pre-request` hook, set
-- below for the API's login role; hosted Supabase documents the same). Only staff and the service
-- role may ask for estimates; `count=exact` stays open to all, since it counts only visible rows.
-- In a schema of its own, which PostgREST does not expose: the hook is not an RPC anyone can call.
create schema if not exists private;
revoke all on schema private from public;
grant usage on schema private to anon, authenticated, service_role;

create function private.api_pre_request()
returns void
language plpgsql
stable
set search_path = ''
as $$
declare
  v_headers jsonb := nullif(current_setting('request.headers', true), '')::jsonb;
begin
  if lower(coalesce(v_headers ->> 'prefer', '')) !~ 'count\s*=\s*(planned|estimated)' then
    return;
  end if;
  if current_user = 'service_role' then
    return;
  end if;
  -- Nested, not and/or: is_staff() is not callable by anon, and SQL does not promise an order.
  if current_user = 'authenticated' then
    if public.is_staff() then
      return;
    end if;
  end if;
  raise exception 'Row estimates are for staff only'
    using errcode = '42501', hint = 'Ask for count=exact: it counts only the rows you may read.';
end;
$$;

revoke all on function private.api_pre_request() from public;
grant execute on function private.api_pre_request() to anon, authenticated, service_role;

alter role authenticator set pgrst.db_pre_request = 'private.api_pre_request';
notify pgrst, 'reload config';
