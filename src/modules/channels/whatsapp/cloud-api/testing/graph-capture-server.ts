/**
 * Test-only: a real HTTP server standing in for Meta at the network edge. It records each
 * request exactly as it arrived (method, path, headers, raw body bytes) and answers with
 * whatever the test scripted, including hanging or cutting the connection.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedRequest {
  method: string;
  /** Path with query string, as sent. */
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
}

export type CannedAnswer =
  | { status: number; json: unknown; headers?: Record<string, string> }
  | { status: number; text: string | Buffer; headers?: Record<string, string> }
  /** Never answer (the client's deadline must fire). */
  | { hang: true }
  /** Close the connection without answering. */
  | { destroy: true };

export interface CaptureServer {
  url: string;
  requests: CapturedRequest[];
  close(): Promise<void>;
}

export async function startCaptureServer(
  answer: (request: CapturedRequest) => CannedAnswer | Promise<CannedAnswer>,
): Promise<CaptureServer> {
  const requests: CapturedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const captured = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, rawBody: Buffer.concat(chunks) };
      requests.push(captured);
      const canned = await answer(captured);
      if ('hang' in canned) return;
      if ('destroy' in canned) {
        req.socket.destroy();
        return;
      }
      const isJson = 'json' in canned;
      const body = Buffer.from(isJson ? JSON.stringify(canned.json) : canned.text);
      res.writeHead(canned.status, { 'content-type': isJson ? 'application/json' : 'text/html', 'content-length': body.length, ...canned.headers });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Meta's answer to an accepted send (reference §2.1). */
export function acceptedSend(to: string, wamid = 'wamid.HBgLMTYzMTU1NTExODEVAgARGBJGNzM0RDhBQkRBODk1RTZDRjkA'): CannedAnswer {
  return {
    status: 200,
    json: { messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to.replace(/\D/g, '') }], messages: [{ id: wamid }] },
  };
}

/** Meta's Graph error envelope (reference §1). */
export function graphError(status: number, code: number, title: string, details?: string): CannedAnswer {
  return {
    status,
    json: {
      error: {
        message: `(#${code}) ${title}`,
        type: 'OAuthException',
        code,
        ...(details === undefined ? {} : { error_data: { messaging_product: 'whatsapp', details } }),
        fbtrace_id: 'Az8or2yhqkZfEZ-_4Qn_Bam',
      },
    },
  };
}
