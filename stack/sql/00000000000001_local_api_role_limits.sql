-- Statement timeouts of the API roles, as on a hosted Supabase project: a request through the API
-- cannot hold a connection (and PostgREST's pool) for longer than this. PostgREST applies the
-- settings of the role it switches to for each request. A file of its own, not an edit of
-- 00000000000000_local_platform.sql: data folders that already ran that one get this one too.
alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';
alter role authenticator set statement_timeout = '8s';
