import { useId, useState, type FormEvent } from 'react';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { useSignIn } from '@/data/auth/sign-in-mutation';
import { describeError } from '@/lib/api-error';
import { isLocalStack } from '@/lib/env';

// Seeded by the local stack only (DESIGN §5); never valid against a hosted project.
const demoAccounts = [
  { email: 'recruiter@demo.local', role: 'Recruiter' },
  { email: 'ops@demo.local', role: 'Ops' },
  { email: 'manager@demo.local', role: 'Campaign manager' },
];
const demoPassword = 'demo-password';

export function LoginPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useSignIn();
  const id = useId();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    signIn.mutate({ email, password });
  }

  function fillDemoAccount(demoEmail: string) {
    setEmail(demoEmail);
    setPassword(demoPassword);
  }

  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-6 px-4 py-12">
      <Card className="w-full max-w-sm">
        <CardHeader>
          <h1 className="text-xl font-semibold">Outreach Dashboard</h1>
          <CardDescription>Sign in with your staff account.</CardDescription>
        </CardHeader>
        <CardContent>
          <form className="grid gap-4" onSubmit={handleSubmit} aria-busy={signIn.isPending}>
            <div className="grid gap-2">
              <Label htmlFor={`${id}-email`}>Email</Label>
              <Input
                id={`${id}-email`}
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(event) => setEmail(event.target.value)}
              />
            </div>
            <div className="grid gap-2">
              <Label htmlFor={`${id}-password`}>Password</Label>
              <Input
                id={`${id}-password`}
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            </div>
            {signIn.isError && (
              <Alert variant="destructive">
                <AlertDescription className="text-current">
                  {describeError(signIn.error)}
                </AlertDescription>
              </Alert>
            )}
            <Button type="submit" disabled={signIn.isPending}>
              {signIn.isPending ? 'Signing in…' : 'Sign in'}
            </Button>
          </form>
        </CardContent>
      </Card>

      {isLocalStack() && (
        <Card className="w-full max-w-sm">
          <CardHeader>
            <CardTitle>Demo accounts</CardTitle>
            <CardDescription>
              Local stack only. Password for all: <code className="font-mono">{demoPassword}</code>
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="grid gap-2">
              {demoAccounts.map((account) => (
                <li key={account.email} className="flex items-center justify-between gap-3">
                  <span className="min-w-0">
                    <span className="block truncate text-sm font-medium">{account.email}</span>
                    <span className="block text-sm text-muted-foreground">{account.role}</span>
                  </span>
                  <Button
                    type="button"
                    variant="outline"
                    size="sm"
                    aria-label={`Use ${account.email}`}
                    onClick={() => fillDemoAccount(account.email)}
                  >
                    Use
                  </Button>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      )}
    </main>
  );
}
