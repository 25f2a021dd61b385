import { Command, Option } from 'commander';
import { ConfigError, loadConfig } from '../platform/config';
import { MasterKeyMismatchError, MasterKeyMissingError } from '../platform/crypto';
import { DataDirLockedError } from '../platform/db';
import { createLogger } from '../platform/logging';
import { createWorkspaceFromCli } from './commands/workspace-create';
import { runMigrate } from './commands/migrate';
import { runServe } from './commands/serve';
import { runVerifyCertificate } from './commands/verify-certificate';
import { runAnalyticsRebuild } from './commands/analytics-rebuild';
import { runSimulatorCommand } from '../../simulator';

/** Known operator errors end with one clear line on stderr and exit code 1, never a stack trace. */
async function run(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    const known = [ConfigError, DataDirLockedError, MasterKeyMismatchError, MasterKeyMissingError].some((type) => error instanceof type);
    if (known || (error as { userFacing?: boolean }).userFacing) {
      console.error(`whatgrow: ${(error as Error).message}`);
    } else {
      console.error(`whatgrow: unexpected error: ${(error as Error).stack ?? String(error)}`);
    }
    process.exit(1);
  }
}

const context = () => {
  const config = loadConfig();
  return { config, logger: createLogger({ level: config.logLevel }) };
};

const program = new Command('whatgrow').description('WhatGrowPro: WhatsApp Business messaging platform').showHelpAfterError();

program.command('serve').description('API, worker and dashboard in one process (what npm start runs)').action(() => run(() => runServe(context(), { api: true, worker: true })));
program.command('api').description('the HTTP API and dashboard only').action(() => run(() => runServe(context(), { api: true, worker: false })));
program.command('worker').description('background jobs only').action(() => run(() => runServe(context(), { api: false, worker: true })));
program.command('migrate').description('apply database migrations').action(() => run(() => runMigrate(context())));

program
  .command('workspace')
  .description('manage workspaces')
  .command('create')
  .description('create a workspace with an owner and an owner API key')
  .requiredOption('--name <name>', 'workspace name')
  .requiredOption('--owner-email <email>', "owner's email (an existing account must give its password)")
  .requiredOption('--owner-password <password>', "owner's password (at least 10 characters)")
  .option('--owner-name <name>', "owner's name")
  .option('--json', 'print {"workspaceId", "apiKey"} as JSON')
  .action((options) => run(() => createWorkspaceFromCli(context(), options)));

program
  .command('verify-certificate')
  .description('check a signed erasure certificate offline (prints a JSON verdict; exit code 1 when invalid)')
  .argument('<file>', 'the certificate, as DELETE /api/v1/contacts/:id answered it')
  .option('--public-key <key>', 'the published key (GET /api/v1/privacy/certificate-key): PEM or base64url, or a file holding it')
  .action((file: string, options: { publicKey?: string }) => run(async () => runVerifyCertificate(file, options)));

program
  .command('analytics')
  .description('analytics rollups')
  .command('rebuild')
  .description('rebuild the figures from the source tables (all workspaces unless --workspace)')
  .option('--workspace <id>', 'one workspace')
  .action((options: { workspace?: string }) => run(() => runAnalyticsRebuild(context(), options)));

program
  .command('simulator')
  .description('the WhatsApp Cloud API simulator alone')
  .addOption(new Option('--port <port>', 'port (0 picks a free one)').default('0'))
  .action((options) => run(async () => void (await runSimulatorCommand({ port: Number(options.port) }))));

await program.parseAsync(process.argv);
