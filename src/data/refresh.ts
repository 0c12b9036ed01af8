// How often each kind of data refreshes by itself (issue 3): realtime refetches come on top,
// and polling stays on as a safety net (DESIGN §2).
export const LIVE_REFRESH_MS = 10_000;
export const STATS_REFRESH_MS = 30_000;
