-- Reconciliation of what the dashboard derives from the agent's tables (DESIGN §7 "rollups drift
-- 0"). Its statement triggers never fail the agent's write: an error is logged as a WARNING and the
-- derived rows are then wrong until repaired. `select * from public.rollup_check()` lists every
-- derived row that differs from a recount of the agent's tables (no rows: no drift), and
-- `select * from public.rollup_repair()` rebuilds what differs and lists what it found. Both are
-- the service role's (they read everything).
--
-- The check is one query, so it compares one snapshot: the triggers write in the agent's own
-- transaction, so a write in flight is either wholly seen or not at all, and nothing is locked.

-- The session rollup's rows as a recount from the agent's tables: the one definition of what a
-- row holds, for the recompute (the triggers and rebuild) and the check alike.
create function private.session_activity_recount(p_session_ids text[])
returns table (
  session_id text, has_session boolean, campaign text, status text, session_updated_at timestamptz,
  objective_keys text[], achieved_objectives text[],
  messages_in bigint, messages_out bigint, message_count bigint, last_message_at timestamptz,
  call_count bigint, calls_completed bigint, call_seconds bigint, calls_with_duration bigint,
  last_call_at timestamptz
)
language sql
stable
security definer
set search_path = ''
as $$
  select
    u.sid, s.session_id is not null, s.campaign, s.status, s.updated_at,
    coalesce(o.keys, '{}'), coalesce(o.achieved, '{}'),
    coalesce(m.messages_in, 0), coalesce(m.messages_out, 0), coalesce(m.message_count, 0), m.last_message_at,
    coalesce(c.call_count, 0), coalesce(c.calls_completed, 0), coalesce(c.call_seconds, 0),
    coalesce(c.calls_with_duration, 0), c.last_call_at
  from (select distinct x from unnest(p_session_ids) x where x is not null) as u(sid)
  left join public.sessions s on s.session_id = u.sid
  left join lateral (
    select
      array_agg(k order by k) as keys,
      coalesce(array_agg(k order by k) filter (where public.objective_achieved(public.objective_value(s.objectives, k))), '{}') as achieved
    from public.objective_keys(s.objectives) k
  ) o on true
  left join lateral (
    select
      count(*) filter (where public.message_sender(h.message) = 'user') as messages_in,
      count(*) filter (where public.message_sender(h.message) = 'agent') as messages_out,
      count(*) as message_count,
      max(h.created_at) as last_message_at
    from public.chat_history h where h.session_id = u.sid
  ) m on true
  left join lateral (
    select
      count(*) as call_count,
      count(*) filter (where lower(k.status) = 'completed') as calls_completed,
      coalesce(sum(k.duration), 0) as call_seconds,
      count(k.duration) as calls_with_duration,
      max(k.called_at) as last_call_at
    from public.calls k where k.session_id = u.sid
  ) c on true
  -- nothing left of a session: no row
  where s.session_id is not null or m.message_count > 0 or c.call_count > 0
$$;

-- Every session any agent table names.
create function private.all_session_ids()
returns text[]
language sql
stable
security definer
set search_path = ''
as $$
  select array(
    select s.session_id from public.sessions s
    union select h.session_id from public.chat_history h
    union select k.session_id from public.calls k where k.session_id is not null
  )
$$;

-- The campaign rollups as sums of the session rollup's rows (what the delta trigger keeps).
create function private.campaign_activity_recount()
returns setof public.campaign_activity_rollup
language sql
stable
security definer
set search_path = ''
as $$
  select r.campaign, count(*), count(*) filter (where lower(r.status) = 'active'), sum(r.messages_in),
    sum(r.messages_out), sum(r.message_count), sum(r.call_count), sum(r.calls_completed), sum(r.call_seconds),
    sum(r.calls_with_duration), count(*) filter (where r.messages_in > 0),
    count(*) filter (where r.call_count > 0)
  from public.session_activity_rollup r where r.campaign is not null and r.has_session
  group by r.campaign
$$;

create function private.campaign_objective_recount()
returns setof public.campaign_objective_rollup
language sql
stable
security definer
set search_path = ''
as $$
  select r.campaign, k.key, count(*), count(*) filter (where k.key = any (r.achieved_objectives))
  from public.session_activity_rollup r cross join unnest(r.objective_keys) k(key)
  where r.campaign is not null and r.has_session
  group by r.campaign, k.key
$$;

create function private.session_status_recount()
returns setof public.session_status_rollup
language sql
stable
security definer
set search_path = ''
as $$
  select r.campaign, lower(r.status), count(*)
  from public.session_activity_rollup r where r.has_session
  group by r.campaign, lower(r.status)
$$;

-- The same definitions, now read from the recounts (behaviour unchanged).
create or replace function public.recompute_session_activity(p_session_ids text[])
returns void
language sql
volatile
security definer
set search_path = ''
as $$
  insert into public.session_activity_rollup as r (
    session_id, has_session, campaign, status, session_updated_at, objective_keys, achieved_objectives,
    messages_in, messages_out, message_count, last_message_at,
    call_count, calls_completed, call_seconds, calls_with_duration, last_call_at
  )
  select * from private.session_activity_recount(p_session_ids)
  on conflict (session_id) do update set
    has_session = excluded.has_session, campaign = excluded.campaign, status = excluded.status,
    session_updated_at = excluded.session_updated_at, objective_keys = excluded.objective_keys,
    achieved_objectives = excluded.achieved_objectives,
    messages_in = excluded.messages_in, messages_out = excluded.messages_out,
    message_count = excluded.message_count, last_message_at = excluded.last_message_at,
    call_count = excluded.call_count, calls_completed = excluded.calls_completed,
    call_seconds = excluded.call_seconds, calls_with_duration = excluded.calls_with_duration,
    last_call_at = excluded.last_call_at;

  delete from public.session_activity_rollup r
  using unnest(p_session_ids) u(sid)
  where r.session_id = u.sid and not r.has_session and r.message_count = 0 and r.call_count = 0;
$$;

create or replace function public.rebuild_session_activity_rollup()
returns bigint
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  n bigint;
begin
  lock table public.session_activity_rollup in exclusive mode;
  delete from public.session_activity_rollup;
  perform public.recompute_session_activity(private.all_session_ids());
  lock table public.campaign_activity_rollup, public.campaign_objective_rollup in exclusive mode;
  delete from public.campaign_activity_rollup;
  insert into public.campaign_activity_rollup select * from private.campaign_activity_recount();
  delete from public.campaign_objective_rollup;
  insert into public.campaign_objective_rollup select * from private.campaign_objective_recount();
  select count(*) into n from public.session_activity_rollup;
  return n;
end;
$$;

-- What search_documents should hold: one document per message and per call.
create function private.search_documents_recount()
returns table (kind text, source_id text, session_id text, at timestamptz, sender text, document tsvector)
language sql
stable
security definer
set search_path = ''
as $$
  select 'message', h.id::text, h.session_id, h.created_at, public.message_sender(h.message),
    public.search_vector(public.message_text(h.message))
  from public.chat_history h
  union all
  select 'call', k.call_id, k.session_id, k.called_at, null,
    public.search_vector(public.call_search_text(k.transcript, k.analysis))
  from public.calls k
$$;

create or replace function public.rebuild_search_documents()
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  truncate public.search_documents, public.search_words;
  insert into public.search_documents (kind, source_id, session_id, at, sender, document)
  select * from private.search_documents_recount();
  insert into public.search_words (word)
  select distinct w.word
  from public.search_documents d, unnest(tsvector_to_array(d.document)) as w(word)
  where public.search_word_kept(w.word)
  on conflict do nothing;
end;
$$;

-- Every derived row that differs from its recount: which rollup, its key, the row as stored and
-- as recounted (null where the row is missing or should not exist).
create function public.rollup_check()
returns table (rollup text, key text, stored jsonb, recounted jsonb)
language sql
stable
security definer
set search_path = ''
as $$
  with
  sessions_now as (select r.session_id, to_jsonb(r) - 'last_activity' as row from public.session_activity_rollup r),
  sessions_due as (select r.session_id, to_jsonb(r) as row from private.session_activity_recount(private.all_session_ids()) r),
  campaigns_now as (select r.campaign, to_jsonb(r) as row from public.campaign_activity_rollup r),
  campaigns_due as (select r.campaign, to_jsonb(r) as row from private.campaign_activity_recount() r),
  objectives_now as (select r.campaign, r.key, to_jsonb(r) as row from public.campaign_objective_rollup r),
  objectives_due as (select r.campaign, r.key, to_jsonb(r) as row from private.campaign_objective_recount() r),
  -- campaign and status may be null: the join is on a jsonb pair, which hashes (an `is not
  -- distinct from` join cannot be a full join)
  statuses_now as (select jsonb_build_array(r.campaign, r.status) as k, r.campaign, r.status, to_jsonb(r) as row from public.session_status_rollup r),
  statuses_due as (select jsonb_build_array(r.campaign, r.status) as k, r.campaign, r.status, to_jsonb(r) as row from private.session_status_recount() r),
  documents_now as (select d.kind, d.source_id, to_jsonb(d) as row from public.search_documents d),
  documents_due as (select d.kind, d.source_id, to_jsonb(d) as row from private.search_documents_recount() d)
  select 'session_activity_rollup', coalesce(a.session_id, b.session_id), a.row, b.row
  from sessions_now a full join sessions_due b on a.session_id = b.session_id
  where a.row is distinct from b.row
  union all
  select 'campaign_activity_rollup', coalesce(a.campaign, b.campaign), a.row, b.row
  from campaigns_now a full join campaigns_due b on a.campaign = b.campaign
  where a.row is distinct from b.row
  union all
  select 'campaign_objective_rollup', coalesce(a.campaign, b.campaign) || ' / ' || coalesce(a.key, b.key), a.row, b.row
  from objectives_now a full join objectives_due b on a.campaign = b.campaign and a.key = b.key
  where a.row is distinct from b.row
  union all
  select 'session_status_rollup', coalesce(a.campaign, b.campaign, '(none)') || ' / ' || coalesce(a.status, b.status, '(none)'), a.row, b.row
  from statuses_now a full join statuses_due b on a.k = b.k
  where a.row is distinct from b.row
  union all
  select 'search_documents', coalesce(a.kind, b.kind) || ' ' || coalesce(a.source_id, b.source_id), a.row, b.row
  from documents_now a full join documents_due b on a.kind = b.kind and a.source_id = b.source_id
  where a.row is distinct from b.row
$$;

-- Rebuilds the rollups that differ from their recount (the activity rollups together, search on its
-- own) and returns the differences found, as rollup_check does.
create function public.rollup_repair()
returns table (rollup text, key text, stored jsonb, recounted jsonb)
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_drift jsonb;
begin
  select coalesce(jsonb_agg(to_jsonb(c)), '[]') into v_drift from public.rollup_check() c;
  if exists (select from jsonb_array_elements(v_drift) d where d->>'rollup' <> 'search_documents') then
    perform public.rebuild_session_activity_rollup();
  end if;
  if exists (select from jsonb_array_elements(v_drift) d where d->>'rollup' = 'search_documents') then
    perform public.rebuild_search_documents();
  end if;
  return query
  select d->>'rollup', d->>'key', d->'stored', d->'recounted' from jsonb_array_elements(v_drift) d;
end;
$$;

revoke all on function private.session_activity_recount(text[]), private.all_session_ids(),
  private.campaign_activity_recount(), private.campaign_objective_recount(),
  private.session_status_recount(), private.search_documents_recount(),
  public.rollup_check(), public.rollup_repair()
  from public, anon, authenticated;
grant execute on function public.rollup_check(), public.rollup_repair() to service_role;
