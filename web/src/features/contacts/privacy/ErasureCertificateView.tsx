import { Link } from '../../../app/navigation';
import { formatDateTime } from '../../../ui/formatDate';
import { downloadCertificate, type ErasureCertificate } from './erasure-certificate';

// What replaces the contact page once the person is erased: the signed certificate, to keep.
export function ErasureCertificateView({ document }: { document: ErasureCertificate }) {
  const { certificate, signature } = document;
  const erased = Object.entries(certificate.erased).filter(([, n]) => n > 0);
  return (
    <section aria-labelledby="erased-title">
      <h1 id="erased-title" tabIndex={-1} ref={(heading) => heading?.focus()}>Contact erased</h1>
      <p role="status">
        Their data keys were destroyed, then every record, file and queued job about them was deleted. Keep the signed
        certificate below as proof; anyone can check it offline with <code>whatgrow verify-certificate</code>.
      </p>
      <dl className="details">
        <dt>Certificate</dt><dd>{certificate.id}</dd>
        <dt>Erased</dt><dd>{formatDateTime(certificate.erasedAt)}</dd>
        <dt>Keys destroyed</dt><dd>{certificate.keysDestroyed.length}</dd>
        <dt>Signed by key</dt><dd>{signature.keyId}</dd>
      </dl>
      <h2>What was erased</h2>
      <ul className="erased-counts">
        {erased.map(([kind, n]) => <li key={kind}>{kind}: {n}</li>)}
      </ul>
      <p>
        <button type="button" className="button button-primary" onClick={() => downloadCertificate(document)}>Download the certificate</button>
      </p>
      <p><Link to="/app/contacts">Back to contacts</Link></p>
    </section>
  );
}
