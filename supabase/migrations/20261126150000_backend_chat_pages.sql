-- The conversation in pages (DESIGN §7, chat with 10,000 messages). candidate_profile returns the
-- whole conversation in its one JSON document: 2.8 MB at 10,000 messages, too slow to paint. The
-- candidate dialog now reads candidate_summary (the profile less the messages) and the newest page
-- of the conversation first, then older pages by keyset as it scrolls up. candidate_profile stays
-- whole: it is the integration guide's getCandidateProfile (DESIGN §1).

-- One page of a candidate's conversation (every session behind any stored form of the phone, as
-- candidate_profile finds them), newest first: the exact reverse of the whole conversation's order
-- (created_at, id), in which a message without a time sorts last, as the newest. With a cursor
-- (p_before_at, p_before_id: the oldest message of the previous page) only messages older than it.
--
-- Each session is read on its own, backwards along chat_history (session_id, created_at, id),
-- stopping after one page; the pages of a candidate's few sessions are then merged. So a page costs
-- the same at either end of a 10,000-message conversation, which is never sorted whole (a plain
-- `session_id in (…) order by … limit` sorted all of it). The cursor bounds the index scan rather
-- than filtering it: messages without a time (rare) are read apart, and the dated ones compared
-- with (p_before_at, p_before_id), or with the end of time when there is no cursor or it sits among
-- the undated messages (every one of them newer than any dated one).
create or replace function public.chat_page(
  p_phones text[],
  p_before_at timestamptz default null,
  p_before_id bigint default null,
  p_limit integer default 200
)
returns table (id bigint, session_id text, message jsonb, created_at timestamptz)
language sql
stable
set search_path = ''
as $$
  select m.id, m.session_id, m.message, m.created_at
  from public.session_ids_for_phones(p_phones) as s(session_id)
  cross join lateral (
    (
      select h.id, h.session_id, h.message, h.created_at
      from public.chat_history h
      where h.session_id = s.session_id
        and h.created_at is null
        and (p_before_id is null or (p_before_at is null and h.id < p_before_id))
      order by h.id desc
      limit least(greatest(coalesce(p_limit, 200), 1), 1000)
    )
    union all
    (
      select h.id, h.session_id, h.message, h.created_at
      from public.chat_history h
      where h.session_id = s.session_id
        and h.created_at is not null
        and (h.created_at, h.id) < (
          case when p_before_id is null or p_before_at is null then 'infinity'::timestamptz else p_before_at end,
          case when p_before_id is null or p_before_at is null then 9223372036854775807 else p_before_id end
        )
      order by h.created_at desc, h.id desc
      limit least(greatest(coalesce(p_limit, 200), 1), 1000)
    )
  ) m
  order by m.created_at desc nulls first, m.id desc
  limit least(greatest(coalesce(p_limit, 200), 1), 1000)
$$;

-- Serves chat_page's backward scans to the exact row, ties on created_at included.
create index if not exists chat_history_session_id_created_at_id_idx
  on public.chat_history (session_id, created_at, id);

-- Everything about one candidate except the messages themselves: their count and last time
-- instead. The candidate dialog reads this and the conversation's pages (chat_page), so that a
-- long conversation is not fetched whole before anything is drawn.
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

-- The integration guide's whole profile (DESIGN §1: CandidateProfile keeps its chatHistory): the
-- summary plus the whole conversation, oldest first, as one value (PostgREST's row cap applies to
-- rows, not to one value).
create or replace function public.candidate_profile(p_phones text[])
returns jsonb
language sql
stable
set search_path = ''
as $$
  select public.candidate_summary(p_phones) || jsonb_build_object(
    'messages', coalesce((
      select jsonb_agg(jsonb_build_object('id', h.id, 'session_id', h.session_id, 'message', h.message, 'created_at', h.created_at)
        order by h.created_at, h.id)
      from public.chat_history h where h.session_id in (select public.session_ids_for_phones(p_phones))
    ), '[]'::jsonb)
  )
$$;

revoke all on function public.candidate_summary(text[]) from public, anon;
grant execute on function public.candidate_summary(text[]) to authenticated, service_role;
revoke all on function public.chat_page(text[], timestamptz, bigint, integer) from public, anon;
grant execute on function public.chat_page(text[], timestamptz, bigint, integer) to authenticated, service_role;
