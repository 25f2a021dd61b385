import { after, before } from 'node:test';
import { startTestApp, type TestApp } from '../../../test-support/test-app';
import type { HttpClient } from '../../../test-support/http-client';
import { startInboundHarness } from './inbound-harness';

export type InboundHarness = Awaited<ReturnType<typeof startInboundHarness>>;

export interface InboundFixture {
  readonly t: TestApp;
  /** The signed-up owner's session. */
  readonly api: HttpClient;
  readonly h: InboundHarness;
}

/**
 * The inbound tests' shared set-up: the product, a signed-up owner and the inbound harness, closed
 * after the file. A file's own set-up goes in `seed`, not in a second top-level `before`: Node 20
 * starts the root's `before` hooks without waiting for the previous one to finish.
 */
export function useInboundFixture(seed?: (fixture: InboundFixture) => Promise<void>): InboundFixture {
  let state: { t: TestApp; api: HttpClient; h: InboundHarness } | undefined;
  let app: TestApp | undefined;
  before(async () => {
    app = await startTestApp();
    const owner = await app.signUp();
    state = { t: app, api: owner.client, h: await startInboundHarness(app, owner.client) };
    await seed?.(fixture);
  });
  after(async () => {
    await state?.h.close();
    await app?.close();
  });
  const ready = () => {
    if (!state) throw new Error('the inbound fixture is used before its set-up ran');
    return state;
  };
  const fixture: InboundFixture = {
    get t() {
      return ready().t;
    },
    get api() {
      return ready().api;
    },
    get h() {
      return ready().h;
    },
  };
  return fixture;
}
