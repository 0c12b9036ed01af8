export const callKeys = {
  all: ['calls'] as const,
  session: (sessionId: string) => [...callKeys.all, 'session', sessionId] as const,
};
