import { type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

export const MAX_BODY_BYTES = 1024 * 1024;

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** Input the client got wrong: answered with this status and plain message, never a 500. */
export class BadRequestError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export class BodyTooLargeError extends BadRequestError {
  constructor(limit: number) {
    super(`Request body over ${limit} bytes`, 413);
  }
}

/**
 * The request's URL. WHATWG URL reads a target such as `//` as a host with no name and throws,
 * and absolute-form targets are for proxies: both are a client's error.
 */
export function requestUrl(req: IncomingMessage): URL {
  const target = req.url ?? '/';
  if (!target.startsWith('/') || target.startsWith('//'))
    throw new BadRequestError('Malformed request URL');
  try {
    return new URL(`http://stack${target}`);
  } catch {
    throw new BadRequestError('Malformed request URL');
  }
}

/** The status and plain message a failed request gets; details of unexpected errors only in the log. */
export function errorAnswer(
  error: unknown,
  log: (line: string) => void,
): { status: number; message: string } {
  if (error instanceof BadRequestError) return { status: error.status, message: error.message };
  log(`request failed: ${(error as Error)?.stack ?? String(error)}`);
  return { status: 500, message: 'Internal server error' };
}

/** Answers a request that failed, however far its answer got. */
export function sendError(
  res: ServerResponse,
  error: unknown,
  log: (line: string) => void,
  headers: Record<string, string> = {},
): void {
  const { status, message } = errorAnswer(error, log);
  if (res.headersSent) res.destroy();
  else sendJson(res, status, { message }, headers);
}

/** Answers a WebSocket upgrade with a plain HTTP error and closes the socket. */
export function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  const body = JSON.stringify({ message });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** Answers an upgrade that failed (the socket may already be gone or handed to the WebSocket server). */
export function failUpgrade(socket: Duplex, error: unknown, log: (line: string) => void): void {
  const { status, message } = errorAnswer(error, log);
  if (socket.writable) refuseUpgrade(socket, status, message);
  else socket.destroy();
}

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function bearerToken(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}
