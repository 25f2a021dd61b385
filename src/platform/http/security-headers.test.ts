import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { SWAGGER_UI_STYLE_HASH } from './security-headers';

let plain: TestApp;
let https: TestApp;
before(async () => {
  plain = await startTestApp();
  https = await startTestApp({ PUBLIC_URL: 'https://app.example.com' });
});
after(async () => {
  await plain.close();
  await https.close();
});

const csp = (headers: Headers) => Object.fromEntries((headers.get('content-security-policy') ?? '').split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));

test('the dashboard, the docs and the API carry CSP, frame denial, nosniff and a referrer policy', async () => {
  const responses = {
    dashboard: await plain.anonymous.get('/'),
    'dashboard route': await plain.anonymous.get('/app/inbox'),
    docs: await plain.anonymous.get('/docs'),
    'docs script': await plain.anonymous.get('/docs/static/swagger-initializer.js'),
    'api 401': await plain.anonymous.get('/api/v1/me'),
    'api 404': await plain.anonymous.get('/api/v1/no-such-thing'),
    health: await plain.anonymous.get('/healthz'),
  };
  for (const [what, response] of Object.entries(responses)) {
    const policy = csp(response.headers);
    assert.deepEqual(policy['default-src'], ["'self'"], what);
    assert.deepEqual(policy['script-src'], ["'self'"], `${what}: no inline or foreign script`);
    assert.deepEqual(policy['frame-ancestors'], ["'none'"], what);
    assert.deepEqual(policy['object-src'], ["'none'"], what);
    assert.equal(policy['upgrade-insecure-requests'], undefined, `${what}: plain HTTP is not upgraded`);
    assert.equal(response.headers.get('x-frame-options'), 'DENY', what);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff', what);
    assert.equal(response.headers.get('referrer-policy'), 'same-origin', what);
    assert.equal(response.headers.get('strict-transport-security'), null, `${what}: no HSTS over plain HTTP`);
  }
  assert.deepEqual(csp(responses.dashboard.headers)['style-src'], ["'self'"]);
  assert.deepEqual(csp(responses.docs.headers)['style-src'], ["'self'", SWAGGER_UI_STYLE_HASH], "swagger-ui's one inline style, by hash");
});

test('served over https: HSTS, and insecure requests are upgraded', async () => {
  for (const path of ['/', '/docs', '/api/v1/me']) {
    const response = await https.anonymous.get(path);
    assert.match(response.headers.get('strict-transport-security') ?? '', /max-age=31536000; includeSubDomains/, path);
    assert.deepEqual(csp(response.headers)['upgrade-insecure-requests'], [], path);
  }
});
