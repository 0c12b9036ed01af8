import { useSyncExternalStore } from 'react';
import { localDay } from '@/lib/format';

type Listener = () => void;

// Everything that must read the time again when the day may have changed: useToday's users and
// useNow's shared clocks. One midnight timer and one pair of DOM listeners serve them all.
const listeners = new Set<Listener>();
let midnightTimer: ReturnType<typeof setTimeout> | undefined;
let seenDay = 0;

const today = () => localDay(new Date());

function msToNextMidnight(): number {
  const now = new Date();
  // Built from the calendar, not now + 24 h: the next day may start 23 or 25 hours on (DST).
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  return next.getTime() - now.getTime();
}

/** Every listener reads the time again; the timer is aimed anew at the coming midnight. */
function wake() {
  seenDay = today();
  clearTimeout(midnightTimer);
  // A timer that fires a little early finds the same day and is simply aimed again.
  midnightTimer = setTimeout(wake, msToNextMidnight());
  listeners.forEach((listener) => listener());
}

// A timer does not count time while the machine sleeps, and a hidden tab's timers are held back:
// coming back to the page is when a tab left open overnight must find out it is morning.
function onVisibilityChange() {
  if (document.visibilityState === 'visible') wake();
}

/**
 * Calls `listener` at each local midnight and whenever the page comes back into view or focus,
 * the moments when the time read earlier may have become another day.
 */
export function subscribeToDayChanges(listener: Listener): () => void {
  if (!listeners.size) {
    seenDay = today();
    midnightTimer = setTimeout(wake, msToNextMidnight());
    document.addEventListener('visibilitychange', onVisibilityChange);
    window.addEventListener('focus', wake);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size) return;
    clearTimeout(midnightTimer);
    document.removeEventListener('visibilitychange', onVisibilityChange);
    window.removeEventListener('focus', wake);
  };
}

/**
 * For callers that read the clock anyway (useNow's ticks): wakes every listener if the day has
 * turned unnoticed, e.g. the midnight timer slept with the machine in a tab that stayed in view.
 */
export function checkDay(): void {
  if (listeners.size && today() !== seenDay) wake();
}

/**
 * Today in the viewer's time zone (a `localDay` count), for words like "Today" and "Yesterday":
 * its users draw again when the day changes, and only then.
 */
export function useToday(): number {
  return useSyncExternalStore(subscribeToDayChanges, today);
}
