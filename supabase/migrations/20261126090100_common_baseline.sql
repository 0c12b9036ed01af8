-- Baseline of what both projects need (DESIGN §1): the staff check and the phone key. Applied to
-- each project, before its own baseline. Folded from the history before anything was deployed;
-- migrations are append-only from here: change a definition in a new migration, never here.

-- One staff check for every policy, in both layouts of DESIGN §1.
--
-- Where staff_members lives in this database (one project, the local stack) it is the source of
-- truth, so removing a member takes effect on their next request. In a backend project without it,
-- the app project's auth put the member's role in the JWT (app_metadata.staff_role), and that claim
-- is trusted because both projects share the JWT secret.
--
-- plpgsql (not sql) so that the body may name public.staff_members before, or without, the table.
create function public.is_staff()
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if auth.uid() is null then
    return false;
  end if;
  if to_regclass('public.staff_members') is not null then
    return exists (select 1 from public.staff_members m where m.user_id = auth.uid());
  end if;
  return coalesce(auth.jwt() -> 'app_metadata' ->> 'staff_role', '') in ('recruiter', 'ops', 'manager', 'admin');
end;
$$;

revoke all on function public.is_staff() from public, anon;
grant execute on function public.is_staff() to authenticated, service_role;

-- One person, one key: the agent stores a phone in any form (+447853723604, 447853723604,
-- 07853723604, +44 7853 723604, whatsapp:+447853723604, …), and so do imported candidates. Rows
-- are compared by this normalised key, computed by the same rules as the dashboard's normalizePhone
-- (src/lib/normalizers/phone.ts; tests/integration/phone-key.test.ts checks that both agree).
-- Matching a list of spelled-out variants instead would miss forms nobody listed
-- (`+44 (0)7853 723604`, ` +447853-723-604 `).

-- Any stored or typed form of a phone number → E.164 (`+447853723604`), or null when it is no
-- phone number. UK-centric like the TypeScript rules: national `07…` numbers are British, and so
-- is a bare 10-digit number starting with 7.
create function public.phone_key(p_phone text)
returns text
language plpgsql
immutable
parallel safe
set search_path = ''
as $$
declare
  v_text text;
  v_bare text;
  v_digits text;
  v_intl text;
  v_national integer;
begin
  if p_phone is null then
    return null;
  end if;
  v_text := regexp_replace(p_phone, '^\s+|\s+$', '', 'g');
  -- Channel prefixes (Twilio `whatsapp:`, `tel:` links) and WhatsApp JID suffixes.
  v_text := regexp_replace(v_text, '^(whatsapp|tel|sms):', '', 'i');
  v_text := regexp_replace(v_text, '@(c\.us|s\.whatsapp\.net)$', '', 'i');
  v_text := regexp_replace(v_text, '^\s+|\s+$', '', 'g');
  -- `+44 (0)7853 …`: the bracketed trunk zero is dropped when dialling from abroad.
  v_bare := replace(v_text, '(0)', '');
  if v_bare !~ '^\+?[0-9\s()./-]+$' then
    return null;
  end if;
  v_digits := regexp_replace(v_bare, '[^0-9]', '', 'g');
  if v_digits = '' then
    return null;
  end if;
  v_intl := case
    when left(v_bare, 1) = '+' then v_digits
    when left(v_digits, 2) = '00' then substr(v_digits, 3)
    when left(v_digits, 1) = '0' then '44' || substr(v_digits, 2)
    when length(v_digits) = 10 and left(v_digits, 1) = '7' then '44' || v_digits
    else v_digits
  end;
  -- `+44 07853 723604`: a trunk zero typed after the country code.
  if left(v_intl, 3) = '440' then
    v_intl := '44' || substr(v_intl, 4);
  end if;
  if length(v_intl) > 15 or length(v_intl) < 7 or left(v_intl, 1) = '0' then
    return null;
  end if;
  if left(v_intl, 2) = '44' then
    -- UK national numbers are 9 or 10 digits after the 44.
    v_national := length(v_intl) - 2;
    if v_national < 9 or v_national > 10 then
      return null;
    end if;
  end if;
  return '+' || v_intl;
end;
$$;

-- The keys of a list of phones, for `phone_key(col) = any (…)` against the phone_key indexes of
-- sessions, numbers and candidates.
create function public.phone_keys(p_phones text[])
returns text[]
language sql
immutable
parallel safe
set search_path = ''
as $$
  select coalesce(array_agg(distinct k), '{}')
  from (select public.phone_key(p) as k from unnest(p_phones) p) keys
  where k is not null
$$;

revoke all on function public.phone_key(text) from public, anon;
grant execute on function public.phone_key(text) to authenticated, service_role;
revoke all on function public.phone_keys(text[]) from public, anon;
grant execute on function public.phone_keys(text[]) to authenticated, service_role;

