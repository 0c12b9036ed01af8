export const noteKeys = {
  all: ['notes'] as const,
  of: (candidateId: number | null) => [...noteKeys.all, candidateId] as const,
};
