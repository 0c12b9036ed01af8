import { startTransition, useEffect, useState } from 'react';
import { checkDay, subscribeToDayChanges } from './use-today';

type Listener = (now: number) => void;
interface Clock {
  listeners: Set<Listener>;
  timer: ReturnType<typeof setInterval>;
  stopDayChanges: () => void;
}

// One timer per interval, shared by every component that asks for it: fifty "2 min ago" labels
// move together in one render, rather than each on a timer of its own.
const clocks = new Map<number, Clock>();

function subscribe(intervalMs: number, listener: Listener): () => void {
  let clock = clocks.get(intervalMs);
  if (!clock) {
    const listeners = new Set<Listener>();
    const tick = () => {
      const now = Date.now();
      // A tick is never urgent: it must not interrupt rendering a freshly loaded list.
      startTransition(() => listeners.forEach((notify) => notify(now)));
    };
    clock = {
      listeners,
      timer: setInterval(() => {
        checkDay();
        tick();
      }, intervalMs),
      // Also at midnight and on coming back to the page, not up to an interval later: "Yesterday"
      // must become "2 days ago" as the day turns, and a woken tab must not show last night's times.
      stopDayChanges: subscribeToDayChanges(tick),
    };
    clocks.set(intervalMs, clock);
  }
  const { listeners, timer, stopDayChanges } = clock;
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size) return;
    clearInterval(timer);
    stopDayChanges();
    clocks.delete(intervalMs);
  };
}

/**
 * The current time, re-read every `intervalMs`, at midnight and on coming back to the page: for
 * labels like "12 s ago" that must keep moving.
 */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => subscribe(intervalMs, setNow), [intervalMs]);
  return now;
}
