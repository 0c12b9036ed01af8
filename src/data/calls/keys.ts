export const callKeys = {
  all: ['calls'] as const,
  sessions: () => [...callKeys.all, 'session'] as const,
  session: (sessionId: string) => [...callKeys.sessions(), sessionId] as const,
};
