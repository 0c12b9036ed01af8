-- Every session linked to a phone, found through the phone_key indexes again.
--
-- Under row-level security the planner may use an index only for conditions it knows leak
-- nothing (leakproof), and phone_key(phone_number) = … is not one: for a signed-in user (not the
-- postgres role the earlier tests used) every lookup read all of sessions and numbers and worked
-- out each row's key, 4–5 s per candidate profile at 100k sessions. So the lookup runs as the
-- function's owner, for those the policies would let read every row (private.reads_everything),
-- and returns only session ids; what callers read with them (sessions, messages, calls) stays
-- under row-level security.
--
-- Also: a set-returning function is estimated at 1,000 rows, which made candidate_summary hash
-- whole tables; a person has a few sessions.

-- Who may read every row of the agent's tables, for lookups that run as their owner: staff (by
-- the policies' check), the service role, and a direct database login (scripts, the agent's own
-- tools), which row-level security would not stop either. An API request comes in as
-- `authenticator`; anything else did not come through the API.
create function private.reads_everything()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select session_user <> 'authenticator'
    or coalesce(auth.jwt() ->> 'role', '') = 'service_role'
    or public.is_staff()
$$;
revoke all on function private.reads_everything() from public, anon;
grant execute on function private.reads_everything() to authenticated, service_role;

create or replace function public.session_ids_for_phones(p_phones text[])
returns setof text
language sql
stable
security definer
rows 4
set search_path = ''
as $$
  with staff as (select private.reads_everything() as ok)
  select s.session_id from public.sessions s
  where (select ok from staff) and public.phone_key(s.phone_number) = any (public.phone_keys(p_phones))
  union
  select n.session_id from public.numbers n
  where (select ok from staff) and public.phone_key(n.phone_number) = any (public.phone_keys(p_phones))
$$;

-- The Live page's typed search: phone digits or part of a session id, through the trigram
-- indexes, which a condition on the text itself (not leakproof) could not use under row-level
-- security either (a read of every session per search). Behind the staff check, ids only.
create or replace function private.session_ids_matching(p_digits text, p_text text)
returns setof text
language plpgsql
stable
security definer
rows 50
set search_path = ''
as $$
begin
  if not private.reads_everything() then
    return;
  end if;
  if p_digits is not null then
    return query select s.session_id from public.sessions s
      where regexp_replace(coalesce(s.phone_number, ''), '\D', '', 'g') like '%' || p_digits || '%';
  end if;
  if p_text is not null then
    return query select s.session_id from public.sessions s where s.session_id ilike '%' || p_text || '%';
  end if;
end;
$$;
revoke all on function private.session_ids_matching(text, text) from public, anon;
grant execute on function private.session_ids_matching(text, text) to authenticated, service_role;

-- live_sessions matched phones (names resolved by the app) and typed text the same slow way:
-- now through the two lookups.
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
  v_short boolean;
  v_matches text[];
  v_condition text;
begin
  -- Who the search or phones select. Found first through the indexes when the search is long
  -- enough for them (trigrams: 3+ characters): when they are a few (a name, a phone), the query
  -- below reads just those sessions; when many, it walks the newest sessions and tests each
  -- against the set. A shorter search (`07`) matches nearly everyone: walking and testing each
  -- session's text stops after the first page, which is quicker than any lookup.
  v_short := coalesce(length(v_digits) < 3, false) or coalesce(length(p_search) < 3, false);
  if (p_phones is not null or p_search is not null) and not v_short then
    v_matches := array(
      select x from public.session_ids_for_phones(coalesce(p_phones, '{}')) x
      union
      select x from private.session_ids_matching(v_digits, p_search) x
    );
    v_condition := case when cardinality(v_matches) > 2000
      then 's.session_id in (select unnest($4))' else 's.session_id = any ($4)' end;
  elsif p_phones is not null or p_search is not null then
    v_condition := concat_ws(' or ',
      case when p_phones is not null then 's.session_id in (select public.session_ids_for_phones($5))' end,
      case when v_digits is not null then $q$regexp_replace(coalesce(s.phone_number, ''), '\D', '', 'g') like '%' || $6 || '%'$q$ end,
      case when p_search is not null then $q$s.session_id ilike '%' || $7 || '%'$q$ end);
  end if;

  -- Dynamic, so each call is planned with its own values and conditions: a selective status
  -- reads the (campaign, status, last_activity) index, a common one walks last_activity until
  -- the limit, a search reads the trigram indexes.
  return query execute format(
    'select s.session_id, s.phone_number, s.campaign, s.status, s.objectives, s.created_at, s.updated_at,
       r.message_count, r.call_count, r.last_message_at, r.last_call_at, r.last_activity
     from public.session_activity_rollup r
     join public.sessions s on s.session_id = r.session_id
     where r.has_session %s %s %s
     order by r.last_activity desc nulls last, r.session_id
     limit $3',
    case when p_campaign is not null then 'and r.campaign = $1' end,
    case when v_statuses is not null then 'and lower(r.status) = any ($2)' end,
    'and (' || v_condition || ')'
  ) using p_campaign, v_statuses, v_limit, v_matches, p_phones, v_digits, p_search;
end;
$$;
