import { Link } from 'react-router';
import { Button } from '@/components/ui/button';

export function NotFoundPage() {
  return (
    <section aria-labelledby="not-found-title" className="py-8">
      <h1 id="not-found-title" className="text-2xl font-semibold">
        Page not found
      </h1>
      <p className="mt-2 text-muted-foreground">There is nothing at this address.</p>
      <Button asChild className="mt-6">
        <Link to="/">Back to the overview</Link>
      </Button>
    </section>
  );
}
