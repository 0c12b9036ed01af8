-- Search: stems of 4+ letters match as prefixes (`plumbing` → plumb:*). The rewrite of the parsed
-- query matched any quoted run of 4+ characters, so between a short word and the next one it took
-- the operator for a word: `"day rate"` became 'day' <-> ':*rate' and found nothing. The rewrite
-- now takes a lexeme only where one starts (after the start, a space, `(` or `!`), in one place
-- for the query as typed and as corrected.

create function private.search_prefixes(p_query tsquery)
returns tsquery
language sql
immutable
set search_path = ''
as $$
  select regexp_replace(p_query::text, '(^|[[:space:](!])''([^'']{4,})''', '\1''\2'':*', 'g')::tsquery
$$;
revoke all on function private.search_prefixes(tsquery) from public, anon, authenticated;

create or replace function private.search_tsquery(p_query text, out query tsquery, out corrected text)
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

  query := private.search_prefixes(websearch_to_tsquery('public.search_english', v_text));
  if v_fixed <> v_text then
    corrected := v_fixed;
    query := query || private.search_prefixes(websearch_to_tsquery('public.search_english', v_fixed));
  end if;
end;
$$;
