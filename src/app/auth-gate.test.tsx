import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { useSession } from '@/data/auth/session-query';
import { checkMyAccess } from '@/lib/access-api';
import { GuestOnly, RequireAuth, safeNextPath } from './auth-gate';

vi.mock('@/data/auth/session-query', () => ({ useSession: vi.fn() }));
vi.mock('@/data/auth/sign-out-mutation', () => ({
  useSignOut: () => ({ mutate: vi.fn(), isPending: false }),
}));

function signedIn(yes: boolean) {
  vi.mocked(useSession).mockReturnValue({
    isPending: false,
    isError: false,
    data: yes
      ? { userId: 'u1', email: 'ops@demo.local', staffRoleClaim: 'ops', expiresAt: 0 }
      : null,
  } as ReturnType<typeof useSession>);
}

function Where() {
  const location = useLocation();
  return <p>at {location.pathname + location.search}</p>;
}

function renderAt(path: string) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route element={<GuestOnly />}>
            <Route path="/login" element={<Where />} />
          </Route>
          <Route element={<RequireAuth />}>
            <Route path="*" element={<Where />} />
          </Route>
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('auth gate', () => {
  it('sends a signed-out visitor to /login, remembering where they were going', () => {
    signedIn(false);
    renderAt('/campaigns?status=active');

    expect(screen.getByText('at /login?next=%2Fcampaigns%3Fstatus%3Dactive')).toBeInTheDocument();
  });

  it("shows a signed-in user who can't read the data why, instead of the page", async () => {
    signedIn(true);
    vi.mocked(checkMyAccess).mockResolvedValueOnce({
      kind: 'not-staff',
      title: 'Your account has no access to the dashboard',
      detail: 'ops@demo.local is not a staff member, or was removed.',
    });
    renderAt('/live');

    expect(
      await screen.findByText('Your account has no access to the dashboard'),
    ).toBeInTheDocument();
    expect(screen.queryByText('at /live')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
  });

  it('shows the page while the access check runs and when it finds nothing wrong', async () => {
    signedIn(true);
    renderAt('/live');
    expect(screen.getByText('at /live')).toBeInTheDocument();
    await vi.waitFor(() => expect(checkMyAccess).toHaveBeenCalled());
    expect(screen.getByText('at /live')).toBeInTheDocument();
  });

  it('sends a signed-in user on from /login to next', () => {
    signedIn(true);
    renderAt('/login?next=%2Fcampaigns');

    expect(screen.getByText('at /campaigns')).toBeInTheDocument();
  });

  it.each([
    [null, '/'],
    ['/candidates?id=7', '/candidates?id=7'],
    ['https://evil.example', '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
  ])('only follows same-site next paths: %s → %s', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });
});
