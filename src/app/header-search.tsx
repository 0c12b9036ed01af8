import Search from 'lucide-react/icons/search';
import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { searchHref } from '@/features/search/search-view';

/** Typing into these is typing, not a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The search box on every screen: `/` focuses it, Enter opens the Search page with the words,
 * Esc leaves it. On the Search page it shows the search there.
 */
export function HeaderSearch() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const onSearchPage = pathname === '/search';
  const current = onSearchPage ? (params.get('q') ?? '') : '';
  const [text, setText] = useState(current);
  const [shown, setShown] = useState(current);
  // Follow the Search page's own box, Back and Forward.
  if (current !== shown) {
    setShown(current);
    setText(current);
  }
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target) || document.querySelector('[role="dialog"]')) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <form
      role="search"
      aria-label="Search every conversation"
      // Below lg the header has no room beside the nav: the box takes a row of its own.
      className="relative order-last w-full lg:order-none lg:w-64 lg:flex-none"
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim()) void navigate(searchHref(text));
      }}
    >
      <Search
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
      />
      <input
        ref={input}
        type="search"
        aria-label="Search messages and calls"
        aria-keyshortcuts="/"
        placeholder="Search (press /)"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            setText(current);
            event.currentTarget.blur();
          }
        }}
        className="h-8 w-full min-w-0 rounded-md border border-input bg-transparent pr-2 pl-8 text-sm outline-none placeholder:text-muted-foreground focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50"
      />
    </form>
  );
}
