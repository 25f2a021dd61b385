// The campaign bench's simulator in a process of its own, as Meta is on other machines: its
// CPU (parsing sends, signing and posting status webhooks) is not charged to the product's
// process. First stdout line: {"url": …}.
import { runSimulatorCommand } from '../../simulator/cli';

await runSimulatorCommand({ port: 0, templateReviewMs: 5 });
