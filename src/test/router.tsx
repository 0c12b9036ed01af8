import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { Toaster } from '@/components/ui/toaster';

/** Shows where the router is, for tests to read the URL a screen wrote. */
function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

export const currentUrl = (container: HTMLElement = document.body) =>
  container.querySelector('[data-testid="location"]')?.textContent ?? '';

/**
 * Renders `ui` at `url` (its path pattern `path`) with a router, a fresh QueryClient that never
 * retries, and the toaster.
 */
export function renderRoute(ui: ReactElement, { url, path }: { url: string; path: string }) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route
            path={path}
            element={
              <>
                {ui}
                <LocationProbe />
              </>
            }
          />
        </Routes>
      </MemoryRouter>
      <Toaster />
    </QueryClientProvider>,
  );
}
