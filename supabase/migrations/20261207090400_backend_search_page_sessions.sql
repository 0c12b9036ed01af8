-- Search: a page of hits read its sessions one hit at a time, and for `session_id = …` the planner
-- chose the trigram index (sessions_session_id_trgm_idx, for typed searches) over the primary
-- key: ~3.5 ms a probe, ~100 ms a page at 100k sessions, whatever the word. The page's sessions
-- are now read by the primary key at once. Otherwise search_conversations is as before.

create or replace function public.search_conversations(
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
  with q as (select * from private.search_tsquery(p_query) where length(public.js_trim(p_query)) >= 2),
  h as materialized (
    select h.* from q cross join lateral private.search_hits(q.query, p_campaign, p_kind, p_sender,
      p_from, p_to, p_before_at, p_before_kind, p_before_id, p_limit) h
  ),
  -- the page's sessions by their primary key, all at once (= any of an array): probed one hit at a
  -- time, the planner took the trigram index for the equality, ~3.5 ms a probe at 100k sessions
  s as (
    select s.session_id, s.phone_number, s.campaign, s.status
    from public.sessions s
    where s.session_id = any ((select array_agg(x.session_id) from h x)::text[])
  )
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
  cross join h
  left join s on s.session_id = h.session_id
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
