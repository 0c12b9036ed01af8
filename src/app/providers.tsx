import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense, lazy, useState, type ReactNode } from 'react';
import { useAttentionSync } from '@/data/attention/use-attention-sync';
import { useSession, useSessionSync } from '@/data/auth/session-query';
import { useBackendSync } from '@/data/realtime/use-backend-sync';
import { ApiError } from '@/lib/api-error';

// Toasts only follow actions taken later (DESIGN §7: not part of the first screen's JavaScript).
const Toaster = lazy(() =>
  import('@/components/ui/toaster').then(({ Toaster }) => ({ default: Toaster })),
);

function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Only a dropped connection is worth retrying; a refusal or a bug won't fix itself.
        retry: (failureCount, error) =>
          error instanceof ApiError && error.kind === 'network' && failureCount < 3,
        // Coming back to the tab refetches (the default), but not for data under 10 s old.
        staleTime: 10_000,
      },
    },
  });
}

function SessionSync() {
  useSessionSync();
  const userId = useSession().data?.userId;
  useBackendSync(userId);
  useAttentionSync(userId);
  return null;
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <SessionSync />
      {children}
      <Suspense fallback={null}>
        <Toaster />
      </Suspense>
    </QueryClientProvider>
  );
}
