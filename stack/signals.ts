/** Runs `shutdown` once on Ctrl-C, SIGTERM or a closed terminal. */
export function onShutdownSignal(shutdown: (signal: NodeJS.Signals) => Promise<void>): void {
  let started = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (started) return;
      started = true;
      void shutdown(signal);
    });
  }
}
