import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, it, vi } from 'vitest';
import { getAppRowCounts } from '@/lib/app-api';
import { getSession, signIn, signOut } from '@/lib/auth-api';
import { getBackendRowCounts } from '@/lib/backend-api';
import { App } from './app';

vi.mock('@/lib/auth-api', () => ({
  getSession: vi.fn(),
  signIn: vi.fn(),
  signOut: vi.fn(),
  onAuthStateChange: () => () => {},
}));
vi.mock('@/lib/backend-api', () => ({
  getBackendRowCounts: vi.fn(),
  watchChanges: () => () => {},
  getActivitySince: vi.fn(async () => ({ messages: 0, calls: 0 })),
}));
vi.mock('@/lib/app-api', () => ({
  getAppRowCounts: vi.fn(),
  watchAttention: () => () => {},
}));

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  vi.mocked(getSession).mockResolvedValue(null);
  vi.mocked(signIn).mockResolvedValue({
    userId: 'u1',
    email: 'ops@demo.local',
    staffRoleClaim: 'ops',
    expiresAt: 0,
  });
  vi.mocked(signOut).mockResolvedValue();
  vi.mocked(getBackendRowCounts).mockResolvedValue({
    numbers: 12345,
    sessions: 1,
    chat_history: 2,
    calls: 3,
    campaigns: 4,
  });
  vi.mocked(getAppRowCounts).mockResolvedValue({
    candidates: 5,
    jobs: 6,
    candidate_notes: 7,
    staff_members: 8,
  });
});

it('signs in, returns to the page asked for, and signs out again', async () => {
  window.history.replaceState(null, '', '/overview');
  const user = userEvent.setup();
  render(<App />);

  await user.type(await screen.findByLabelText('Email'), 'ops@demo.local');
  await user.type(screen.getByLabelText('Password'), 'demo-password{Enter}');

  expect(await screen.findByRole('heading', { name: 'Backend at a glance' })).toBeInTheDocument();
  expect(screen.getByText('ops@demo.local')).toBeInTheDocument();
  expect(await screen.findByText('12,345')).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: 'Sign out' }));

  expect(await screen.findByLabelText('Email')).toBeInTheDocument();
  expect(window.location.pathname).toBe('/login');
});

it('shows the not-found page inside the signed-in layout', async () => {
  vi.mocked(getSession).mockResolvedValue({
    userId: 'u1',
    email: 'ops@demo.local',
    staffRoleClaim: 'ops',
    expiresAt: 0,
  });
  window.history.replaceState(null, '', '/nowhere');
  render(<App />);

  expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
});
