import type { IncomingMessage, ServerResponse } from 'node:http';
import { recordingWav } from './demo/recordings';
import { BadRequestError, sendJson } from './http';

/**
 * Supabase Storage's public-object URL shape, serving the demo call recordings so they play offline.
 * Byte ranges are honoured: browsers need them to seek in an <audio> element.
 */
export function serveRecording(
  req: IncomingMessage,
  res: ServerResponse,
  encodedPath: string,
  cors: Record<string, string>,
): void {
  const match = /^recordings\/([\w.-]+)$/.exec(decodePath(encodedPath));
  const body = match ? recordingWav(match[1]!) : undefined;
  if (!body)
    return sendJson(
      res,
      404,
      { statusCode: '404', error: 'not_found', message: 'Object not found' },
      cors,
    );

  const headers = {
    ...cors,
    'Content-Type': 'audio/wav',
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'public, max-age=3600',
  };
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  if (!range || (range[1] === '' && range[2] === '')) {
    res.writeHead(200, { ...headers, 'Content-Length': body.length });
    return void res.end(req.method === 'HEAD' ? undefined : body);
  }
  // "bytes=-N" asks for the last N bytes.
  const start = range[1] === '' ? Math.max(0, body.length - Number(range[2])) : Number(range[1]);
  const end =
    range[1] !== '' && range[2] !== ''
      ? Math.min(Number(range[2]), body.length - 1)
      : body.length - 1;
  if (start > end || start >= body.length) {
    res.writeHead(416, { ...headers, 'Content-Range': `bytes */${body.length}` });
    return void res.end();
  }
  res.writeHead(206, {
    ...headers,
    'Content-Range': `bytes ${start}-${end}/${body.length}`,
    'Content-Length': end - start + 1,
  });
  res.end(req.method === 'HEAD' ? undefined : body.subarray(start, end + 1));
}

function decodePath(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    throw new BadRequestError('Malformed %-escape in the object path');
  }
}
