import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { HeaderSearch } from './header-search';

function Where() {
  const location = useLocation();
  return <p>at {location.pathname + location.search}</p>;
}

function renderAt(path: string) {
  render(
    <MemoryRouter initialEntries={[path]}>
      <HeaderSearch />
      <input aria-label="Another field" />
      <Routes>
        <Route path="*" element={<Where />} />
      </Routes>
    </MemoryRouter>,
  );
  return screen.getByRole('searchbox', { name: 'Search messages and calls' });
}

describe('the header search box', () => {
  it('/ focuses it, Enter opens the Search page, Esc leaves it', async () => {
    const user = userEvent.setup();
    const box = renderAt('/live');
    await user.keyboard('/');
    expect(box).toHaveFocus();
    expect(box).toHaveValue('');
    await user.type(box, ' cscs card ');
    await user.keyboard('{Enter}');
    expect(screen.getByText('at /search?q=cscs+card')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(box).not.toHaveFocus();
  });

  it('/ typed into another field stays there', async () => {
    const user = userEvent.setup();
    const box = renderAt('/live');
    await user.click(screen.getByLabelText('Another field'));
    await user.keyboard('a/b');
    expect(screen.getByLabelText('Another field')).toHaveValue('a/b');
    expect(box).not.toHaveFocus();
  });

  it('shows the search of the Search page, and an empty box searches nothing', async () => {
    const user = userEvent.setup();
    const box = renderAt('/search?q=own+van');
    expect(box).toHaveValue('own van');
    await user.clear(box);
    await user.type(box, '   {Enter}');
    expect(screen.getByText('at /search?q=own+van')).toBeInTheDocument();
  });
});
