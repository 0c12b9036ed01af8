import { ApiError, fail } from './api-error';
import type {
  AttentionAction,
  AttentionClaim,
  AttentionEvent,
  ClaimChange,
  ClaimResult,
  StaffMember,
} from './attention-types';
import type { RequestOptions } from './backend-types';
import type { Tables, TablesInsert } from './database.types';
import type { DbClient } from './lean-client';

export type ClaimRow = Tables<'attention_claims'>;

/** A claim's or a rule's realtime change (app project). */
export type AttentionTableChange =
  | {
      table: 'attention_claims';
      eventType: 'INSERT' | 'UPDATE' | 'DELETE';
      row: Partial<ClaimRow>;
      old: Partial<ClaimRow>;
    }
  | {
      table: 'attention_rules';
      eventType: 'INSERT' | 'UPDATE' | 'DELETE';
      row: Partial<Tables<'attention_rules'>>;
      old: Partial<Tables<'attention_rules'>>;
    };

export const CLAIM_COLUMNS = [
  'session_id',
  'owner_id',
  'owner_email',
  'resolved_at',
  'resolve_note',
  'snoozed_until',
  'updated_at',
  'updated_by',
  'updated_by_email',
] as const satisfies readonly (keyof ClaimRow)[];

export function toClaim(row: ClaimRow): AttentionClaim {
  return {
    sessionId: row.session_id,
    ownerId: row.owner_id,
    ownerEmail: row.owner_email,
    resolvedAt: row.resolved_at,
    resolveNote: row.resolve_note,
    snoozedUntil: row.snoozed_until,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    updatedByEmail: row.updated_by_email,
  };
}

export function fromClaim(claim: AttentionClaim): ClaimRow {
  return {
    session_id: claim.sessionId,
    owner_id: claim.ownerId,
    owner_email: claim.ownerEmail,
    resolved_at: claim.resolvedAt,
    resolve_note: claim.resolveNote,
    snoozed_until: claim.snoozedUntil,
    updated_at: claim.updatedAt,
    updated_by: claim.updatedBy,
    updated_by_email: claim.updatedByEmail,
  };
}

function toEvent(row: Tables<'attention_events'>): AttentionEvent {
  return {
    id: row.id,
    sessionId: row.session_id,
    action: row.action as AttentionAction,
    actorEmail: row.actor_email,
    ownerEmail: row.owner_email,
    note: row.note,
    snoozedUntil: row.snoozed_until,
    at: row.at,
  };
}

/**
 * The claims the browser holds: the newest this many. A claim older than that (resolved weeks
 * ago) no longer hides its entry, which then shows again: a bound on what every queue request
 * sends the backend.
 */
const CLAIMS_LIMIT = 2_000;

const RESOLVE_NOTE_MAX = 2_000;

/** The columns a change writes (who and when are stamped by the database). */
function changeColumns(change: ClaimChange): Partial<TablesInsert<'attention_claims'>> {
  switch (change.kind) {
    case 'assign':
      return { owner_id: change.ownerId };
    case 'unassign':
      return { owner_id: null };
    case 'resolve': {
      const note = change.note?.trim() || null;
      if (note && note.length > RESOLVE_NOTE_MAX)
        throw new ApiError(
          'validation',
          `A note can be at most ${RESOLVE_NOTE_MAX.toLocaleString('en-GB')} characters.`,
        );
      // any new time means "resolved now": the database takes its own clock
      return { resolved_at: new Date().toISOString(), resolve_note: note, snoozed_until: null };
    }
    case 'snooze': {
      const until = new Date(change.until);
      if (Number.isNaN(until.getTime()) || until.getTime() <= Date.now())
        throw new ApiError('validation', 'Snooze until a time in the future.');
      return { snoozed_until: until.toISOString() };
    }
    case 'unsnooze':
      return { snoozed_until: null };
  }
}

/** Attention claims (who has an entry), their audit trail and the staff to assign to. */
export function createAttentionClaimQueries(client: DbClient) {
  const readClaim = async (sessionId: string): Promise<AttentionClaim | null> => {
    const { data, error, status } = await client
      .from('attention_claims')
      .select('*')
      .eq('session_id', sessionId)
      .maybeSingle();
    if (error) throw fail('attention_claims table')(error, status);
    return data ? toClaim(data) : null;
  };

  return {
    async listAttentionClaims({ signal }: RequestOptions = {}): Promise<AttentionClaim[]> {
      let query = client
        .from('attention_claims')
        .select('*')
        .order('updated_at', { ascending: false })
        .limit(CLAIMS_LIMIT);
      if (signal) query = query.abortSignal(signal);
      const { data, error, status } = await query;
      if (error) throw fail('attention_claims table')(error, status);
      return data.map(toClaim);
    },

    /**
     * Makes `change` if the entry's owner is still `seenOwnerId` (null: nobody). Two people
     * assigning at once: one write finds the row as they saw it, the other finds none (or loses
     * the race to insert the first claim) and gets the claim as it now is.
     */
    async changeAttentionClaim(
      sessionId: string,
      seenOwnerId: string | null,
      change: ClaimChange,
    ): Promise<ClaimResult> {
      const columns = changeColumns(change);
      let update = client.from('attention_claims').update(columns).eq('session_id', sessionId);
      update =
        seenOwnerId === null ? update.is('owner_id', null) : update.eq('owner_id', seenOwnerId);
      const updated = await update.select();
      if (updated.error) throw fail('attention_claims table')(updated.error, updated.status);
      if (updated.data[0]) return { ok: true, claim: toClaim(updated.data[0]) };
      if (seenOwnerId === null) {
        const inserted = await client
          .from('attention_claims')
          .insert({ session_id: sessionId, ...columns })
          .select()
          .single();
        if (!inserted.error) return { ok: true, claim: toClaim(inserted.data) };
        // 23505: someone else's claim was written first
        if (inserted.error.code !== '23505')
          throw fail('attention_claims table')(inserted.error, inserted.status);
      }
      return { ok: false, claim: await readClaim(sessionId) };
    },

    /** What was done to these sessions' entries (one candidate's), newest first. */
    async listAttentionEvents(
      sessionIds: readonly string[],
      { signal }: RequestOptions = {},
    ): Promise<AttentionEvent[]> {
      if (!sessionIds.length) return [];
      let query = client
        .from('attention_events')
        .select('*')
        .in('session_id', sessionIds)
        .order('at', { ascending: false })
        .order('id', { ascending: false })
        .limit(200);
      if (signal) query = query.abortSignal(signal);
      const { data, error, status } = await query;
      if (error) throw fail('attention_events table')(error, status);
      return data.map(toEvent);
    },

    async listStaff({ signal }: RequestOptions = {}): Promise<StaffMember[]> {
      let query = client.from('staff_members').select('user_id, email, role').order('email');
      if (signal) query = query.abortSignal(signal);
      const { data, error, status } = await query;
      if (error) throw fail('staff_members table')(error, status);
      return data.map((row) => ({ userId: row.user_id, email: row.email, role: row.role }));
    },
  };
}
