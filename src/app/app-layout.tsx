// From the icon's own module: through the package index, every icon the lazy screens use would
// join the first screen's chunk (vite.config.ts).
import LogOut from 'lucide-react/icons/log-out';
import { Suspense, lazy } from 'react';
import { Link, NavLink, Outlet, useLocation, useSearchParams } from 'react-router';
import { CatchUpNoticeBar } from '@/components/catch-up-notice';
import { ConnectionIndicator } from '@/components/connection-indicator';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { useSession } from '@/data/auth/session-query';
import { useSignOut } from '@/data/auth/sign-out-mutation';
import { useCatchUpNotice } from '@/data/realtime/catch-up-notice';
import { useConnectionState } from '@/data/realtime/connection-store';
import { CANDIDATE_PARAM } from '@/lib/candidate-link';
import { cn } from '@/lib/utils';
import { ErrorBoundary } from './error-boundary';
import { HeaderSearch } from './header-search';

// The candidate dialog opens over any page from the URL (?candidate=…), so it lives here.
const CandidateDetailDialog = lazy(() => import('./candidate-detail-dialog'));
// The count reads the queue: loaded after the first screen, not with it (DESIGN §7).
const AttentionCount = lazy(() => import('./attention-count'));
const NotificationCentre = lazy(() => import('./notification-centre'));

const NAV = [
  { to: '/live', label: 'Live' },
  { to: '/campaigns', label: 'Campaigns' },
  { to: '/candidates', label: 'Candidates' },
  { to: '/attention', label: 'Attention' },
];

function PageSkeleton() {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Loading">
      <Skeleton className="h-8 w-56" />
      <Skeleton className="h-28 w-full" />
      <Skeleton className="h-28 w-full" />
    </div>
  );
}

// Each realtime change moves the sync time: only the indicator re-renders for it, not the layout.
function Connection() {
  const { status, lastSyncedAt } = useConnectionState();
  return <ConnectionIndicator status={status} lastSyncedAt={lastSyncedAt} />;
}

function CatchUp() {
  const { notice, dismiss } = useCatchUpNotice();
  return <CatchUpNoticeBar notice={notice} onDismiss={dismiss} />;
}

export function AppLayout() {
  const { data: session } = useSession();
  const signOut = useSignOut();
  const { pathname } = useLocation();
  const [params] = useSearchParams();

  return (
    <div className="min-h-screen">
      <header className="sticky top-0 z-30 border-b bg-card">
        <div className="mx-auto flex min-h-14 max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 lg:flex-nowrap lg:py-0">
          <Link
            to="/"
            className="shrink-0 rounded-sm font-semibold outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
          >
            Outreach Dashboard
          </Link>
          <nav aria-label="Main" className="flex items-center gap-1">
            {NAV.map((item) => (
              <NavLink
                key={item.to}
                to={item.to}
                className={({ isActive }) =>
                  cn(
                    'inline-flex items-center rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50',
                    isActive
                      ? 'bg-muted text-foreground'
                      : 'text-muted-foreground hover:text-foreground',
                  )
                }
              >
                {item.label}
                {item.to === '/attention' && (
                  <Suspense fallback={null}>
                    <AttentionCount />
                  </Suspense>
                )}
              </NavLink>
            ))}
          </nav>
          <HeaderSearch />
          <div className="ml-auto flex min-w-0 items-center gap-3">
            <Connection />
            <Suspense fallback={null}>
              <NotificationCentre />
            </Suspense>
            {session && (
              <span className="hidden truncate text-sm text-muted-foreground lg:inline">
                <span className="sr-only">Signed in as </span>
                {session.email}
              </span>
            )}
            <Button
              variant="outline"
              size="sm"
              onClick={() => signOut.mutate()}
              disabled={signOut.isPending}
              title="Sign out"
            >
              <LogOut aria-hidden="true" />
              {/* The icon alone below lg: the header then still has room for the data's age. */}
              <span className="sr-only lg:not-sr-only">Sign out</span>
            </Button>
          </div>
        </div>
      </header>
      {/* Outside the banner: one status there, the connection's. */}
      <CatchUp />
      <main className="mx-auto max-w-7xl px-4 py-6">
        {/* Keyed by path so that moving to another page clears a crashed one. */}
        <ErrorBoundary key={pathname}>
          <Suspense fallback={<PageSkeleton />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
      {params.get(CANDIDATE_PARAM) && (
        <ErrorBoundary>
          <Suspense fallback={null}>
            <CandidateDetailDialog />
          </Suspense>
        </ErrorBoundary>
      )}
    </div>
  );
}
