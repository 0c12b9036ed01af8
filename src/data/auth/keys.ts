export const authKeys = {
  all: ['auth'] as const,
  session: () => [...authKeys.all, 'session'] as const,
  access: (userId: string, tokenExpiresAt: number) =>
    [...authKeys.all, 'access', userId, tokenExpiresAt] as const,
};
