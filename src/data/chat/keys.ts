export const chatKeys = {
  all: ['chat'] as const,
  conversations: () => [...chatKeys.all, 'conversation'] as const,
  /** A candidate's conversation, all their sessions, by phone (E.164), loaded page by page. */
  conversation: (phone: string) => [...chatKeys.conversations(), phone] as const,
};
