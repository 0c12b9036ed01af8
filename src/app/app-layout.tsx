import { LogOut } from 'lucide-react';
import { Link, Outlet, useLocation } from 'react-router';
import { Button } from '@/components/ui/button';
import { useSession } from '@/data/auth/session-query';
import { useSignOut } from '@/data/auth/sign-out-mutation';
import { ErrorBoundary } from './error-boundary';

export function AppLayout() {
  const { data: session } = useSession();
  const signOut = useSignOut();
  const { pathname } = useLocation();

  return (
    <div className="min-h-screen">
      <header className="border-b bg-card">
        <div className="mx-auto flex h-14 max-w-6xl items-center gap-4 px-4">
          <Link
            to="/"
            className="rounded-sm font-semibold outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
          >
            Outreach Dashboard
          </Link>
          {/* Right-hand side: the realtime connection indicator joins the account controls here. */}
          <div className="ml-auto flex min-w-0 items-center gap-3">
            {session && (
              <span className="truncate text-sm text-muted-foreground">
                <span className="sr-only">Signed in as </span>
                {session.email}
              </span>
            )}
            <Button
              variant="outline"
              size="sm"
              onClick={() => signOut.mutate()}
              disabled={signOut.isPending}
            >
              <LogOut aria-hidden="true" />
              Sign out
            </Button>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-8">
        {/* Keyed by path so that moving to another page clears a crashed one. */}
        <ErrorBoundary key={pathname}>
          <Outlet />
        </ErrorBoundary>
      </main>
    </div>
  );
}
