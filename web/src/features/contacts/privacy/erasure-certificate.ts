// The signed erasure certificate DELETE /api/v1/contacts/:id answers, from the generated API types.
import type { ApiResponse } from '../../../app/apiSchema';

export type ErasureCertificate = ApiResponse<'/api/v1/contacts/{id}', 'delete'>;

/** Saves the certificate as the JSON file `whatgrow verify-certificate` checks. */
export function downloadCertificate(document: ErasureCertificate): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' }));
  const link = Object.assign(window.document.createElement('a'), { href: url, download: `erasure-certificate-${document.certificate.id}.json` });
  link.click();
  URL.revokeObjectURL(url);
}
