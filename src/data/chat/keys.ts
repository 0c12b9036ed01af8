export const chatKeys = {
  all: ['chat'] as const,
  /** A candidate's conversation, all their sessions, by phone (E.164), loaded page by page. */
  conversation: (phone: string) => [...chatKeys.all, 'conversation', phone] as const,
};
