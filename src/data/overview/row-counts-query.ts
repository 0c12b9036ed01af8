import { queryOptions, useQuery } from '@tanstack/react-query';
import { getAppRowCounts, type AppTable } from '@/lib/app-api';
import { getBackendRowCounts, type BackendTable } from '@/lib/backend-api';
import { overviewKeys } from './keys';

export interface RowCounts {
  backend: Record<BackendTable, number>;
  app: Record<AppTable, number>;
}

async function fetchRowCounts(signal?: AbortSignal): Promise<RowCounts> {
  const [backend, app] = await Promise.all([getBackendRowCounts(signal), getAppRowCounts(signal)]);
  return { backend, app };
}

const rowCountsQueryOptions = () =>
  queryOptions({
    queryKey: overviewKeys.rowCounts(),
    queryFn: ({ signal }) => fetchRowCounts(signal),
    refetchInterval: 30_000,
  });

export function useRowCounts() {
  return useQuery(rowCountsQueryOptions());
}
