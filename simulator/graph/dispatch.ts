// Graph is an object API: the first path segment names a node (phone number, WABA,
// template, medium) and the second an edge. This resolves the node the caller's token may
// see and routes to its handler. A token no number knows is 190 (HTTP 401); a node the
// token may not see is indistinguishable from one that does not exist (100, subcode 33).
import { GraphError, unknownObject } from './graph-error';
import type { GraphReply, GraphRequest } from './graph-request';
import { sendMessage } from './send-message';
import { deleteMedia, downloadMedia, mediaInfo, uploadMedia } from './media/media-api';
import { phoneNumberInfo, wabaInfo, wabaPhoneNumbers } from './phone-number-info';
import { createTemplate, deleteTemplates, editTemplate, getTemplate, listTemplates, unpauseTemplate } from './templates/template-api';

/** Management calls count against the WABA's hourly quota (80007 beyond it). */
function withinQuota(req: GraphRequest, wabaId: string): void {
  if (!req.engine.wabaQuota.tryTake(wabaId, req.engine.clock.nowMs())) throw new GraphError(80007);
}

function unsupported(req: GraphRequest): Error {
  return unknownObject(req.segments.join('/'), req.method);
}

export function dispatchGraph(req: GraphRequest): GraphReply {
  const { engine, method, segments } = req;
  const [node = '', edge, extra] = segments;
  if (node === 'whatsapp_business' && edge === 'attachments' && method === 'GET') return downloadMedia(req);
  if (!req.token) throw new GraphError(190, 'An access token is required to request this resource.');
  if (extra !== undefined) throw unsupported(req);

  // The hot path first: a number's own token on its own node.
  const number = engine.numbers.get(node);
  if (number && number.config.accessToken === req.token) {
    if (edge === 'messages' && method === 'POST') return sendMessage(req, number);
    if (edge === 'media' && method === 'POST') return uploadMedia(req, number);
    if (edge === undefined && method === 'GET') {
      withinQuota(req, number.wabaId);
      return phoneNumberInfo(req, number);
    }
    throw unsupported(req);
  }
  if (!engine.numbers.isKnownToken(req.token)) throw new GraphError(190);

  const wabaNumbers = engine.numbers.inWaba(node);
  if (wabaNumbers.some((n) => n.config.accessToken === req.token)) {
    withinQuota(req, node);
    if (edge === 'message_templates') {
      if (method === 'GET') return listTemplates(req, node);
      if (method === 'POST') return createTemplate(req, node);
      if (method === 'DELETE') return deleteTemplates(req, node);
    }
    if (edge === 'phone_numbers' && method === 'GET') return wabaPhoneNumbers(req, node);
    if (edge === undefined && method === 'GET') return wabaInfo(req, node);
    throw unsupported(req);
  }

  const template = engine.templates.get(node);
  if (template && engine.numbers.inWaba(template.wabaId).some((n) => n.config.accessToken === req.token)) {
    withinQuota(req, template.wabaId);
    if (edge === undefined && method === 'GET') return getTemplate(req, template);
    if (edge === undefined && method === 'POST') return editTemplate(req, template);
    if (edge === 'unpause' && method === 'POST') return unpauseTemplate(req, template);
    throw unsupported(req);
  }

  const media = engine.media.get(node);
  if (media && engine.numbers.get(media.ownerPhoneNumberId)?.config.accessToken === req.token) {
    if (edge === undefined && method === 'GET') return mediaInfo(req, media);
    if (edge === undefined && method === 'DELETE') return deleteMedia(req, media);
  }
  throw unsupported(req);
}
