import { spawn } from 'node:child_process';

/**
 * A tiny shell process that signals the stack's children once the stack's process is gone, however
 * it went (a KILL after a shutdown's grace period, a crash): Node cannot ask Linux to signal a child
 * when its parent dies (PR_SET_PDEATHSIG), but the end of a pipe it holds is seen by the reader.
 * The watchdog reads one line per child and, when its input ends, signals each of them.
 */
const SCRIPT = `
trap '' INT TERM HUP
while read -r signal pid; do targets="$targets $signal:$pid"; done
for target in $targets; do kill -s "\${target%%:*}" "\${target#*:}" 2>/dev/null; done
`;

export interface Watchdog {
  /** Signals `pid` (INT for Postgres's fast shutdown, TERM for PostgREST) when this process ends. */
  watch(pid: number | undefined, signal: 'INT' | 'TERM'): void;
  /** After a clean stop: the children are gone, so nothing is left to signal. */
  stop(): void;
}

export function startWatchdog(): Watchdog {
  // Its own process group: a terminal's Ctrl-C reaches only the stack, which stops in order.
  const child = spawn('sh', ['-c', SCRIPT], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  child.on('error', () => undefined); // without `sh` the stack still runs, only unguarded
  child.stdin.on('error', () => undefined);
  // Neither keeps the event loop alive: the watchdog only matters once the process is ending.
  child.unref();
  (child.stdin as unknown as { unref(): void }).unref();
  return {
    watch(pid, signal) {
      if (pid !== undefined && child.stdin.writable) child.stdin.write(`${signal} ${pid}\n`);
    },
    stop() {
      // KILL, not end of input: that would run the watchdog's signals on pids that may be reused.
      child.kill('SIGKILL');
    },
  };
}
