import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useSession } from '@/data/auth/session-query';
import { describeError } from '@/lib/api-error';
import { AccessGate } from './access-gate';

/** Only same-site paths: `?next=https://evil.example` or `//evil.example` must not redirect away. */
export function safeNextPath(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
    ? next
    : '/';
}

function CheckingSession() {
  return (
    <div className="min-h-screen" aria-busy="true">
      <p role="status" className="sr-only">
        Checking your session…
      </p>
    </div>
  );
}

/** Signed-in routes: anyone else goes to /login and comes back here afterwards. */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();

  if (session.isPending) return <CheckingSession />;
  if (session.isError) {
    return (
      <main className="mx-auto max-w-xl px-4 py-16">
        <Alert variant="destructive">
          <AlertTitle>Couldn't check your session</AlertTitle>
          <AlertDescription>{describeError(session.error)}</AlertDescription>
        </Alert>
        <Button className="mt-4" onClick={() => void session.refetch()}>
          Retry
        </Button>
      </main>
    );
  }
  if (!session.data) {
    const here = location.pathname + location.search + location.hash;
    const to = here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`;
    return <Navigate to={to} replace />;
  }
  return (
    <AccessGate>
      <Outlet />
    </AccessGate>
  );
}

/** The login page: someone already signed in goes straight on to `?next`. */
export function GuestOnly() {
  const session = useSession();
  const [searchParams] = useSearchParams();

  if (session.isPending) return <CheckingSession />;
  if (session.data) return <Navigate to={safeNextPath(searchParams.get('next'))} replace />;
  return <Outlet />;
}
