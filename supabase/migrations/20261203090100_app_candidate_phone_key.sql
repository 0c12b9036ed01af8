-- Candidates are found by phone in whatever form it was typed or imported (`07…`, `44…`,
-- `whatsapp:+44…`): the key (public.phone_key, …_common_phone_key.sql) kept beside the number, so
-- that names can be looked up for the agent's sessions, stored in their own forms.
alter table public.candidates
  add column if not exists phone_key text generated always as (public.phone_key(phone_number)) stored;
create index if not exists candidates_phone_key_idx on public.candidates (phone_key);
