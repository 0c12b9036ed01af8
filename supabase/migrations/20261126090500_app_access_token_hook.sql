-- Supabase Auth "custom access token hook" (DESIGN §6): puts the member's role into every JWT as
-- app_metadata.staff_role, so a backend in another project can check it. Switch it on in the
-- dashboard under Authentication → Hooks (see README). The local stack's auth server calls it too.
create or replace function public.custom_access_token_hook(event jsonb)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  staff_role text;
  claims jsonb := coalesce(event -> 'claims', '{}'::jsonb);
begin
  select m.role into staff_role from public.staff_members m where m.user_id = (event ->> 'user_id')::uuid;
  if staff_role is null then
    claims := jsonb_set(claims, '{app_metadata}', coalesce(claims -> 'app_metadata', '{}'::jsonb) - 'staff_role');
  else
    claims := jsonb_set(claims, '{app_metadata}', coalesce(claims -> 'app_metadata', '{}'::jsonb) || jsonb_build_object('staff_role', staff_role));
  end if;
  return jsonb_set(event, '{claims}', claims);
end;
$$;

revoke all on function public.custom_access_token_hook(jsonb) from public, anon, authenticated;
grant execute on function public.custom_access_token_hook(jsonb) to supabase_auth_admin, service_role;
