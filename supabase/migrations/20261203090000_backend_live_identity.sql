-- One person, one key (issue "Live equals fresh"): the agent stores a phone in any form
-- (+447853723604, 447853723604, 07853723604, +44 7853 723604, whatsapp:+447853723604, …), and a
-- lookup by any form must find rows stored in any other. Matching a list of spelled-out variants
-- missed forms nobody listed (`+44 (0)7853 723604`, ` +447853-723-604 `); rows are now compared by
-- their normalised key (public.phone_key, …_common_phone_key.sql).

-- Additions only on the agent's tables (DESIGN §4).
create index if not exists sessions_phone_key_idx on public.sessions (public.phone_key(phone_number));
create index if not exists numbers_phone_key_idx on public.numbers (public.phone_key(phone_number));

-- Every session linked to a phone, through `sessions` or `numbers` (the agent writes the chat and
-- the `numbers` row first; a `sessions` row may come later or never), whatever form either stores.
create or replace function public.session_ids_for_phones(p_phones text[])
returns setof text
language sql
stable
set search_path = ''
as $$
  select s.session_id from public.sessions s
  where public.phone_key(s.phone_number) = any (public.phone_keys(p_phones))
  union
  select n.session_id from public.numbers n
  where public.phone_key(n.phone_number) = any (public.phone_keys(p_phones))
$$;

-- The candidate summary also names every linked session (`session_ids`): `sessions` lists only
-- those with a sessions row, and the dialog must follow the others' messages and calls too.
create or replace function public.candidate_summary(p_phones text[])
returns jsonb
language sql
stable
set search_path = ''
as $$
  with ids as (select public.session_ids_for_phones(p_phones) as session_id),
  s as (select s.* from public.sessions s join ids using (session_id)),
  m as (
    select count(*) as message_count, max(h.created_at) as last_message_at
    from public.chat_history h where h.session_id in (select session_id from ids)
  )
  select jsonb_build_object(
    'session_ids', coalesce((select jsonb_agg(ids.session_id order by ids.session_id) from ids), '[]'::jsonb),
    'sessions', coalesce((select jsonb_agg(to_jsonb(s) order by s.updated_at desc nulls last, s.created_at desc nulls last) from s), '[]'::jsonb),
    'campaigns', coalesce((
      select jsonb_agg(to_jsonb(c)) from public.campaigns c where c.name in (select s.campaign from s)
    ), '[]'::jsonb),
    'message_count', (select m.message_count from m),
    'last_message_at', (select m.last_message_at from m),
    'calls', coalesce((
      select jsonb_agg(to_jsonb(k) order by k.called_at desc nulls last, k.call_id)
      from public.calls k where k.session_id in (select session_id from ids)
    ), '[]'::jsonb)
  )
$$;

-- live_sessions as in …_backend_session_search.sql, with phones matched by key.
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
  v_keys text[] := case when p_phones is not null then public.phone_keys(p_phones) end;
  v_matches text[] := '{}';
begin
  -- Who the search or phones select: any one of these conditions.
  if p_phones is not null then
    v_matches := v_matches || array[
      'public.phone_key(s.phone_number) = any ($4)',
      's.session_id in (select n.session_id from public.numbers n where public.phone_key(n.phone_number) = any ($4))'];
  end if;
  if v_digits is not null then
    v_matches := array_append(v_matches,
      $q$regexp_replace(coalesce(s.phone_number, ''), '\D', '', 'g') like '%' || $5 || '%'$q$);
  end if;
  if p_search is not null then
    v_matches := array_append(v_matches, $q$s.session_id ilike '%' || $6 || '%'$q$);
  end if;

  -- Dynamic, so each call is planned with its own values and conditions (see
  -- …_backend_session_search.sql).
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
    case when p_search is not null or p_phones is not null
      then 'and (' || array_to_string(v_matches, ' or ') || ')' end
  ) using p_campaign, v_statuses, v_limit, v_keys, v_digits, p_search;
end;
$$;

-- Realtime: `numbers` too, so that a session linked to an open candidate after the dialog opened
-- joins what the dialog follows (its DELETE carries only `id`, like every table's).
do $$
begin
  if not exists (
    select from pg_publication_tables
    where pubname = 'supabase_realtime' and schemaname = 'public' and tablename = 'numbers'
  ) then
    alter publication supabase_realtime add table public.numbers;
  end if;
end $$;
