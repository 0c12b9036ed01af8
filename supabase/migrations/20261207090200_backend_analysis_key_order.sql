-- A call's analysis read the same in SQL and in the browser whatever order its keys come in
-- (tests/integration/analysis-readers.test.ts). jsonb keeps keys in its own order (shorter
-- first), while JSON kept as a string, parsed in the browser, keeps the provider's: when two
-- keys say the same thing ("call_successful": "PASS", "is_successful": "No"), both readers now
-- take the one earlier in the list of known keys, then the lower raw key (byte order), never
-- whichever came first (src/lib/normalizers/call-analysis.ts does the same).
--
-- analysis_entries gains the raw key; the two readers are redefined on it. Rollup rows written
-- before this keep what the old order gave (only analyses with two such keys differ).

drop function private.analysis_entries(jsonb);

create function private.analysis_entries(p_analysis jsonb)
returns table (key_id text, key text, value jsonb, nested boolean)
language sql
immutable
parallel safe
set search_path = ''
as $$
  with a as (
    select case
      when jsonb_typeof(p_analysis) = 'string' then coalesce(public.try_jsonb(p_analysis #>> '{}'), p_analysis)
      else p_analysis
    end as v
  )
  select regexp_replace(lower(e.key), '[\s_-]+', '', 'g'), e.key, e.value, false
  from a, jsonb_each(case when jsonb_typeof(a.v) = 'object' then a.v else '{}' end) e
  where jsonb_typeof(e.value) <> 'object'
  union all
  select regexp_replace(lower(c.key), '[\s_-]+', '', 'g'), c.key, c.value, true
  from a, jsonb_each(case when jsonb_typeof(a.v) = 'object' then a.v else '{}' end) e,
    jsonb_each(case when jsonb_typeof(e.value) = 'object' then e.value else '{}' end) c
$$;
revoke all on function private.analysis_entries(jsonb) from public, anon;
grant execute on function private.analysis_entries(jsonb) to authenticated, service_role;

create or replace function public.analysis_successful(p_analysis jsonb)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  with known (keys) as (
    select array['callsuccessful', 'successful', 'success', 'successevaluation', 'callsuccess', 'issuccessful', 'wassuccessful']
  )
  select v.verdict
  from private.analysis_entries(p_analysis) e
  cross join known k
  cross join lateral (
    select case
      when jsonb_typeof(e.value) = 'boolean' then (e.value)::text::boolean
      when jsonb_typeof(e.value) = 'string' and lower(btrim(e.value #>> '{}')) in ('true', 'yes', 'y', 'pass', 'passed', 'success', 'successful') then true
      when jsonb_typeof(e.value) = 'string' and lower(btrim(e.value #>> '{}')) in ('false', 'no', 'n', 'fail', 'failed', 'failure', 'unsuccessful') then false
    end as verdict
  ) v
  where e.key_id = any (k.keys) and v.verdict is not null
  order by e.nested, array_position(k.keys, e.key_id), e.key collate "C"
  limit 1
$$;

create or replace function public.analysis_sentiment(p_analysis jsonb)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  with known (keys) as (
    select array['usersentiment', 'sentiment', 'callsentiment', 'candidatesentiment', 'customersentiment']
  )
  select btrim(e.value #>> '{}')
  from private.analysis_entries(p_analysis) e
  cross join known k
  where e.key_id = any (k.keys)
    and jsonb_typeof(e.value) = 'string' and btrim(e.value #>> '{}') <> ''
  order by e.nested, array_position(k.keys, e.key_id), e.key collate "C"
  limit 1
$$;
