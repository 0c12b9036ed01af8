import { createAttentionClaimQueries } from './app-attention-queries';
import { createAttentionRuleQueries } from './app-attention-rules';
import { ApiError, fail } from './api-error';
import type { Candidate, CandidateFilters, CandidateStage, Job, Note, Page } from './app-types';
import { phoneLookup } from './backend/lookups';
import type { RequestOptions } from './backend-types';
import type { Tables } from './database.types';
import type { DbClient } from './lean-client';
import { normalizePhone } from './normalizers';
import { isRangePastEnd } from './paging';

export type AppClient = DbClient;

type CandidateRow = Tables<'candidates'> & { jobs: Tables<'jobs'> | null };

const CANDIDATE_SELECT = '*, jobs(id, title, trade, location)';

function toJob(row: Pick<Tables<'jobs'>, 'id' | 'title' | 'trade' | 'location'>): Job {
  return { id: row.id, title: row.title, trade: row.trade, location: row.location };
}

function toCandidate(row: CandidateRow): Candidate {
  return {
    id: row.id,
    fullName: row.full_name,
    phoneNumber: row.phone_number,
    email: row.email,
    campaign: row.campaign,
    job: row.jobs ? toJob(row.jobs) : null,
    stage: row.stage as CandidateStage,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toNote(row: Tables<'candidate_notes'>): Note {
  return {
    id: row.id,
    candidateId: row.candidate_id,
    authorId: row.author_id,
    authorEmail: row.author_email,
    body: row.body,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** PostgREST's or/ilike syntax treats , ( ) as structure: keep a name search to plain text. */
function likePattern(text: string): string {
  return `%${text.replace(/[,()%_\\*]/g, ' ').trim()}%`;
}

const MAX_NOTE_LENGTH = 10_000;

function checkNoteBody(body: string): string {
  const trimmed = body.trim();
  if (!trimmed) throw new ApiError('validation', 'A note cannot be empty.');
  if (trimmed.length > MAX_NOTE_LENGTH)
    throw new ApiError(
      'validation',
      `A note can be at most ${MAX_NOTE_LENGTH.toLocaleString('en-GB')} characters.`,
    );
  return trimmed;
}

/** The app API (candidates, jobs, notes) over one supabase-js client; app-api.ts binds the browser's. */
export function createAppApi(client: AppClient) {
  return {
    /**
     * A page of candidates, newest first. A search that reads as a phone number (any format)
     * matches that number exactly; otherwise it matches names and partial phone digits.
     */
    async listCandidates(
      filters: CandidateFilters = {},
      paging: { offset?: number; limit?: number } = {},
      { signal }: RequestOptions = {},
    ): Promise<Page<Candidate>> {
      const offset = Math.max(0, paging.offset ?? 0);
      const limit = Math.min(Math.max(1, paging.limit ?? 50), 1000);
      // Filters once, for the page and for the count-only request a page past the end needs.
      const filtered = (options: { head?: boolean } = {}) => {
        let query = client
          .from('candidates')
          .select(CANDIDATE_SELECT, { count: 'exact', ...options });
        if (filters.campaign) query = query.eq('campaign', filters.campaign);
        if (filters.stage) query = query.eq('stage', filters.stage);
        const search = filters.search?.trim();
        if (search) {
          const phone = normalizePhone(search);
          const digits = search.replace(/\D/g, '').replace(/^0+/, '');
          if (phone.ok) query = query.eq('phone_key', phone.e164);
          else if (digits.length >= 3 && !/[a-z]/i.test(search))
            query = query.like('phone_number', `%${digits}%`);
          else query = query.ilike('full_name', likePattern(search));
        }
        return signal ? query.abortSignal(signal) : query;
      };
      const { data, error, status, count } = await filtered()
        .order('created_at', { ascending: false })
        .order('id', { ascending: false })
        .range(offset, offset + limit - 1);
      if (isRangePastEnd(error)) {
        const head = await filtered({ head: true });
        if (head.error) throw fail('candidates table')(head.error, head.status);
        return { rows: [], total: head.count ?? 0 };
      }
      if (error) throw fail('candidates table')(error, status);
      return { rows: (data as CandidateRow[]).map(toCandidate), total: count ?? 0 };
    },

    /** The candidate with this phone (any format), or null. */
    async getCandidateByPhone(
      phone: string,
      { signal }: RequestOptions = {},
    ): Promise<Candidate | null> {
      let query = client
        .from('candidates')
        .select(CANDIDATE_SELECT)
        .eq('phone_key', phoneLookup(phone).e164)
        .order('id')
        .limit(1);
      if (signal) query = query.abortSignal(signal);
      const { data, error, status } = await query;
      if (error) throw fail('candidates table')(error, status);
      const [row] = data as CandidateRow[];
      return row ? toCandidate(row) : null;
    },

    /**
     * Names the app knows for these phones, for labelling backend sessions: keyed by E.164, as the
     * candidate's number and the session's may be stored in different forms (DESIGN §4).
     */
    async getCandidateNames(
      phones: (string | null)[],
      { signal }: RequestOptions = {},
    ): Promise<Map<string, string>> {
      const wanted = [
        ...new Set(
          phones.flatMap((phone) => {
            const result = normalizePhone(phone);
            return result.ok ? [result.e164] : [];
          }),
        ),
      ];
      if (!wanted.length) return new Map();
      let query = client
        .from('candidates')
        .select('full_name, phone_key')
        .in('phone_key', wanted)
        .order('id');
      if (signal) query = query.abortSignal(signal);
      const { data, error, status } = await query;
      if (error) throw fail('candidates table')(error, status);
      const names = new Map<string, string>();
      for (const row of data)
        if (row.phone_key && !names.has(row.phone_key)) names.set(row.phone_key, row.full_name);
      return names;
    },

    async listJobs({ signal }: RequestOptions = {}): Promise<Job[]> {
      let query = client.from('jobs').select('id, title, trade, location').order('title');
      if (signal) query = query.abortSignal(signal);
      const { data, error, status } = await query;
      if (error) throw fail('jobs table')(error, status);
      return data.map(toJob);
    },

    /** Newest first. */
    async listNotes(candidateId: number, { signal }: RequestOptions = {}): Promise<Note[]> {
      let query = client
        .from('candidate_notes')
        .select('*')
        .eq('candidate_id', candidateId)
        .order('created_at', { ascending: false })
        .order('id', { ascending: false });
      if (signal) query = query.abortSignal(signal);
      const { data, error, status } = await query;
      if (error) throw fail('candidate_notes table')(error, status);
      return data.map(toNote);
    },

    async createNote(candidateId: number, body: string): Promise<Note> {
      const { data, error, status } = await client
        .from('candidate_notes')
        .insert({ candidate_id: candidateId, body: checkNoteBody(body) })
        .select()
        .single();
      if (error) throw fail('candidate_notes table')(error, status);
      return toNote(data);
    },

    /** Only the author may edit: anyone else's attempt matches no row and is refused. */
    async updateNote(id: number, body: string): Promise<Note> {
      const { data, error, status } = await client
        .from('candidate_notes')
        .update({ body: checkNoteBody(body) })
        .eq('id', id)
        .select();
      if (error) throw fail('candidate_notes table')(error, status);
      const [row] = data;
      if (!row) throw new ApiError('unauthorized', 'You can only edit your own notes.');
      return toNote(row);
    },

    async deleteNote(id: number): Promise<void> {
      const { data, error, status } = await client
        .from('candidate_notes')
        .delete()
        .eq('id', id)
        .select('id');
      if (error) throw fail('candidate_notes table')(error, status);
      if (!data.length) throw new ApiError('unauthorized', 'You can only delete your own notes.');
    },

    ...createAttentionClaimQueries(client),
    ...createAttentionRuleQueries(client),
  };
}

export type AppApi = ReturnType<typeof createAppApi>;
