// In sandbox mode the numbers are simulated in-process: say what that means before anyone connects one.
export function SandboxExplainer() {
  return (
    <div className="sandbox-banner sandbox-explainer" role="note" aria-label="About the sandbox">
      <p>
        <strong>Sandbox</strong> This server runs in sandbox mode: your workspace’s sandbox number talks to a built-in
        WhatsApp simulator, not to Meta. Its customers are simulated; open the customer phone to write to your inbox
        as one of them. Nothing reaches real WhatsApp users.
      </p>
    </div>
  );
}
