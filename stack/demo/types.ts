// Plain row objects, one interface per table (columns as in DESIGN §4 and the migrations).
// Timestamps are ISO strings so the data is JSON-ready and compares with toEqual.

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export type StaffRole = 'recruiter' | 'ops' | 'manager' | 'admin';

export interface DemoStaffAccount {
  id: string;
  email: string;
  role: StaffRole;
  fullName: string;
  password: string;
}

export interface ObjectiveDefinition {
  key: string;
  label: string;
}

export interface CampaignRow {
  name: string;
  description: string;
  objectives: ObjectiveDefinition[];
  status: string;
  created_at: string;
}

export interface NumberRow {
  phone_number: string;
  session_id: string;
  campaign: string | null;
  created_at: string;
}

export interface SessionRow {
  session_id: string;
  phone_number: string | null;
  campaign: string | null;
  status: string;
  objectives: { [key: string]: Json };
  created_at: string;
  updated_at: string;
}

export interface ChatHistoryRow {
  session_id: string;
  /** Any JSON at all, JSON null included: real agents store many shapes (fixtures/messages.json). */
  message: Json;
  created_at: string;
}

export type CallStatus = 'completed' | 'no-answer' | 'busy' | 'failed' | 'voicemail';

export interface CallRow {
  call_id: string;
  session_id: string;
  phone_number: string;
  called_at: string;
  duration: number | null;
  status: CallStatus;
  transcript: string | null;
  recording_url: string | null;
  /** null here means SQL NULL (no analysis), not a JSON null. */
  analysis: Json;
}

export interface JobRow {
  id: number;
  title: string;
  trade: string;
  location: string;
  created_at: string;
}

export type CandidateStage =
  'new' | 'contacted' | 'screening' | 'interview' | 'offer' | 'placed' | 'rejected';

export interface CandidateRow {
  id: number;
  full_name: string;
  phone_number: string;
  email: string | null;
  campaign: string | null;
  job_id: number | null;
  stage: CandidateStage;
  created_at: string;
  updated_at: string;
}

export interface CandidateNoteRow {
  candidate_id: number;
  /** The demo staff member who wrote it; insert resolves it to auth.users.id. */
  author_email: string;
  body: string;
  created_at: string;
}

export interface DemoData {
  seed: number;
  anchor: string;
  staffAccounts: readonly DemoStaffAccount[];
  campaigns: CampaignRow[];
  jobs: JobRow[];
  candidates: CandidateRow[];
  candidate_notes: CandidateNoteRow[];
  numbers: NumberRow[];
  sessions: SessionRow[];
  /** In chronological order, so identity ids increase with time once inserted. */
  chat_history: ChatHistoryRow[];
  calls: CallRow[];
}

/** Rows inserted per table. */
export interface DemoSummary {
  staff_members: number;
  campaigns: number;
  jobs: number;
  candidates: number;
  candidate_notes: number;
  numbers: number;
  sessions: number;
  chat_history: number;
  calls: number;
}
