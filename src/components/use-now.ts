import { useEffect, useState } from 'react';

/** The current time, re-read every `intervalMs`: for labels like "12 s ago" that must keep moving. */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
