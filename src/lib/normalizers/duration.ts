import { total } from './text';

const NOT_AVAILABLE = 'N/A';

/** Seconds (a number or numeric string) → `m:ss` under an hour, `h:mm:ss` from an hour; else N/A. */
export const formatDuration = total(
  (seconds: unknown): string => {
    const value = secondsOf(seconds);
    if (value === null) return NOT_AVAILABLE;
    const whole = Math.round(value);
    const hours = Math.floor(whole / 3600);
    const minutes = Math.floor((whole % 3600) / 60);
    const secs = String(whole % 60).padStart(2, '0');
    return hours > 0
      ? `${hours}:${String(minutes).padStart(2, '0')}:${secs}`
      : `${minutes}:${secs}`;
  },
  () => NOT_AVAILABLE,
);

function secondsOf(input: unknown): number | null {
  let value = NaN;
  if (typeof input === 'number') value = input;
  else if (typeof input === 'bigint') value = Number(input);
  // Number('') is 0, but a blank duration is no duration.
  else if (typeof input === 'string' && input.trim() !== '') value = Number(input);
  return Number.isFinite(value) && value >= 0 ? value : null;
}
