// Interactive messages (reference §2.3): reply buttons, lists, CTA URL and flows, with
// Meta's limits. Other interactive kinds (product lists, catalog, location requests, ...)
// are accepted with a body check only.
import { invalidParam, invalidValue, missingParam } from '../graph-error';
import { httpUrl, isObj, oneOf, optObj, optString, reqArray, reqObj, reqString, unique, type Obj } from './checks';

const KINDS = [
  'button', 'list', 'cta_url', 'flow', 'product', 'product_list', 'catalog_message', 'location_request_message',
  'call_permission_request', 'carousel', 'address_message',
] as const;

export function validateInteractive(interactive: Obj): void {
  const kind = oneOf(reqString(interactive, 'type', "interactive['type']"), KINDS, "interactive['type']");
  const bodyLimit = kind === 'list' ? 4096 : 1024;
  const needsBody = kind !== 'product' && kind !== 'carousel';
  const body = needsBody ? reqObj(interactive, 'body', "interactive['body']") : optObj(interactive, 'body', "interactive['body']");
  if (body) reqString(body, 'text', "interactive['body']['text']", bodyLimit);
  const footer = optObj(interactive, 'footer', "interactive['footer']");
  if (footer) reqString(footer, 'text', "interactive['footer']['text']", 60);
  const header = optObj(interactive, 'header', "interactive['header']");
  if (header) validateHeader(header, kind);
  const action = reqObj(interactive, 'action', "interactive['action']");
  if (kind === 'button') validateButtons(action);
  else if (kind === 'list') validateList(action);
  else if (kind === 'cta_url') validateCtaUrl(action);
  else if (kind === 'flow') validateFlow(action);
}

function validateHeader(header: Obj, kind: string): void {
  const type = reqString(header, 'type', "interactive['header']['type']");
  const allowed = kind === 'list' ? (['text'] as const) : (['text', 'image', 'video', 'document'] as const);
  oneOf(type, allowed, "interactive['header']['type']");
  if (type === 'text') return void reqString(header, 'text', "interactive['header']['text']", 60);
  const media = reqObj(header, type, `interactive['header']['${type}']`);
  if (!media.id && !media.link) throw missingParam(`The parameter interactive['header']['${type}']['id'] or ['link'] is required.`);
  if (typeof media.link === 'string') httpUrl(media.link, `interactive['header']['${type}']['link']`);
}

function validateButtons(action: Obj): void {
  const buttons = reqArray(action, 'buttons', "interactive['action']['buttons']", 1, 3);
  const ids: string[] = [];
  const titles: string[] = [];
  buttons.forEach((b, i) => {
    const path = `interactive['action']['buttons'][${i}]`;
    if (!isObj(b)) throw invalidParam(`Param ${path} must be a JSON object.`);
    oneOf(reqString(b, 'type', `${path}['type']`), ['reply'] as const, `${path}['type']`);
    const reply = reqObj(b, 'reply', `${path}['reply']`);
    ids.push(reqString(reply, 'id', `${path}['reply']['id']`, 256));
    titles.push(reqString(reply, 'title', `${path}['reply']['title']`, 20));
  });
  unique(ids, "interactive['action']['buttons'][*]['reply']['id']");
  unique(titles, "interactive['action']['buttons'][*]['reply']['title']");
}

function validateList(action: Obj): void {
  reqString(action, 'button', "interactive['action']['button']", 20);
  const sections = reqArray(action, 'sections', "interactive['action']['sections']", 1, 10);
  const rowIds: string[] = [];
  sections.forEach((s, i) => {
    const path = `interactive['action']['sections'][${i}]`;
    if (!isObj(s)) throw invalidParam(`Param ${path} must be a JSON object.`);
    if (sections.length > 1) reqString(s, 'title', `${path}['title']`, 24);
    else optString(s, 'title', `${path}['title']`, 24);
    reqArray(s, 'rows', `${path}['rows']`, 1, 10).forEach((r, j) => {
      const rowPath = `${path}['rows'][${j}]`;
      if (!isObj(r)) throw invalidParam(`Param ${rowPath} must be a JSON object.`);
      rowIds.push(reqString(r, 'id', `${rowPath}['id']`, 200));
      reqString(r, 'title', `${rowPath}['title']`, 24);
      optString(r, 'description', `${rowPath}['description']`, 72);
    });
  });
  if (rowIds.length > 10) throw invalidValue('Total row count exceed max allowed count: 10');
  unique(rowIds, "interactive['action']['sections'][*]['rows'][*]['id']");
}

function validateCtaUrl(action: Obj): void {
  oneOf(reqString(action, 'name', "interactive['action']['name']"), ['cta_url'] as const, "interactive['action']['name']");
  const params = reqObj(action, 'parameters', "interactive['action']['parameters']");
  reqString(params, 'display_text', "interactive['action']['parameters']['display_text']", 20);
  httpUrl(reqString(params, 'url', "interactive['action']['parameters']['url']"), "interactive['action']['parameters']['url']");
}

function validateFlow(action: Obj): void {
  oneOf(reqString(action, 'name', "interactive['action']['name']"), ['flow'] as const, "interactive['action']['name']");
  const p = reqObj(action, 'parameters', "interactive['action']['parameters']");
  const path = "interactive['action']['parameters']";
  const version = p.flow_message_version;
  if (version === undefined) throw missingParam(`The parameter ${path}['flow_message_version'] is required.`);
  if (String(version) !== '3') throw invalidValue(`Param ${path}['flow_message_version'] must be 3.`);
  const hasId = p.flow_id !== undefined;
  const hasName = p.flow_name !== undefined;
  if (hasId === hasName) throw invalidParam(`Param ${path} must have exactly one of flow_id and flow_name.`);
  reqString(p, 'flow_cta', `${path}['flow_cta']`, 30);
  optString(p, 'flow_token', `${path}['flow_token']`);
  if (p.mode !== undefined) oneOf(String(p.mode), ['published', 'draft'] as const, `${path}['mode']`);
  if (p.flow_action !== undefined) oneOf(String(p.flow_action), ['navigate', 'data_exchange'] as const, `${path}['flow_action']`);
}
