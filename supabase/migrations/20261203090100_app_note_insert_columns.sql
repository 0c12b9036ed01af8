-- A note's id comes from its identity, its author from the token (author_id defaults to
-- auth.uid(), and the policy checks it), its e-mail and dates from the stamp trigger: a client
-- inserts only which candidate and what it says, and can't choose an id (DESIGN §6).
revoke insert on public.candidate_notes from authenticated;
grant insert (candidate_id, body) on public.candidate_notes to authenticated;
