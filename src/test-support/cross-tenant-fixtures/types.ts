import type { HttpClient } from '../http-client';
import type { TestApp } from '../test-app';

export interface Workspace {
  client: HttpClient;
  workspaceId: string;
  userId: string;
  email: string;
}

export interface CrossTenantFixture {
  /** The id of workspace A's resource that fills every path parameter. */
  id: string;
  /** Ids of other kinds of the same resource of A (e.g. an uploaded medium besides a customer's), which must 404 too. */
  alsoIds?: string[];
  /** A valid body for writes, so the request reaches the lookup instead of stopping at validation. */
  body?: unknown;
  /** Checks after the suite that A's resource is unchanged. */
  unchanged?: () => Promise<void>;
}

/**
 * One file per module in this folder exports `fixtures`: for each of its parametrized routes
 * ("METHOD /api/v1/…/:id"), a resource of workspace A. The cross-tenant suite discovers them.
 */
export type FixtureProvider = (context: { t: TestApp; a: Workspace; b: Workspace }) => Promise<Record<string, CrossTenantFixture>>;
