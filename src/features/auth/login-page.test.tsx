import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-error';
import { signIn } from '@/lib/auth-api';
import { renderWithQueryClient } from '@/test/render';
import { LoginPage } from './login-page';

vi.mock('@/lib/auth-api', () => ({ signIn: vi.fn() }));

beforeEach(() => {
  vi.mocked(signIn).mockReset();
});

describe('LoginPage', () => {
  it('has labelled email and password inputs with autocomplete hints', () => {
    renderWithQueryClient(<LoginPage />);

    const email = screen.getByLabelText('Email');
    expect(email).toHaveAttribute('type', 'email');
    expect(email).toHaveAttribute('autocomplete', 'username');
    expect(screen.getByLabelText('Password')).toHaveAttribute('autocomplete', 'current-password');
  });

  it('submits on Enter and shows a busy state while signing in', async () => {
    vi.mocked(signIn).mockReturnValue(new Promise(() => {}));
    const user = userEvent.setup();
    renderWithQueryClient(<LoginPage />);

    await user.type(screen.getByLabelText('Email'), 'recruiter@example.co.uk');
    await user.type(screen.getByLabelText('Password'), 'secret{Enter}');

    expect(signIn).toHaveBeenCalledWith('recruiter@example.co.uk', 'secret');
    expect(await screen.findByRole('button', { name: 'Signing in…' })).toBeDisabled();
  });

  it('shows the human error message in an alert', async () => {
    vi.mocked(signIn).mockRejectedValue(new ApiError('unauthorized', 'Wrong email or password.'));
    const user = userEvent.setup();
    renderWithQueryClient(<LoginPage />);

    await user.type(screen.getByLabelText('Email'), 'recruiter@example.co.uk');
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password.');
  });

  it('hides the demo accounts outside the local stack', () => {
    renderWithQueryClient(<LoginPage />);

    expect(screen.queryByRole('heading', { name: 'Demo accounts' })).not.toBeInTheDocument();
  });

  it('lists the demo accounts on the local stack and fills the form from one', async () => {
    vi.stubEnv('VITE_LOCAL_STACK', 'true');
    const user = userEvent.setup();
    renderWithQueryClient(<LoginPage />);

    expect(screen.getByRole('heading', { name: 'Demo accounts' })).toBeInTheDocument();
    for (const email of ['recruiter@demo.local', 'ops@demo.local', 'manager@demo.local']) {
      expect(screen.getByRole('button', { name: `Use ${email}` })).toBeInTheDocument();
    }

    await user.click(screen.getByRole('button', { name: 'Use ops@demo.local' }));

    expect(screen.getByLabelText('Email')).toHaveValue('ops@demo.local');
    expect(screen.getByLabelText('Password')).toHaveValue('demo-password');
  });
});
