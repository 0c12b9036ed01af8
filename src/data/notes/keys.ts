export const noteKeys = {
  all: ['notes'] as const,
  of: (candidateId: number) => [...noteKeys.all, candidateId] as const,
};
