-- One search over every conversation, call transcript and call analysis (issue 17).
--
-- The agent's tables get nothing but triggers that never fail a write: what is searched lives in
-- a table of the dashboard's own, search_documents (one row per message and per call: its
-- tsvector, when and who), kept by statement triggers as the rollups are, so a search reads an
-- index and never re-parses a message. search_words holds the words seen, for typo tolerance.
-- Matching: words in any order, case and accents ignored (unaccent inside the text search
-- configuration, so highlighting ignores them too), English stems and prefixes of stems
-- (`plumbing` → `plumb:*` finds plumber), phrases in quotes, and a word of 5+ letters that no
-- message holds corrected to the nearest one that some do (`plumbr` → plumber).

create extension if not exists unaccent with schema extensions;
create extension if not exists fuzzystrmatch with schema extensions;
-- The search runs as the user who searches (row-level security applies) and calls these; hosted
-- Supabase grants the same.
grant usage on schema extensions to authenticated, service_role;

create text search configuration public.search_english (copy = pg_catalog.english);
alter text search configuration public.search_english
  alter mapping for hword, hword_part, word with extensions.unaccent, pg_catalog.english_stem;
alter text search configuration public.search_english
  alter mapping for asciiword, asciihword, hword_asciipart with pg_catalog.english_stem;

-- ---------------------------------------------------------------------------------------------
-- A message's text, by the browser's rules (src/lib/normalizers/chat-message.ts); a test runs both
-- over the same shapes. JavaScript's trim() takes Unicode spaces too, hence js_trim.
create function public.js_trim(value text)
returns text
language sql
immutable
parallel safe
as $$
  select regexp_replace(coalesce(value, ''), '^[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+|[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+$', '', 'g')
$$;

-- One part of multimodal content: its text, or the kind of attachment in brackets (partText).
create function public.message_part_text(part jsonb)
returns text
language sql
immutable
parallel safe
as $$
  select case jsonb_typeof(part)
    when 'string' then public.js_trim(part #>> '{}')
    when 'object' then case
      when jsonb_typeof(part -> 'text') = 'string' then public.js_trim(part ->> 'text')
      else (
        select case
          when t like '%image%' then '[image]'
          when t like '%audio%' then '[audio]'
          when t like '%video%' then '[video]'
          when t like '%file%' or t like '%document%' then '[file]'
          when t in ('tool_use', 'function_call') then
            case when jsonb_typeof(part -> 'name') = 'string' then '[tool call: ' || (part ->> 'name') || ']' else '[tool call]' end
          when t = 'tool_result' then '[tool result]'
          when t = '' then '[attachment]'
          else '[' || t || ']'
        end
        from (select case when jsonb_typeof(part -> 'type') = 'string' then lower(part ->> 'type') else '' end as t) as kind
      )
    end
    else ''
  end
$$;

-- A string, a number or flag, or parts joined by lines (contentText).
create function public.message_content_text(content jsonb)
returns text
language sql
immutable
parallel safe
as $$
  select case jsonb_typeof(content)
    when 'string' then content #>> '{}'
    when 'number' then content #>> '{}'
    when 'boolean' then content #>> '{}'
    when 'object' then public.message_part_text(content)
    when 'array' then (
      select coalesce(string_agg(p.text, E'\n' order by p.i), '')
      from (
        select public.message_part_text(e.part) as text, e.i
        from jsonb_array_elements(content) with ordinality as e(part, i)
      ) p
      where p.text <> ''
    )
    else ''
  end
$$;

create function public.message_text(message jsonb)
returns text
language plpgsql
immutable
parallel safe
set search_path = ''
as $$
declare
  v_string text;
  v_parsed jsonb;
  v_body jsonb;
begin
  if jsonb_typeof(message) = 'string' then
    -- A message object stored as a JSON string, if it names a speaker; else the string itself.
    v_string := message #>> '{}';
    if left(public.js_trim(v_string), 1) in ('{', '[') then
      v_parsed := public.try_jsonb(public.js_trim(v_string));
    end if;
    if jsonb_typeof(v_parsed) = 'object' and public.message_object_sender(v_parsed) <> 'unknown' then
      return public.message_text(v_parsed);
    end if;
    return public.js_trim(v_string);
  end if;
  if jsonb_typeof(message) is distinct from 'object' then
    return '';
  end if;
  -- LangChain JS's serialised form
  if message ->> 'type' = 'constructor' and jsonb_typeof(message -> 'id') = 'array' and jsonb_typeof(message -> 'kwargs') = 'object' then
    return public.js_trim(public.message_content_text(message -> 'kwargs' -> 'content'));
  end if;
  -- LangChain Python's dict form wraps the message in `data`
  v_body := case when jsonb_typeof(message -> 'data') = 'object' and not message ? 'content' then message -> 'data' else message end;
  return public.js_trim(public.message_content_text(case when v_body ? 'content' then v_body -> 'content' else v_body -> 'text' end));
end;
$$;

-- What a call says: its transcript (a JSON list of turns read for their words, speaker labels at
-- line starts dropped) and every string of its analysis (summaries, custom fields).
create function public.call_search_text(p_transcript text, p_analysis jsonb)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select concat_ws(E'\n',
    case
      when jsonb_typeof(public.try_jsonb(p_transcript)) in ('array', 'object') then (
        select string_agg(v #>> '{}', E'\n')
        from jsonb_path_query(public.try_jsonb(p_transcript), 'strict $.** ? (@.type() == "string")') as v
        where lower(v #>> '{}') not in ('agent', 'user', 'assistant', 'ai', 'human', 'customer', 'bot', 'caller')
      )
      else regexp_replace(coalesce(p_transcript, ''), '^[ \t]*[A-Za-z]{1,20}:[ \t]*', '', 'gn')
    end,
    (
      select string_agg(v #>> '{}', E'\n')
      from jsonb_path_query(
        case
          when jsonb_typeof(p_analysis) = 'string' and jsonb_typeof(public.try_jsonb(p_analysis #>> '{}')) = 'object'
            then public.try_jsonb(p_analysis #>> '{}')
          else coalesce(p_analysis, 'null'::jsonb)
        end,
        'strict $.** ? (@.type() == "string")'
      ) as v
    )
  )
$$;

-- Long texts are indexed by their first 200,000 characters (a tsvector holds at most 1 MB, and
-- positions stop counting at 16,383); that is a transcript of several hours.
create function public.search_vector(p_text text)
returns tsvector
language sql
immutable
parallel safe
set search_path = ''
as $$
  select to_tsvector('public.search_english', left(coalesce(p_text, ''), 200000))
$$;

-- ---------------------------------------------------------------------------------------------
create table public.search_documents (
  kind text not null check (kind in ('message', 'call')),
  source_id text not null,
  session_id text,
  at timestamptz,
  -- who wrote a message (message_sender); null for a call, where both speak
  sender text,
  document tsvector not null,
  primary key (kind, source_id)
);
create index search_documents_document_idx on public.search_documents using gin (document);
-- Newest first, as the search orders (a message or call without a time comes last).
create index search_documents_at_idx on public.search_documents ((coalesce(at, '-infinity'::timestamptz)) desc, kind desc, source_id desc);
create index search_documents_session_id_idx on public.search_documents (session_id);

-- The words (stems) the documents hold, for correcting a typed word to one that occurs.
create table public.search_words (word text primary key);
create index search_words_word_trgm_idx on public.search_words using gin (word extensions.gin_trgm_ops);

alter table public.search_documents enable row level security;
alter table public.search_words enable row level security;
revoke all on public.search_documents, public.search_words from public, anon, authenticated;
grant select on public.search_documents, public.search_words to authenticated, service_role;
create policy "staff read search_documents" on public.search_documents for select to authenticated using ((select public.is_staff()));
create policy "staff read search_words" on public.search_words for select to authenticated using ((select public.is_staff()));

-- The stems search_words keeps: 4+ letters (typo tolerance is for words of 5+, and a stem is
-- often a letter shorter), not numbers.
create function public.search_word_kept(word text)
returns boolean
language sql
immutable
parallel safe
as $$
  select length(word) between 4 and 40 and word !~ '^[0-9]'
$$;

-- Adds the stems of new documents to search_words.
create function public.search_words_add(p_documents tsvector[])
returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.search_words (word)
  select distinct w.word
  from unnest(p_documents) as d(document), unnest(tsvector_to_array(d.document)) as w(word)
  where public.search_word_kept(w.word)
  on conflict do nothing
$$;

create function public.rebuild_search_documents()
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  truncate public.search_documents, public.search_words;
  insert into public.search_documents (kind, source_id, session_id, at, sender, document)
  select 'message', h.id::text, h.session_id, h.created_at, public.message_sender(h.message),
    public.search_vector(public.message_text(h.message))
  from public.chat_history h;
  insert into public.search_documents (kind, source_id, session_id, at, sender, document)
  select 'call', k.call_id, k.session_id, k.called_at, null,
    public.search_vector(public.call_search_text(k.transcript, k.analysis))
  from public.calls k;
  insert into public.search_words (word)
  select distinct w.word
  from public.search_documents d, unnest(tsvector_to_array(d.document)) as w(word)
  where public.search_word_kept(w.word)
  on conflict do nothing;
end;
$$;

-- One trigger function for both tables, per statement. A failure is logged and never fails the
-- agent's write; `select public.rebuild_search_documents();` repairs.
create function public.search_documents_apply()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_docs tsvector[];
begin
  begin
    if tg_op in ('UPDATE', 'DELETE') then
      if tg_table_name = 'chat_history' then
        delete from public.search_documents d using old_rows o where d.kind = 'message' and d.source_id = o.id::text;
      else
        delete from public.search_documents d using old_rows o where d.kind = 'call' and d.source_id = o.call_id;
      end if;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
      if tg_table_name = 'chat_history' then
        with added as (
          insert into public.search_documents as d (kind, source_id, session_id, at, sender, document)
          select 'message', n.id::text, n.session_id, n.created_at, public.message_sender(n.message),
            public.search_vector(public.message_text(n.message))
          from new_rows n
          on conflict (kind, source_id) do update set session_id = excluded.session_id, at = excluded.at,
            sender = excluded.sender, document = excluded.document
          returning d.document
        )
        select array_agg(document) into v_docs from added;
      else
        with added as (
          insert into public.search_documents as d (kind, source_id, session_id, at, sender, document)
          select 'call', n.call_id, n.session_id, n.called_at, null,
            public.search_vector(public.call_search_text(n.transcript, n.analysis))
          from new_rows n
          on conflict (kind, source_id) do update set session_id = excluded.session_id, at = excluded.at,
            document = excluded.document
          returning d.document
        )
        select array_agg(document) into v_docs from added;
      end if;
      perform public.search_words_add(coalesce(v_docs, '{}'));
    end if;
    if tg_op = 'TRUNCATE' then
      delete from public.search_documents d where d.kind = case tg_table_name when 'chat_history' then 'message' else 'call' end;
    end if;
  exception when others then
    raise warning 'search_documents not updated after % on %: % (%). Run select public.rebuild_search_documents();', tg_op, tg_table_name, sqlerrm, sqlstate;
  end;
  return null;
end;
$$;

do $$
declare
  t text;
begin
  foreach t in array array['chat_history', 'calls'] loop
    execute format('create trigger search_documents_insert after insert on public.%I
      referencing new table as new_rows for each statement execute function public.search_documents_apply()', t);
    execute format('create trigger search_documents_update after update on public.%I
      referencing old table as old_rows new table as new_rows for each statement execute function public.search_documents_apply()', t);
    execute format('create trigger search_documents_delete after delete on public.%I
      referencing old table as old_rows for each statement execute function public.search_documents_apply()', t);
    execute format('create trigger search_documents_truncate after truncate on public.%I
      for each statement execute function public.search_documents_apply()', t);
  end loop;
end $$;

select public.rebuild_search_documents();

-- ---------------------------------------------------------------------------------------------
-- Under row-level security the planner uses an index only for conditions it knows leak nothing
-- (leakproof), which `document @@ query` and trigram similarity are not: each search would read
-- every document. So finding what matches runs as the functions' owner, for those the policies
-- would let read every row (private.reads_everything), and yields only keys, times and counts;
-- the text shown (snippets) is read with those keys under row-level security. The helpers are in
-- `private`, which the API does not expose.

-- A typed query → what to match. Returns the tsquery and, when a word was corrected, the query as
-- corrected (for "including results for …"). Any text is accepted: websearch_to_tsquery never
-- fails, and only the first 200 characters count.
create function private.search_tsquery(p_query text, out query tsquery, out corrected text)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_text text := lower(extensions.unaccent(left(coalesce(p_query, ''), 200)));
  v_word text;
  v_stem text;
  v_best text;
  v_fixed text;
begin
  v_fixed := v_text;
  -- The words the conversations hold are staff's to see, corrections included.
  for v_word in
    select distinct m[1] from regexp_matches(v_text, '([[:alpha:]]{5,})', 'g') as m
    where private.reads_everything()
    limit 10
  loop
    v_stem := (select string_agg(l, ' ') from unnest(tsvector_to_array(to_tsvector('public.search_english', v_word))) as l);
    continue when v_stem is null or exists (select from public.search_words w where w.word = v_stem);
    select w.word into v_best
    from public.search_words w
    where w.word operator(extensions.%) v_word
      and extensions.levenshtein(w.word, v_word) <= case when length(v_word) >= 8 then 2 else 1 end
    order by extensions.levenshtein(w.word, v_word), extensions.similarity(w.word, v_word) desc, w.word
    limit 1;
    if v_best is not null then
      v_fixed := regexp_replace(v_fixed, '\m' || v_word || '\M', v_best, 'g');
    end if;
  end loop;

  -- Stems of 4+ letters match as prefixes: `plumbing` → plumb:* (plumber, plumbed).
  query := regexp_replace(websearch_to_tsquery('public.search_english', v_text)::text, '''([^'']{4,})''', '''\1'':*', 'g')::tsquery;
  if v_fixed <> v_text then
    corrected := v_fixed;
    query := query || regexp_replace(websearch_to_tsquery('public.search_english', v_fixed)::text, '''([^'']{4,})''', '''\1'':*', 'g')::tsquery;
  end if;
end;
$$;

-- The documents that match, newest first, after the keyset cursor (the last hit's at, kind and
-- source_id): keys only (a message's id also as a number, so that reading it by the key is an
-- index lookup under row-level security, which a cast in the join condition would prevent). Staff
-- only.
create function private.search_hits(
  p_query tsquery,
  p_campaign text,
  p_kind text,
  p_sender text,
  p_from timestamptz,
  p_to timestamptz,
  p_before_at timestamptz,
  p_before_kind text,
  p_before_id text,
  p_limit integer
)
returns table (kind text, source_id text, message_id bigint, session_id text, at timestamptz, sender text)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if not private.reads_everything() then
    return;
  end if;
  -- Dynamic, so each search is planned with its own query: a common word walks the newest
  -- documents until the page is full, a rare one reads the GIN index (a generic plan can't tell).
  return query execute format(
    'select d.kind, d.source_id, case when d.kind = ''message'' then d.source_id::bigint end,
       d.session_id, d.at, d.sender
     from public.search_documents d %s
     where d.document @@ $1 %s %s %s %s %s %s
     order by coalesce(d.at, ''-infinity'') desc, d.kind desc, d.source_id desc
     limit $10',
    case when p_campaign is not null then 'join public.sessions s on s.session_id = d.session_id' end,
    case when p_campaign is not null then 'and s.campaign = $2' end,
    case when p_kind is not null then 'and d.kind = $3' end,
    case when p_sender is not null then 'and d.sender = $4' end,
    case when p_from is not null then 'and d.at >= $5' end,
    case when p_to is not null then 'and d.at < $6' end,
    case when p_before_kind is not null and p_before_id is not null then
      'and (coalesce(d.at, ''-infinity''), d.kind, d.source_id) < (coalesce($7, ''-infinity''), $8, $9)' end
  ) using p_query, p_campaign, p_kind, p_sender, p_from, p_to, p_before_at, p_before_kind, p_before_id,
    least(greatest(coalesce(p_limit, 30), 1), 100);
end;
$$;

-- The newest hits first, a page at a time, with where each is from and a snippet: plain text with
-- each match between U+0002 and U+0003 (removed from the text first).
create function public.search_conversations(
  p_query text,
  p_campaign text default null,
  p_kind text default null,
  p_sender text default null,
  p_from timestamptz default null,
  p_to timestamptz default null,
  p_before_at timestamptz default null,
  p_before_kind text default null,
  p_before_id text default null,
  p_limit integer default 30
)
returns table (
  kind text, source_id text, session_id text, phone_number text, campaign text, status text,
  at timestamptz, sender text, snippet text, corrected text
)
language sql
stable
set search_path = ''
as $$
  with q as (select * from private.search_tsquery(p_query) where length(public.js_trim(p_query)) >= 2)
  select h.kind, h.source_id, h.session_id,
    coalesce(s.phone_number, k.phone_number, (select n.phone_number from public.numbers n where n.session_id = h.session_id order by n.id limit 1)),
    s.campaign, s.status, h.at, h.sender,
    ts_headline('public.search_english', t.text, q.query,
      'StartSel=' || E'\u0002' || ', StopSel=' || E'\u0003' || ', ' ||
      -- a short text whole; a long one as the words around the match
      case when length(t.text) <= 280 then 'HighlightAll=true'
        else 'MaxWords=24, MinWords=10, ShortWord=2, MaxFragments=1, FragmentDelimiter=" … "' end),
    q.corrected
  from q
  cross join lateral private.search_hits(q.query, p_campaign, p_kind, p_sender, p_from, p_to,
    p_before_at, p_before_kind, p_before_id, p_limit) h
  left join public.sessions s on s.session_id = h.session_id
  left join public.chat_history m on m.id = h.message_id
  left join public.calls k on h.kind = 'call' and k.call_id = h.source_id
  cross join lateral (
    select translate(left(case h.kind
      when 'message' then public.message_text(m.message)
      else public.call_search_text(k.transcript, k.analysis)
    end, 200000), E'\u0002\u0003', '') as text
  ) t
  order by coalesce(h.at, '-infinity') desc, h.kind desc, h.source_id desc
$$;

-- Counts for the filters: hits per kind, sender and campaign among the first 1,000 hits of the
-- query and dates (each filter's counts ignore the filters; `capped` says there are more), and
-- the total with every filter, counted up to 1,000. Counts only, staff only.
create function public.search_facets(
  p_query text,
  p_campaign text default null,
  p_kind text default null,
  p_sender text default null,
  p_from timestamptz default null,
  p_to timestamptz default null
)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  with q as (
    select * from private.search_tsquery(p_query)
    where length(public.js_trim(p_query)) >= 2 and (select private.reads_everything())
  ),
  sample as (
    select d.kind, d.sender, s.campaign
    from q, public.search_documents d
    left join public.sessions s on s.session_id = d.session_id
    where d.document @@ q.query
      and (p_from is null or d.at >= p_from)
      and (p_to is null or d.at < p_to)
    limit 1001
  ),
  filtered as (
    select 1
    from q, public.search_documents d
    left join public.sessions s on s.session_id = d.session_id
    where d.document @@ q.query
      and (p_kind is null or d.kind = p_kind)
      and (p_sender is null or d.sender = p_sender)
      and (p_campaign is null or s.campaign = p_campaign)
      and (p_from is null or d.at >= p_from)
      and (p_to is null or d.at < p_to)
    limit 1001
  )
  select jsonb_build_object(
    'total', least((select count(*) from filtered), 1000),
    'total_capped', (select count(*) from filtered) > 1000,
    'capped', (select count(*) from sample) > 1000,
    'kinds', coalesce((select jsonb_object_agg(kind, n) from (select kind, count(*) as n from (select * from sample limit 1000) x group by kind) k), '{}'),
    'senders', coalesce((select jsonb_object_agg(sender, n) from (select sender, count(*) as n from (select * from sample limit 1000) x where sender in ('user', 'agent') group by sender) k), '{}'),
    'campaigns', coalesce((select jsonb_object_agg(campaign, n) from (select campaign, count(*) as n from (select * from sample limit 1000) x where campaign is not null group by campaign) k), '{}'),
    'corrected', (select q.corrected from q)
  )
$$;

revoke all on function public.search_word_kept(text), public.js_trim(text), public.message_part_text(jsonb), public.message_content_text(jsonb),
  public.message_text(jsonb), public.call_search_text(text, jsonb), public.search_vector(text),
  private.search_tsquery(text),
  private.search_hits(tsquery, text, text, text, timestamptz, timestamptz, timestamptz, text, text, integer),
  public.search_conversations(text, text, text, text, timestamptz, timestamptz, timestamptz, text, text, integer),
  public.search_facets(text, text, text, text, timestamptz, timestamptz)
  from public, anon;
grant execute on function public.js_trim(text), public.message_part_text(jsonb), public.message_content_text(jsonb),
  public.message_text(jsonb), public.call_search_text(text, jsonb), public.search_vector(text),
  private.search_tsquery(text),
  private.search_hits(tsquery, text, text, text, timestamptz, timestamptz, timestamptz, text, text, integer),
  public.search_conversations(text, text, text, text, timestamptz, timestamptz, timestamptz, text, text, integer),
  public.search_facets(text, text, text, text, timestamptz, timestamptz)
  to authenticated, service_role;
-- Writes are the triggers' (as the table owner); a repair is the service role's.
revoke all on function public.search_words_add(tsvector[]), public.rebuild_search_documents(),
  public.search_documents_apply()
  from public, anon, authenticated;
grant execute on function public.rebuild_search_documents() to service_role;
