-- Typed searches on the Live page (DESIGN §7: live sessions, filtered, p50 ≤ 30 ms). A search
-- matches phone digits or session ids anywhere in the text, which a b-tree can't serve: at 100k
-- sessions each search read every session (~150 ms, ~450 ms on a busy machine). Trigram indexes
-- serve `like '%…%'`; live_sessions is rewritten so each call plans only the conditions it uses
-- (a generic plan with `p_phones is null or …` could use neither index).
--
-- Supabase projects keep extensions in the `extensions` schema; a bare Postgres gets one.

create schema if not exists extensions;
create extension if not exists pg_trgm with schema extensions;

-- The same expression as in live_sessions below, so the planner can match them.
create index if not exists sessions_phone_digits_trgm_idx on public.sessions
  using gin ((regexp_replace(coalesce(phone_number, ''), '\D', '', 'g')) extensions.gin_trgm_ops);
create index if not exists sessions_session_id_trgm_idx on public.sessions
  using gin (session_id extensions.gin_trgm_ops);

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
  v_matches text[] := '{}';
begin
  -- Who the search or phones select: any one of these conditions.
  if p_phones is not null then
    v_matches := v_matches || array[
      's.phone_number = any ($4)',
      's.session_id in (select n.session_id from public.numbers n where n.phone_number = any ($4))'];
  end if;
  if v_digits is not null then
    v_matches := array_append(v_matches,
      $q$regexp_replace(coalesce(s.phone_number, ''), '\D', '', 'g') like '%' || $5 || '%'$q$);
  end if;
  if p_search is not null then
    v_matches := array_append(v_matches, $q$s.session_id ilike '%' || $6 || '%'$q$);
  end if;

  -- Dynamic, so each call is planned with its own values and conditions: a selective status
  -- reads the (campaign, status, last_activity) index, a common one walks last_activity until
  -- the limit, a search reads the trigram indexes above.
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
  ) using p_campaign, v_statuses, v_limit, p_phones, v_digits, p_search;
end;
$$;
