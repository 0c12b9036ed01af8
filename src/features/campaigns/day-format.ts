// Days come as `YYYY-MM-DD` in the viewer's zone already; formatting them at UTC noon keeps the
// date from moving, whatever zone the browser is in.
const long = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const short = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

const atNoon = (day: string) => new Date(`${day}T12:00:00Z`);

/** `2026-11-24` → `Tue 24 Nov` */
export const formatDay = (day: string) =>
  Number.isNaN(atNoon(day).getTime()) ? day : long.format(atNoon(day));

/** `2026-11-24` → `24 Nov` (axis ticks) */
export const formatDayShort = (day: string) =>
  Number.isNaN(atNoon(day).getTime()) ? day : short.format(atNoon(day));
