-- session_ids_for_phones returns a person's few sessions, but a set-returning function is
-- estimated at 1,000 rows: at 100k sessions the planner then hashed all of sessions, calls and
-- chat_history for candidate_summary (3.6 s in the bench instead of milliseconds). Say how many.
alter function public.session_ids_for_phones(text[]) rows 4;
