import { createRequire } from 'node:module';
import os from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * bcrypt off the main thread: a hash at cost 10 is ~80 ms of CPU, and on the thread that also
 * proxies REST and serves realtime, a burst of logins would stall everything. Workers are started
 * when first needed, one job each at a time, and keep no process alive.
 */
export interface PasswordHasher {
  hash(password: string, cost: number): Promise<string>;
  compare(password: string, hash: string): Promise<boolean>;
  close(): Promise<void>;
}

type Message =
  | { op: 'hash'; password: string; cost: number }
  | { op: 'compare'; password: string; hash: string };
interface Job {
  message: Message;
  resolve(result: unknown): void;
  reject(error: Error): void;
}

// Plain CommonJS evaluated in the worker: it needs no TypeScript loader, whatever runs the stack.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const bcrypt = require(workerData.bcrypt);
parentPort.on('message', (m) => {
  try {
    const result = m.op === 'hash' ? bcrypt.hashSync(m.password, m.cost) : bcrypt.compareSync(m.password, m.hash);
    parentPort.postMessage({ result });
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
});
`;
const BCRYPT = createRequire(import.meta.url).resolve('bcryptjs');

/** One core stays for the stack's own thread, PostgREST and Postgres. */
const defaultSize = () => Math.max(1, Math.min(4, os.availableParallelism() - 1));

export function createPasswordHasher(size = defaultSize()): PasswordHasher {
  const idle: Worker[] = [];
  const busy = new Map<Worker, Job>();
  const waiting: Job[] = [];
  let workers = 0;
  let closed = false;

  function startWorker(): Worker {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { bcrypt: BCRYPT } });
    workers += 1;
    worker.unref();
    worker.on('error', () => undefined); // followed by 'exit', handled there
    worker.on('exit', () => {
      workers -= 1;
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
      busy.get(worker)?.reject(new Error('the password worker exited'));
      busy.delete(worker);
      pump();
    });
    return worker;
  }

  function run(worker: Worker, job: Job) {
    busy.set(worker, job);
    worker.once('message', (reply: { result?: unknown; error?: string }) => {
      busy.delete(worker);
      if (reply.error !== undefined) job.reject(new Error(reply.error));
      else job.resolve(reply.result);
      idle.push(worker);
      pump();
    });
    worker.postMessage(job.message);
  }

  function pump() {
    while (!closed && waiting.length > 0) {
      const worker = idle.pop() ?? (workers < size ? startWorker() : undefined);
      if (!worker) return;
      run(worker, waiting.shift()!);
    }
  }

  function submit<T>(message: Message): Promise<T> {
    if (closed) return Promise.reject(new Error('the password hasher is closed'));
    return new Promise<T>((resolve, reject) => {
      waiting.push({ message, resolve: resolve as (result: unknown) => void, reject });
      pump();
    });
  }

  return {
    hash: (password, cost) => submit<string>({ op: 'hash', password, cost }),
    compare: (password, hash) => submit<boolean>({ op: 'compare', password, hash }),
    async close() {
      closed = true;
      for (const job of waiting.splice(0)) job.reject(new Error('the password hasher is closed'));
      await Promise.all([...idle, ...busy.keys()].map((worker) => worker.terminate()));
    },
  };
}
