import { render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { useSession } from '@/data/auth/session-query';
import { GuestOnly, RequireAuth, safeNextPath } from './auth-gate';

vi.mock('@/data/auth/session-query', () => ({ useSession: vi.fn() }));

function signedIn(yes: boolean) {
  vi.mocked(useSession).mockReturnValue({
    isPending: false,
    isError: false,
    data: yes ? { userId: 'u1', email: 'ops@demo.local' } : null,
  } as ReturnType<typeof useSession>);
}

function Where() {
  const location = useLocation();
  return <p>at {location.pathname + location.search}</p>;
}

function renderAt(path: string) {
  render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route element={<GuestOnly />}>
          <Route path="/login" element={<Where />} />
        </Route>
        <Route element={<RequireAuth />}>
          <Route path="*" element={<Where />} />
        </Route>
      </Routes>
    </MemoryRouter>,
  );
}

describe('auth gate', () => {
  it('sends a signed-out visitor to /login, remembering where they were going', () => {
    signedIn(false);
    renderAt('/campaigns?status=active');

    expect(screen.getByText('at /login?next=%2Fcampaigns%3Fstatus%3Dactive')).toBeInTheDocument();
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
