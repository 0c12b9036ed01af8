import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { verifyToken } from './auth/tokens';
import {
  BodyTooLargeError,
  failUpgrade,
  refuseUpgrade,
  requestUrl,
  sendError,
  sendJson,
} from './http';
import { hostAllowed, originAllowed } from './origins';
import { serveRecording } from './storage';

/**
 * The one public port (DESIGN §5), shaped like Supabase's API gateway: an `apikey` is required
 * (header or query parameter), and then /rest/v1 goes to PostgREST, /auth/v1 to auth,
 * /storage/v1/object/public to the demo recordings, /realtime/v1 to the realtime server.
 */
export interface GatewayRoutes {
  jwtSecret: string;
  /** Where the details of unexpected errors go; clients get a generic 500. */
  log: (line: string) => void;
  postgrestUrl: string;
  auth: (
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    query: URLSearchParams,
  ) => Promise<void>;
  /** Web origins allowed besides this machine's own (STACK_CORS_ORIGINS; origins.ts). */
  corsOrigins?: readonly string[];
  /** WebSocket upgrades for /realtime/v1/websocket; absent until a realtime server is attached. */
  realtimeUpgrade?: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
}

const CORS_HEADERS = {
  'Access-Control-Allow-Methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
  'Access-Control-Allow-Headers':
    'authorization, apikey, content-type, x-client-info, prefer, range, accept, accept-profile, content-profile, x-supabase-api-version, x-retry-count',
  'Access-Control-Expose-Headers':
    'content-range, content-location, x-supabase-api-version, range-unit',
  'Access-Control-Max-Age': '600',
};

function corsHeaders(req: IncomingMessage): Record<string, string> {
  // Called for allowed origins only (see `refusal`); without an Origin, no page is asking.
  return {
    'Access-Control-Allow-Origin': req.headers.origin ?? '*',
    Vary: 'Origin',
    ...CORS_HEADERS,
  };
}

/** The apikey must be a JWT this stack signed (the anon or service-role key), as Kong checks. */
async function checkApiKey(
  req: IncomingMessage,
  url: URL,
  jwtSecret: string,
): Promise<string | { status: number; message: string }> {
  const header = req.headers.apikey;
  const key = (Array.isArray(header) ? header[0] : header) ?? url.searchParams.get('apikey');
  if (!key) return { status: 401, message: 'No API key found in request' };
  try {
    await verifyToken(key, jwtSecret);
    return key;
  } catch {
    return { status: 401, message: 'Invalid API key' };
  }
}

/**
 * REST request bodies are capped before PostgREST, which would read any size into memory; the
 * largest the dashboard and the backend scripts send (bulk upserts) are far below it.
 */
export const MAX_REST_BODY_BYTES = 10 * 1024 * 1024;

function proxy(
  req: IncomingMessage,
  res: ServerResponse,
  target: URL,
  apiKey: string,
  cors: Record<string, string>,
) {
  if (Number(req.headers['content-length'] ?? 0) > MAX_REST_BODY_BYTES)
    throw new BodyTooLargeError(MAX_REST_BODY_BYTES);
  const headers: http.OutgoingHttpHeaders = { ...req.headers, host: target.host };
  delete headers.apikey;
  // Like Supabase's gateway: a request without a user token acts with the apikey's role.
  if (!headers.authorization) headers.authorization = `Bearer ${apiKey}`;
  const upstream = http.request(target, { method: req.method, headers }, (up) => {
    // PostgREST answers CORS itself; keep only the gateway's, or browsers see two origins and refuse.
    const upstreamHeaders = Object.fromEntries(
      Object.entries(up.headers).filter(([name]) => !name.startsWith('access-control-')),
    );
    res.writeHead(up.statusCode ?? 502, { ...upstreamHeaders, ...cors });
    up.pipe(res);
  });
  let tooLarge = false;
  upstream.on('error', () => {
    if (tooLarge) return; // cut off below, and answered
    if (!res.headersSent)
      sendJson(res, 503, { message: 'The database API (PostgREST) is not reachable' }, cors);
    else res.destroy();
  });
  // A body without a Content-Length (chunked) is counted as it streams: past the cap, PostgREST
  // gets an incomplete request it never runs, and the client 413.
  let received = 0;
  req.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received <= MAX_REST_BODY_BYTES || tooLarge) return;
    tooLarge = true;
    req.unpipe(upstream);
    upstream.destroy();
    res.setHeader('Connection', 'close');
    sendError(res, new BodyTooLargeError(MAX_REST_BODY_BYTES), () => undefined, cors);
  });
  req.pipe(upstream);
}

/** Why a request from this origin or to this host is not answered (origins.ts), or null. */
function refusal(req: IncomingMessage, routes: GatewayRoutes): string | null {
  if (!hostAllowed(req.headers.host)) return `Host ${req.headers.host} is not this machine`;
  if (!originAllowed(req.headers.origin, routes.corsOrigins ?? []))
    return `Origin ${req.headers.origin} is not allowed (set STACK_CORS_ORIGINS to allow it)`;
  return null;
}

export function createGateway(routes: GatewayRoutes): http.Server {
  const server = http.createServer(async (req, res) => {
    const refused = refusal(req, routes);
    if (refused) return sendJson(res, 403, { message: refused }, {});
    const cors = corsHeaders(req);
    try {
      const url = requestUrl(req);
      if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
      if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' }, cors);
      // Public bucket objects need no key, as on Supabase Storage: an <audio> element sends no headers.
      const publicObject = /^\/storage\/v1\/object\/public\/(.+)$/.exec(url.pathname);
      if (publicObject) return serveRecording(req, res, publicObject[1]!, cors);

      const apiKey = await checkApiKey(req, url, routes.jwtSecret);
      if (typeof apiKey !== 'string')
        return sendJson(res, apiKey.status, { message: apiKey.message }, cors);

      if (url.pathname.startsWith('/rest/v1')) {
        // Set, not resolved against PostgREST's URL: a path such as //elsewhere/ must stay a path.
        const target = new URL(routes.postgrestUrl);
        target.pathname = url.pathname.slice('/rest/v1'.length) || '/';
        target.search = url.search;
        return proxy(req, res, target, apiKey, cors);
      }
      if (url.pathname.startsWith('/auth/v1/')) {
        for (const [k, v] of Object.entries(cors)) res.setHeader(k, v);
        return await routes.auth(req, res, url.pathname.slice('/auth/v1'.length), url.searchParams);
      }
      return sendJson(res, 404, { message: `No route for ${url.pathname}` }, cors);
    } catch (error) {
      sendError(res, error, routes.log, cors);
    }
  });
  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    // Browsers send an Origin with every WebSocket and apply no CORS to it: checked here.
    const refused = refusal(req, routes);
    if (refused) return refuseUpgrade(socket, 403, refused);
    const url = requestUrl(req);
    if (url.pathname !== '/realtime/v1/websocket' || !routes.realtimeUpgrade)
      return refuseUpgrade(socket, 404, `No route for ${url.pathname}`);
    // The same key check as the HTTP routes; realtime-js sends the key as a query parameter.
    const apiKey = await checkApiKey(req, url, routes.jwtSecret);
    if (typeof apiKey !== 'string') return refuseUpgrade(socket, apiKey.status, apiKey.message);
    routes.realtimeUpgrade(req, socket, head);
  }
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node removes its own error handler from an upgraded socket; a reset must not crash the stack.
    socket.on('error', () => socket.destroy());
    // An upgrade's failure is the client's answer, never the process's end.
    upgrade(req, socket, head).catch((error: unknown) => failUpgrade(socket, error, routes.log));
  });
  // Node closes idle keep-alive sockets after 5 s; a client (Node's fetch in scripts and tests)
  // that reuses one as it closes gets ECONNRESET and does not retry a POST. Keep them longer than
  // clients keep theirs, as hosted gateways do (headersTimeout must exceed keepAliveTimeout).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}
