// Envelope encryption throughput with a warm key cache: AES-256-GCM of 1 KB payloads through
// the keyring (cache lookup, header, AAD, seal), plus blind tokens. One core, PGlite.
// Usage: npm run bench -- crypto [seconds per measure, default 2]
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, newId, openDatabase, withTenant, type TenantTx } from '../../src/platform/db';
import { createKeyring } from '../../src/platform/crypto';

const seconds = Number(process.argv[2] ?? 2);
const dataDir = mkdtempSync(join(tmpdir(), 'whatgrow-bench-crypto-'));
const database = await openDatabase({ dataDir, skipLock: true });

async function rate(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 2000; i++) await fn(); // warm-up: JIT and key cache
  let count = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(seconds * 1e9);
  while (process.hrtime.bigint() < deadline) {
    for (let i = 0; i < 1000; i++) await fn();
    count += 1000;
  }
  return Math.round(count / (Number(process.hrtime.bigint() - start) / 1e9));
}

try {
  await migrate(database);
  const keyring = await createKeyring({ db: database.db, masterKey: randomBytes(32) });
  const workspaceId = newId();
  await database.db.insertInto('workspaces').values({ workspace_id: workspaceId, name: 'bench' }).execute();
  const payload = randomBytes(1024);
  const result = await withTenant(database.db, workspaceId, async (tx: TenantTx) => {
    const keyId = await keyring.createDataKey(tx, workspaceId, { type: 'contact', id: newId() });
    const sealed = await keyring.encrypt(tx, workspaceId, keyId, payload, 'message.body');
    const encrypt = await rate(() => keyring.encrypt(tx, workspaceId, keyId, payload, 'message.body'));
    const decrypt = await rate(() => keyring.decrypt(tx, workspaceId, sealed, 'message.body'));
    const blind = await rate(() => keyring.blindToken(tx, workspaceId, 'phone', '+16315551181'));
    return { encrypt, decrypt, blind };
  });
  const ingress = await rate(async () => keyring.encryptIngress(payload, 'webhook.envelope'));
  console.error(`encrypt 1 KB (warm cache):  ${result.encrypt.toLocaleString('en')}/s`);
  console.error(`decrypt 1 KB (warm cache):  ${result.decrypt.toLocaleString('en')}/s`);
  console.error(`blind token (phone):        ${result.blind.toLocaleString('en')}/s`);
  console.error(`ingress encrypt 1 KB:       ${ingress.toLocaleString('en')}/s`);
  console.log(
    JSON.stringify({
      bench: 'crypto',
      payloadBytes: 1024,
      encryptPerSec: result.encrypt,
      decryptPerSec: result.decrypt,
      blindTokenPerSec: result.blind,
      ingressEncryptPerSec: ingress,
    }),
  );
} finally {
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
