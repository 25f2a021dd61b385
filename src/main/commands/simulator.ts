import { createSimulator } from '../../../simulator';

/** `whatgrow simulator`: the first stdout line is {"url": …}; the process then serves until stopped. */
export async function runSimulator(port: number): Promise<void> {
  const simulator = await createSimulator({ port });
  process.stdout.write(`${JSON.stringify({ url: simulator.url })}\n`);
  const stop = async () => {
    await simulator.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
