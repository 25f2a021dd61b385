import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from './load-config';

const key = Buffer.alloc(32, 7).toString('base64');

test('defaults follow the contract: port 3000, embedded database under ./data, sandbox mode', () => {
  const config = loadConfig({});
  assert.equal(config.port, 3000);
  assert.equal(config.databaseUrl, undefined);
  assert.equal(config.dataDir, './data');
  assert.equal(config.whatsappMode, 'sandbox');
  assert.equal(config.publicUrl, 'http://127.0.0.1:3000');
  assert.equal(loadConfig({ PORT: '8080' }).publicUrl, 'http://127.0.0.1:8080');
});

test('a bad value names its variable', () => {
  const cases: [Record<string, string>, string][] = [
    [{ PORT: 'eighty' }, 'PORT'],
    [{ MASTER_KEY: 'too-short' }, 'MASTER_KEY'],
    [{ WHATSAPP_MODE: 'production' }, 'WHATSAPP_MODE'],
    [{ DATABASE_URL: 'mysql://x' , MASTER_KEY: key }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://localhost/db' }, 'MASTER_KEY'],
    [{ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL'],
  ];
  for (const [env, variable] of cases) {
    assert.throws(() => loadConfig(env), (error: unknown) => error instanceof ConfigError && error.problems.some((p) => p.variable === variable) && error.message.includes(variable));
  }
});

test('a PostgreSQL URL with a master key is accepted; empty values count as unset', () => {
  const config = loadConfig({ DATABASE_URL: 'postgresql://u@h:5432/db', MASTER_KEY: key, LOG_LEVEL: '' });
  assert.equal(config.databaseUrl, 'postgresql://u@h:5432/db');
  assert.equal(config.logLevel, 'info');
});

test('private outbound URLs are refused unless OUTBOUND_ALLOW_PRIVATE_URLS (or its older name) says otherwise', () => {
  assert.equal(loadConfig({}).outboundAllowPrivateUrls, false);
  assert.equal(loadConfig({ OUTBOUND_ALLOW_PRIVATE_URLS: 'true' }).outboundAllowPrivateUrls, true);
  assert.equal(loadConfig({ WEBHOOKS_ALLOW_PRIVATE_URLS: '1' }).outboundAllowPrivateUrls, true);
  assert.equal(loadConfig({ WEBHOOKS_ALLOW_PRIVATE_URLS: 'true', OUTBOUND_ALLOW_PRIVATE_URLS: 'false' }).outboundAllowPrivateUrls, false, 'the current name wins');
});

test('Google: the client id and secret come together; the issuer and People API default to Google\'s', () => {
  const none = loadConfig({});
  assert.equal(none.google, null);
  assert.equal(none.googleIssuerUrl, 'https://accounts.google.com');
  assert.equal(none.googlePeopleApiUrl, 'https://people.googleapis.com');
  const set = loadConfig({ GOOGLE_CLIENT_ID: 'id.apps.googleusercontent.com', GOOGLE_CLIENT_SECRET: 's3cret', GOOGLE_ISSUER_URL: 'https://issuer.example/' });
  assert.deepEqual([set.google, set.googleIssuerUrl], [{ clientId: 'id.apps.googleusercontent.com', clientSecret: 's3cret' }, 'https://issuer.example']);
  assert.throws(() => loadConfig({ GOOGLE_CLIENT_ID: 'id' }), (error: ConfigError) => error.problems.some((p) => p.variable === 'GOOGLE_CLIENT_SECRET'));
});
