// What a Graph handler sees: the node/edge path without the version, the version (response
// shapes differ by version), the caller's token and the base URL to build media URLs from.
import type { SimulatorEngine } from '../engine/engine';
import type { MultipartPart } from './media/multipart';

export interface GraphRequest {
  engine: SimulatorEngine;
  method: string;
  segments: string[];
  /** `v24.0`, or null when the path had no version (the number's default applies). */
  version: string | null;
  query: Record<string, string | undefined>;
  body: unknown;
  token: string | null;
  /** Graph root as the caller reached it, e.g. `http://127.0.0.1:3000/sandbox/graph`. */
  baseUrl: string;
}

export interface GraphReply {
  status: number;
  json?: unknown;
  /** JSON already in Meta's encoding (the send path builds its small answer directly). */
  encoded?: string;
  file?: { contentType: string; data: Buffer };
}

/** The body of a multipart/form-data request, as the content-type parser hands it over. */
export interface MultipartBody {
  multipart: MultipartPart[];
}

export function isMultipartBody(body: unknown): body is MultipartBody {
  return typeof body === 'object' && body !== null && Array.isArray((body as MultipartBody).multipart);
}

export const ok = (json: unknown): GraphReply => ({ status: 200, json });
