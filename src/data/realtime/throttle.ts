/**
 * Runs each keyed task at most once per `intervalMs`: the first change acts at once, a burst after
 * it acts once more when the interval ends. Keeps a stream of changes from becoming a refetch storm.
 */
export function createKeyedThrottle(intervalMs: number) {
  const lastRun = new Map<string, number>();
  const pending = new Map<string, ReturnType<typeof setTimeout>>();

  function schedule(key: string, task: () => void) {
    if (pending.has(key)) return;
    const wait = (lastRun.get(key) ?? -Infinity) + intervalMs - Date.now();
    const run = () => {
      pending.delete(key);
      lastRun.set(key, Date.now());
      task();
    };
    if (wait <= 0) run();
    else pending.set(key, setTimeout(run, wait));
  }

  function cancelAll() {
    for (const timer of pending.values()) clearTimeout(timer);
    pending.clear();
  }

  return { schedule, cancelAll };
}

export type KeyedThrottle = ReturnType<typeof createKeyedThrottle>;
