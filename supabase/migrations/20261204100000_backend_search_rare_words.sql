-- Search: a rare word read the whole newest-first index. The planner cannot tell how often a
-- prefix query (`forklift:*`) matches and guesses a fifth of the documents, so it walks the
-- documents newest first until the page is full: for a word in 4 documents of 100k, all 100k
-- (120 ms; seconds at 1M). Now a search first counts its matches through the GIN index, up to
-- 1,000: fewer, and they are read through that index and sorted (a few ms); more, and the walk
-- finds a page within the newest few thousand documents, as before.

-- How many documents match, up to p_cap, through the GIN index only (a scan would read them all).
create function private.search_match_count(p_query tsquery, p_cap integer)
returns integer
language sql
stable
set search_path = ''
set enable_seqscan = off
set enable_indexscan = off
as $$
  select count(*)::integer from (select from public.search_documents d where d.document @@ p_query limit p_cap) x
$$;

-- Runs search_hits' query through the GIN index (bitmap scans only), for a query with few matches.
create function private.search_hits_indexed(
  p_sql text,
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
set search_path = ''
set enable_seqscan = off
set enable_indexscan = off
as $$
begin
  return query execute p_sql using p_query, p_campaign, p_kind, p_sender, p_from, p_to, p_before_at,
    p_before_kind, p_before_id, p_limit;
end;
$$;

create or replace function private.search_hits(
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
declare
  -- Dynamic, so each search is planned with its own filters.
  v_sql text := format(
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
  );
  -- the count above which a search walks the newest documents (tests set 0 to compare both ways)
  v_walk_above integer := coalesce(nullif(current_setting('search.walk_above', true), '')::integer, 1000);
begin
  if not private.reads_everything() then
    return;
  end if;
  if private.search_match_count(p_query, v_walk_above) < v_walk_above then
    return query select * from private.search_hits_indexed(v_sql, p_query, p_campaign, p_kind, p_sender, p_from, p_to, p_before_at, p_before_kind, p_before_id,
    least(greatest(coalesce(p_limit, 30), 1), 100));
  else
    return query execute v_sql using p_query, p_campaign, p_kind, p_sender, p_from, p_to, p_before_at, p_before_kind, p_before_id,
    least(greatest(coalesce(p_limit, 30), 1), 100);
  end if;
end;
$$;

revoke all on function private.search_match_count(tsquery, integer),
  private.search_hits_indexed(text, tsquery, text, text, text, timestamptz, timestamptz, timestamptz, text, text, integer)
  from public, anon, authenticated;
