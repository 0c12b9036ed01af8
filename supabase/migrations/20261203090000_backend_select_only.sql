-- The dashboard only reads the agent's tables (DESIGN §6), but Supabase's default privileges give
-- `authenticated` everything on new tables: INSERT, UPDATE, DELETE (only row-level security in the
-- way), and TRUNCATE, REFERENCES and TRIGGER, which row-level security does not govern at all.
-- The agent writes with the service role, which keeps its own privileges.
revoke insert, update, delete, truncate, references, trigger
  on public.numbers, public.sessions, public.chat_history, public.calls, public.campaigns,
     public.session_activity_rollup, public.campaign_activity_rollup,
     public.campaign_objective_rollup, public.session_status_rollup
  from authenticated;
