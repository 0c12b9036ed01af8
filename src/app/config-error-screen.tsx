import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';

export function ConfigErrorScreen({ problems }: { problems: string[] }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="mb-6 text-2xl font-semibold">Outreach Dashboard isn't configured</h1>
      <Alert variant="destructive">
        <AlertTitle>The app can't connect to Supabase until this is fixed:</AlertTitle>
        <AlertDescription>
          <ul className="list-disc pl-5">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </AlertDescription>
      </Alert>
      <p className="mt-6 text-muted-foreground">
        Run <code className="font-mono text-foreground">npm run dev</code> to use the local stack,
        or set the variables in <code className="font-mono text-foreground">.env</code> (see{' '}
        <code className="font-mono text-foreground">.env.example</code>) and restart the dev server
        or rebuild.
      </p>
    </main>
  );
}
