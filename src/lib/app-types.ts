// Domain types of the app's own tables (DESIGN §4): candidates, jobs and recruiters' notes.

export const CANDIDATE_STAGES = [
  'new',
  'contacted',
  'screening',
  'interview',
  'offer',
  'placed',
  'rejected',
] as const;
export type CandidateStage = (typeof CANDIDATE_STAGES)[number];

export interface Job {
  id: number;
  title: string;
  trade: string;
  location: string;
}

export interface Candidate {
  id: number;
  fullName: string;
  /** E.164. */
  phoneNumber: string;
  email: string | null;
  campaign: string | null;
  job: Job | null;
  stage: CandidateStage;
  createdAt: string;
  updatedAt: string;
}

export interface CandidateFilters {
  /** A name, or a phone number in any format. */
  search?: string | null;
  campaign?: string | null;
  stage?: CandidateStage | null;
}

export interface Page<T> {
  rows: T[];
  /** Exact, counted by Postgres. */
  total: number;
}

export interface Note {
  id: number;
  candidateId: number;
  authorId: string;
  authorEmail: string | null;
  body: string;
  createdAt: string;
  updatedAt: string;
}
