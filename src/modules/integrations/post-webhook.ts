import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { isPrivateAddress } from './webhook-url';

export interface PostResult {
  statusCode: number | null;
  durationMs: number;
  /** A short, content-free reason when no 2xx came back. */
  error: string | null;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** Resolves like the default lookup, then refuses private addresses (checked at connect time). */
function guardedLookup(hostname: string, options: object, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const list = addresses as LookupAddress[];
    if (list.some((a) => isPrivateAddress(a.address))) {
      return callback(Object.assign(new Error('target resolves to a private address'), { code: 'EPRIVATE' }), []);
    }
    const all = (options as { all?: boolean }).all;
    if (all) return callback(null, list);
    callback(null, list[0]!.address, list[0]!.family);
  });
}

/** One POST: no redirects followed, a hard timeout, the response body read and discarded. */
export function postWebhook(target: string, body: string, headers: Record<string, string>, options: { timeoutMs: number; allowPrivate: boolean }): Promise<PostResult> {
  const started = performance.now();
  const url = new URL(target);
  const done = (statusCode: number | null, error: string | null): PostResult => ({ statusCode, durationMs: Math.round(performance.now() - started), error });
  if (!options.allowPrivate && isIP(url.hostname.replace(/^\[|\]$/g, '')) && isPrivateAddress(url.hostname)) return Promise.resolve(done(null, 'target is a private address'));
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const request = transport.request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body).toString(), 'user-agent': 'WhatGrowPro-Webhooks/1', ...headers },
        timeout: options.timeoutMs,
        ...(options.allowPrivate ? {} : { lookup: guardedLookup as never }),
      },
      (response) => {
        let received = 0;
        response.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > 64 * 1024) response.destroy();
        });
        response.on('close', () => {
          const status = response.statusCode ?? null;
          resolve(done(status, status !== null && status >= 200 && status < 300 ? null : `HTTP ${status}`));
        });
      },
    );
    request.on('timeout', () => request.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    request.on('error', (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'EPRIVATE' ? 'target resolves to a private address' : error.code === 'ETIMEDOUT' ? `timed out after ${options.timeoutMs} ms` : `network error ${error.code ?? 'unknown'}`;
      resolve(done(null, reason));
    });
    request.end(body);
  });
}
