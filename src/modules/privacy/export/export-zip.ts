import { ZipArchive } from 'archiver';
import type { Readable } from 'node:stream';
import type { ContactExport } from './export-contact';
import { summaryHtml } from './summary-html';

/** The export as a ZIP stream: export.json, summary.html, then the media files at the paths export.json names. */
export function exportZip(contactExport: ContactExport): Readable {
  const archive = new ZipArchive({ zlib: { level: 6 } });
  archive.append(JSON.stringify(contactExport.document, null, 2), { name: 'export.json' });
  archive.append(summaryHtml(contactExport.document), { name: 'summary.html' });
  for (const file of contactExport.files) archive.append(file.bytes, { name: file.path });
  void archive.finalize();
  return archive;
}
