import type { ReactNode } from 'react';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useAccessProblem } from '@/data/auth/access-query';
import { useSignOut } from '@/data/auth/sign-out-mutation';

/**
 * The signed-in pages, unless the user can't read the data: then why, and what to do, instead of
 * empty pages (lib/access-check.ts). While the check runs, or if it can't be made, the pages show
 * as usual: they report their own errors.
 */
export function AccessGate({ children }: { children: ReactNode }) {
  const access = useAccessProblem();
  const signOut = useSignOut();
  const problem = access.data;
  if (!problem) return children;
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="mb-6 text-2xl font-semibold">Outreach Dashboard</h1>
      <Alert variant="destructive">
        <AlertTitle>{problem.title}</AlertTitle>
        <AlertDescription>{problem.detail}</AlertDescription>
      </Alert>
      <div className="mt-6 flex gap-3">
        <Button onClick={() => void access.refetch()} disabled={access.isFetching}>
          {access.isFetching ? 'Checking…' : 'Check again'}
        </Button>
        <Button variant="outline" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          Sign out
        </Button>
      </div>
    </main>
  );
}
