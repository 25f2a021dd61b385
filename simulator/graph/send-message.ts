// POST /<PHONE_NUMBER_ID>/messages: the hot path. Validates, enforces throughput (130429)
// and the pair rate (131056), checks templates, applies armed faults, then accepts with a
// wamid. What Meta reports later — closed window 131047, bad media 131053, bad reaction
// target 131009, async faults — becomes a `failed` status webhook instead of an error here.
import { GraphError } from './graph-error';
import type { GraphReply, GraphRequest } from './graph-request';
import { encodeMetaJson } from '../webhooks/meta-json';
import { isObj, type Obj } from './validate/checks';
import { validateSendRequest, type SendRequest } from './validate/send-request';
import { markRead } from './mark-read';
import { resolveTemplateSend, type RenderedTemplate } from './templates/resolve-template-send';
import type { Template } from './templates/template-store';
import { mediaFitsMessageType } from './media/media-types';
import type { BusinessNumber } from '../engine/numbers';
import { customerKey, inFreeEntryWindow, isWindowOpen, windowExpiresAtSec, type Customer } from '../engine/customers';
import { canonicalWaId, isBsuid } from '../engine/wa-id';
import { outboundWamid } from '../engine/wamid';
import type { Fault } from '../engine/faults';
import type { SentRecord } from '../engine/sent-log';
import { scheduleFailure, scheduleStatuses, type OutboundMessage } from '../webhooks/status-emitter';
import type { Billing, BillingCategory } from '../webhooks/pricing';

const REACTION_MAX_AGE_SEC = 30 * 24 * 3600;

export function sendMessage(req: GraphRequest, number: BusinessNumber): GraphReply {
  if (isObj(req.body) && req.body.status === 'read') return markRead(req, number);
  const { engine } = req;
  const send = validateSendRequest(req.body);
  const bsuid = isBsuid(send.to);
  const waId = bsuid ? '' : canonicalWaId(send.to);
  const allowed = number.config.allowedRecipients;
  if (allowed && !allowed.some((r) => canonicalWaId(r) === waId)) throw new GraphError(131030);
  if (waId && waId === number.displayDigits) throw new GraphError(131021);

  const nowMs = engine.clock.nowMs();
  if (!number.throughput.tryTake(nowMs)) throw new GraphError(130429);
  if (!number.tryTakePair(waId || send.to, nowMs)) throw new GraphError(131056);
  const resolved = send.type === 'template' ? resolveTemplateSend(engine.templates, number.wabaId, send.payload as Obj) : null;
  const fault = number.faults.take();
  if (fault?.delivery === 'sync') throw new GraphError(fault.code, fault.details);

  const customer = number.customers.findOrCreate(bsuid ? send.to : waId, bsuid);
  const wamid = outboundWamid(engine.random, waId || send.to);
  const nowSec = Math.floor(nowMs / 1000);
  const failure = asyncFailure(req, number, customer, send, fault, nowSec);
  const held = resolved?.template.pacing === true && !failure;
  const record: SentRecord = { wamid, to: send.to, waId: customer.waId, type: send.type, body: req.body, acceptedAt: nowSec };
  if (failure) record.failedWithCode = failure.code;
  number.sentLog.add(record);
  showOnPhone(number, customer, send, wamid, nowSec, resolved?.rendered, held, failure !== null);

  const msg: OutboundMessage = {
    wamid,
    number,
    customer,
    billing: billingOf(customer, resolved?.template, nowSec, !failure),
    reaction: send.type === 'reaction',
    voice: send.type === 'audio' && (send.payload as Obj).voice === true,
  };
  if (send.bizOpaque !== undefined) msg.bizOpaque = send.bizOpaque;
  if (failure) scheduleFailure(engine, msg, failure.code, failure.details);
  else if (held) holdForPacing(req, msg, resolved!.template);
  else scheduleStatuses(engine, msg);

  return { status: 200, encoded: acceptedResponse(send.to, customer.phoneHidden || bsuid ? '' : customer.waId, bsuid, wamid, held) };
}

/** {"messaging_product":"whatsapp","contacts":[{"input","wa_id"(,"user_id")}],"messages":[{"id"(,"message_status")}]}, built directly. */
function acceptedResponse(input: string, waId: string, bsuid: boolean, wamid: string, held: boolean): string {
  const contact = `{"input":${encodeMetaJson(input)},"wa_id":"${waId}"${bsuid ? `,"user_id":${encodeMetaJson(input)}` : ''}}`;
  // Base64 wamids are ASCII; only their slashes need Meta's escape.
  const message = `{"id":"${wamid.replaceAll('/', '\\/')}"${held ? ',"message_status":"held_for_quality_assessment"' : ''}}`;
  return `{"messaging_product":"whatsapp","contacts":[${contact}],"messages":[${message}]}`;
}

function asyncFailure(
  req: GraphRequest,
  number: BusinessNumber,
  customer: Customer,
  send: SendRequest,
  fault: Fault | null,
  nowSec: number,
): { code: number; details?: string } | null {
  if (fault) return fault.details === undefined ? { code: fault.code } : { code: fault.code, details: fault.details };
  if (send.type !== 'template' && !isWindowOpen(customer, nowSec)) return { code: 131047 };
  const payload = send.payload as Obj;
  if (typeof payload.id === 'string' && send.type !== 'reaction') {
    const media = req.engine.media.get(payload.id);
    if (!media || media.ownerPhoneNumberId !== number.id) return { code: 131053, details: `Media id ${payload.id} was not uploaded by this phone number.` };
    if (!mediaFitsMessageType(media.mimeType, send.type)) return { code: 131053, details: `Media of type ${media.mimeType} cannot be sent as ${send.type}.` };
  }
  if (send.type === 'reaction') {
    const target = number.chats.find(payload.message_id as string);
    const tooOld = target && nowSec - target.item.timestamp > REACTION_MAX_AGE_SEC;
    if (!target || target.customer !== customerKey(customer) || tooOld) return { code: 131009, details: 'The message to react to is unknown, deleted or older than 30 days.' };
  }
  return null;
}

function showOnPhone(
  number: BusinessNumber,
  customer: Customer,
  send: SendRequest,
  wamid: string,
  nowSec: number,
  rendered: RenderedTemplate | undefined,
  held: boolean,
  failed: boolean,
): void {
  if (send.type === 'reaction') {
    if (!failed) {
      const r = send.payload as Obj;
      number.chats.react(r.message_id as string, 'business', r.emoji as string);
    }
    return;
  }
  number.chats.add(customerKey(customer), {
    wamid,
    from: 'business',
    type: send.type,
    timestamp: nowSec,
    content: send.payload,
    status: held ? 'held' : 'accepted',
    ...(rendered ? { rendered } : {}),
    ...(send.contextMessageId ? { contextId: send.contextMessageId } : {}),
  });
}

function billingOf(customer: Customer, template: Template | undefined, nowSec: number, delivered: boolean): Billing {
  const windowOpen = isWindowOpen(customer, nowSec);
  // Only a message that goes out opens a free-entry-point window.
  const freeEntry = delivered && windowOpen && inFreeEntryWindow(customer, nowSec);
  const category = (template ? template.category.toLowerCase() : 'service') as BillingCategory;
  const expiresAtSec = freeEntry ? customer.freeEntryUntilSec! : (windowExpiresAtSec(customer) ?? nowSec + 24 * 3600);
  return { category, windowOpen, freeEntry, conversationId: null, expiresAtSec };
}

/** Paced templates are held, then go out — or fail with 132015 if the template got paused meanwhile. */
function holdForPacing(req: GraphRequest, msg: OutboundMessage, template: Template): void {
  const { engine } = req;
  engine.later(engine.options.pacingHoldMs, () => {
    const paused = template.status === 'PAUSED' || template.status === 'DISABLED';
    if (paused) scheduleFailure(engine, msg, 132015, 'The template was paused while the message was held for quality assessment.');
    else scheduleStatuses(engine, msg);
  });
}
