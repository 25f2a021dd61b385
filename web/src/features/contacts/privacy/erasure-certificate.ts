// The signed erasure certificate DELETE /api/v1/contacts/:id answers (src/modules/privacy/privacy.routes.ts).

export type ErasureCertificate = {
  certificate: {
    id: string;
    subject: { type: 'contact'; id: string };
    erasedAt: string;
    erasedBy: { type: string; id: string | null };
    keysDestroyed: string[];
    erased: Record<string, number>;
    retained: Record<string, number>;
  };
  signature: { algorithm: 'Ed25519'; keyId: string; publicKey: string; value: string };
};

/** Saves the certificate as the JSON file `whatgrow verify-certificate` checks. */
export function downloadCertificate(document: ErasureCertificate): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' }));
  const link = Object.assign(window.document.createElement('a'), { href: url, download: `erasure-certificate-${document.certificate.id}.json` });
  link.click();
  URL.revokeObjectURL(url);
}
