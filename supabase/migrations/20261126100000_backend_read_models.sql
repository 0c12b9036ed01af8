-- Server-side read models (DESIGN §2, §4): aggregates are computed here, never by downloading rows.
-- All are security invoker (the default), so row-level security applies to whoever calls them.

-- Who wrote a chat_history.message, for counting messages in and out. The same rules as the
-- browser's normalizer (src/lib/normalizers: chat-message.ts, roleOf in text.ts); a test runs both
-- over the same shapes and keeps them in step.
create or replace function public.sender_of_label(label text)
returns text
language sql
immutable
parallel safe
as $$
  select case lower(trim(label))
    when 'human' then 'user' when 'humanmessage' then 'user' when 'user' then 'user'
    when 'candidate' then 'user' when 'customer' then 'user' when 'caller' then 'user'
    when 'ai' then 'agent' when 'aimessage' then 'agent' when 'aimessagechunk' then 'agent'
    when 'assistant' then 'agent' when 'agent' then 'agent' when 'bot' then 'agent' when 'model' then 'agent'
    when 'system' then 'system' when 'systemmessage' then 'system' when 'developer' then 'system'
    when 'tool' then 'tool' when 'toolmessage' then 'tool' when 'function' then 'tool' when 'functionmessage' then 'tool'
    else 'unknown'
  end
$$;

-- A JSON value stored as text, or null when the text is not JSON.
create or replace function public.try_jsonb(value text)
returns jsonb
language plpgsql
immutable
parallel safe
as $$
begin
  return value::jsonb;
exception when others then
  return null;
end;
$$;

-- LangChain JS's serialised form names the class last in `id`; otherwise the first of `type`
-- (LangChain), `role` (OpenAI) and `sender` (bridges) that names a speaker.
create or replace function public.message_object_sender(message jsonb)
returns text
language sql
immutable
parallel safe
as $$
  select case
    when message ->> 'type' = 'constructor' and jsonb_typeof(message -> 'id') = 'array' and jsonb_typeof(message -> 'kwargs') = 'object'
      then public.sender_of_label(message -> 'id' ->> -1)
    else coalesce(
      nullif(public.sender_of_label(case when jsonb_typeof(message -> 'type') = 'string' then message ->> 'type' end), 'unknown'),
      nullif(public.sender_of_label(case when jsonb_typeof(message -> 'role') = 'string' then message ->> 'role' end), 'unknown'),
      public.sender_of_label(case when jsonb_typeof(message -> 'sender') = 'string' then message ->> 'sender' end)
    )
  end
$$;

create or replace function public.message_sender(message jsonb)
returns text
language sql
immutable
parallel safe
as $$
  select case jsonb_typeof(message)
    when 'object' then public.message_object_sender(message)
    -- a message object stored as a JSON string
    when 'string' then case
      when ltrim(message #>> '{}') like '{%' and jsonb_typeof(public.try_jsonb(message #>> '{}')) = 'object'
        then public.message_object_sender(public.try_jsonb(message #>> '{}'))
      else 'unknown'
    end
    else 'unknown'
  end
$$;

-- Whether one stored objective value means "achieved", as the browser reads it
-- (src/lib/normalizers/objectives.ts): a flag, a non-zero number, a yes-word or free text (not a
-- no-word), a non-empty list; an object by its `achieved`, else its `value`, else a time.
create or replace function public.objective_value_achieved(value jsonb)
returns boolean
language sql
immutable
parallel safe
as $$
  select case jsonb_typeof(value)
    when 'boolean' then value::text::boolean
    when 'number' then value::text::numeric <> 0
    when 'string' then lower(trim(value #>> '{}')) not in ('', 'no', 'n', 'false', 'none', 'null', 'n/a', 'pending', 'unknown', 'not yet')
    when 'array' then exists (select 1 from jsonb_array_elements(value) e where jsonb_typeof(e) <> 'null' and e <> '""'::jsonb)
    else false
  end
$$;

create or replace function public.objective_achieved(value jsonb)
returns boolean
language sql
immutable
parallel safe
as $$
  select case
    when jsonb_typeof(value) <> 'object' then coalesce(public.objective_value_achieved(value), false)
    when value ? 'achieved' then coalesce(public.objective_value_achieved(value -> 'achieved'), false)
    when value ? 'value' then coalesce(public.objective_value_achieved(value -> 'value'), false)
    else exists (
      select 1 from unnest(array['at', 'achieved_at', 'achievedAt', 'timestamp']) k
      where (jsonb_typeof(value -> k) = 'string' and value ->> k ~ '^\d{4}-\d{2}-\d{2}') or jsonb_typeof(value -> k) = 'number'
    )
  end
$$;

-- One objective's stored value in sessions.objectives, which is `{key: value}` or a list of
-- achieved keys or of `{key, achieved, …}` objects.
create or replace function public.objective_value(objectives jsonb, objective_key text)
returns jsonb
language sql
immutable
parallel safe
as $$
  select case jsonb_typeof(objectives)
    when 'object' then objectives -> objective_key
    when 'array' then (
      select case when jsonb_typeof(e) = 'object' then e else 'true'::jsonb end
      from jsonb_array_elements(objectives) e
      where e = to_jsonb(objective_key) or (jsonb_typeof(e) = 'object' and e ->> 'key' = objective_key)
      limit 1
    )
  end
$$;

-- The objective keys a sessions.objectives value holds, in either form.
create or replace function public.objective_keys(objectives jsonb)
returns setof text
language sql
immutable
parallel safe
as $$
  select k from jsonb_object_keys(case when jsonb_typeof(objectives) = 'object' then objectives else '{}'::jsonb end) k
  union
  select coalesce(e ->> 'key', e #>> '{}')
  from jsonb_array_elements(case when jsonb_typeof(objectives) = 'array' then objectives else '[]'::jsonb end) e
  where jsonb_typeof(e) = 'string' or (jsonb_typeof(e) = 'object' and e ? 'key')
$$;

-- Every session linked to a phone number, given every stored form of it (the browser expands one
-- number into its variants: +44…, 44…, 07…, whatsapp:+44…). Sessions are found through their own
-- phone_number and through `numbers`, which is what the agent writes first.
create or replace function public.session_ids_for_phones(p_phones text[])
returns setof text
language sql
stable
set search_path = ''
as $$
  select s.session_id from public.sessions s where s.phone_number = any (p_phones)
  union
  select n.session_id from public.numbers n where n.phone_number = any (p_phones)
$$;

-- Per-session activity: message and call counts and last times. The building block of the others.
create or replace function public.session_activity(p_session_ids text[])
returns table (
  session_id text,
  messages_in bigint,
  messages_out bigint,
  message_count bigint,
  last_message_at timestamptz,
  call_count bigint,
  calls_completed bigint,
  call_seconds bigint,
  calls_with_duration bigint,
  last_call_at timestamptz
)
language sql
stable
set search_path = ''
as $$
  select
    u.sid,
    coalesce(m.messages_in, 0), coalesce(m.messages_out, 0), coalesce(m.message_count, 0), m.last_message_at,
    coalesce(c.call_count, 0), coalesce(c.calls_completed, 0), coalesce(c.call_seconds, 0),
    coalesce(c.calls_with_duration, 0), c.last_call_at
  from unnest(p_session_ids) as u(sid)
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
      sum(k.duration) as call_seconds,
      count(k.duration) as calls_with_duration,
      max(k.called_at) as last_call_at
    from public.calls k where k.session_id = u.sid
  ) c on true
$$;

-- Campaign statistics, for one campaign (p_campaign) or all at once (null): one request either way.
-- Contacts are the campaign's sessions (one per candidate contacted); a contact "replied" when it
-- sent at least one message. Objectives come in the campaign's own order, then any other keys met.
create or replace function public.campaign_stats(p_campaign text default null)
returns table (
  campaign text,
  description text,
  campaign_status text,
  objective_list jsonb,
  total_contacts bigint,
  active_sessions bigint,
  messages_in bigint,
  messages_out bigint,
  total_messages bigint,
  calls_total bigint,
  calls_completed bigint,
  avg_call_duration numeric,
  replied_contacts bigint,
  reply_rate numeric,
  objectives_achieved jsonb,
  last_activity timestamptz
)
language sql
stable
set search_path = ''
as $$
  with names as (
    select c.name from public.campaigns c where p_campaign is null or c.name = p_campaign
    union
    select distinct s.campaign from public.sessions s
    where s.campaign is not null and (p_campaign is null or s.campaign = p_campaign)
  ),
  s as (
    select s.session_id, s.campaign, s.status, s.objectives, s.updated_at
    from public.sessions s join names n on n.name = s.campaign
  ),
  a as (
    select * from public.session_activity(array(select session_id from s))
  ),
  per_campaign as (
    select
      s.campaign,
      count(*) as total_contacts,
      count(*) filter (where lower(s.status) = 'active') as active_sessions,
      coalesce(sum(a.messages_in), 0)::bigint as messages_in,
      coalesce(sum(a.messages_out), 0)::bigint as messages_out,
      coalesce(sum(a.message_count), 0)::bigint as total_messages,
      coalesce(sum(a.call_count), 0)::bigint as calls_total,
      coalesce(sum(a.calls_completed), 0)::bigint as calls_completed,
      round(sum(a.call_seconds)::numeric / nullif(sum(a.calls_with_duration), 0), 1) as avg_call_duration,
      count(*) filter (where a.messages_in > 0) as replied_contacts,
      greatest(max(s.updated_at), max(a.last_message_at), max(a.last_call_at)) as last_activity
    from s join a on a.session_id = s.session_id
    group by s.campaign
  ),
  objective_keys as (
    -- the campaign's list first, in its order; then keys found in its sessions, alphabetically
    select n.name as campaign, o.value ->> 'key' as key, coalesce(o.value ->> 'label', o.value ->> 'key') as label, o.ordinality as position
    from names n
    join public.campaigns c on c.name = n.name and jsonb_typeof(c.objectives) = 'array'
    cross join lateral jsonb_array_elements(c.objectives) with ordinality o
    where jsonb_typeof(o.value) = 'object' and o.value ? 'key'
    union all
    select x.campaign, x.key, null, 1000000 + row_number() over (partition by x.campaign order by x.key)
    from (
      select distinct s.campaign, k.key
      from s cross join lateral public.objective_keys(s.objectives) k(key)
    ) x
    where not exists (
      select 1 from public.campaigns c, jsonb_array_elements(case when jsonb_typeof(c.objectives) = 'array' then c.objectives else '[]'::jsonb end) e
      where c.name = x.campaign and e.value ->> 'key' = x.key
    )
  ),
  objective_counts as (
    select k.campaign, jsonb_agg(jsonb_build_object(
      'key', k.key,
      'label', k.label,
      'achieved', (select count(*) from s where s.campaign = k.campaign and public.objective_achieved(public.objective_value(s.objectives, k.key)))
    ) order by k.position) as achieved
    from objective_keys k
    group by k.campaign
  )
  select
    n.name,
    c.description,
    c.status,
    case when jsonb_typeof(c.objectives) = 'array' then c.objectives else '[]'::jsonb end,
    coalesce(p.total_contacts, 0),
    coalesce(p.active_sessions, 0),
    coalesce(p.messages_in, 0),
    coalesce(p.messages_out, 0),
    coalesce(p.total_messages, 0),
    coalesce(p.calls_total, 0),
    coalesce(p.calls_completed, 0),
    p.avg_call_duration,
    coalesce(p.replied_contacts, 0),
    round(coalesce(p.replied_contacts, 0)::numeric / nullif(p.total_contacts, 0), 4),
    coalesce(o.achieved, '[]'::jsonb),
    p.last_activity
  from names n
  left join public.campaigns c on c.name = n.name
  left join per_campaign p on p.campaign = n.name
  left join objective_counts o on o.campaign = n.name
  order by n.name
$$;

-- The most recently active sessions (messages, calls and status changes all count as activity),
-- with their counts, filtered by campaign, statuses and a phone/session search (p_search, digits or
-- text) or an explicit list of phones (p_phones: names are resolved to phones by the app).
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
language sql
stable
set search_path = ''
as $$
  with s as (
    select s.*
    from public.sessions s
    where (p_campaign is null or s.campaign = p_campaign)
      and (p_statuses is null or lower(s.status) = any (select lower(x) from unnest(p_statuses) x))
      and (
        (p_search is null and p_phones is null)
        or (p_phones is not null and (s.phone_number = any (p_phones)
            or s.session_id in (select n.session_id from public.numbers n where n.phone_number = any (p_phones))))
        or (p_search is not null and nullif(ltrim(regexp_replace(p_search, '\D', '', 'g'), '0'), '') is not null
            and regexp_replace(coalesce(s.phone_number, ''), '\D', '', 'g') like '%' || ltrim(regexp_replace(p_search, '\D', '', 'g'), '0') || '%')
        or (p_search is not null and s.session_id ilike '%' || p_search || '%')
      )
  )
  select
    s.session_id, s.phone_number, s.campaign, s.status, s.objectives, s.created_at, s.updated_at,
    a.message_count, a.call_count, a.last_message_at, a.last_call_at,
    greatest(s.updated_at, a.last_message_at, a.last_call_at) as last_activity
  from s
  join public.session_activity(array(select session_id from s)) a on a.session_id = s.session_id
  order by greatest(s.updated_at, a.last_message_at, a.last_call_at) desc nulls last, s.session_id
  limit least(greatest(coalesce(p_limit, 50), 1), 1000)
$$;

-- Everything about one candidate (all sessions behind any stored form of their phone) in one
-- request, as one JSON document: PostgREST's 1,000-row cap applies to rows, not to one value, so a
-- long conversation comes back whole.
create or replace function public.candidate_profile(p_phones text[])
returns jsonb
language sql
stable
set search_path = ''
as $$
  with ids as (select public.session_ids_for_phones(p_phones) as session_id),
  s as (select s.* from public.sessions s join ids using (session_id))
  select jsonb_build_object(
    'sessions', coalesce((select jsonb_agg(to_jsonb(s) order by s.updated_at desc nulls last, s.created_at desc nulls last) from s), '[]'::jsonb),
    'campaigns', coalesce((
      select jsonb_agg(to_jsonb(c)) from public.campaigns c where c.name in (select s.campaign from s)
    ), '[]'::jsonb),
    'messages', coalesce((
      select jsonb_agg(jsonb_build_object('id', h.id, 'session_id', h.session_id, 'message', h.message, 'created_at', h.created_at)
        order by h.created_at, h.id)
      from public.chat_history h where h.session_id in (select session_id from ids)
    ), '[]'::jsonb),
    'calls', coalesce((
      select jsonb_agg(to_jsonb(k) order by k.called_at desc nulls last, k.call_id)
      from public.calls k where k.session_id in (select session_id from ids)
    ), '[]'::jsonb)
  )
$$;

create index if not exists chat_history_created_at_idx on public.chat_history (created_at);
create index if not exists calls_called_at_idx on public.calls (called_at);
create index if not exists sessions_phone_number_idx on public.sessions (phone_number);
create index if not exists numbers_session_id_idx on public.numbers (session_id);

revoke all on function public.sender_of_label(text) from public, anon;
revoke all on function public.try_jsonb(text) from public, anon;
revoke all on function public.message_object_sender(jsonb) from public, anon;
revoke all on function public.message_sender(jsonb) from public, anon;
revoke all on function public.objective_value_achieved(jsonb) from public, anon;
revoke all on function public.objective_achieved(jsonb) from public, anon;
revoke all on function public.objective_value(jsonb, text) from public, anon;
revoke all on function public.objective_keys(jsonb) from public, anon;
revoke all on function public.session_ids_for_phones(text[]) from public, anon;
revoke all on function public.session_activity(text[]) from public, anon;
revoke all on function public.campaign_stats(text) from public, anon;
revoke all on function public.live_sessions(integer, text, text[], text, text[]) from public, anon;
revoke all on function public.candidate_profile(text[]) from public, anon;
grant execute on function public.sender_of_label(text), public.try_jsonb(text), public.message_object_sender(jsonb),
  public.message_sender(jsonb), public.objective_value_achieved(jsonb), public.objective_achieved(jsonb),
  public.objective_value(jsonb, text), public.objective_keys(jsonb),
  public.session_ids_for_phones(text[]), public.session_activity(text[]), public.campaign_stats(text),
  public.live_sessions(integer, text, text[], text, text[]), public.candidate_profile(text[])
  to authenticated, service_role;
