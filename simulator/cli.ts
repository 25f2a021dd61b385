// What `whatgrow simulator [--port N]` runs: start the standalone simulator, print
// `{"url": "http://127.0.0.1:<port>"}` as the first stdout line (scripts read it to find
// the port when --port 0 picked one), log to stderr, and close cleanly on SIGINT/SIGTERM.
import { createSimulator, type CreateSimulatorOptions, type RunningSimulator } from './http/create-simulator';

export interface SimulatorCommandOptions extends CreateSimulatorOptions {
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
  /** Install SIGINT/SIGTERM handlers that close the simulator and exit (default true). */
  handleSignals?: boolean;
}

export async function runSimulatorCommand(opts: SimulatorCommandOptions = {}): Promise<RunningSimulator> {
  const { stdout = process.stdout, stderr = process.stderr, handleSignals = true, ...options } = opts;
  const sim = await createSimulator(options);
  stdout.write(`{"url": ${JSON.stringify(sim.url)}}\n`);
  stderr.write(`WhatsApp Cloud API simulator at ${sim.url} (Graph API at /vNN.N/..., control API at /_sim, customer phone at /phone)\n`);
  if (handleSignals) {
    const stop = () => {
      void sim.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
  return sim;
}
