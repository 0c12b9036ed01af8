export const overviewKeys = {
  all: ['overview'] as const,
  rowCounts: () => [...overviewKeys.all, 'row-counts'] as const,
};
