// Per-type checks of the send body's type object (reference §2.2): text, media, location,
// contacts and reaction.
import { invalidParam, invalidValue, missingParam } from '../graph-error';
import { httpUrl, isObj, optBoolean, optString, reqArray, reqString, type Obj } from './checks';

export function validateText(text: Obj): void {
  reqString(text, 'body', "text['body']", 4096);
  optBoolean(text, 'preview_url', "text['preview_url']");
}

const CAPTIONED = new Set(['image', 'video', 'document']);

/** Media by `id` (uploaded to this number) or `link`, exactly one of them. */
export function validateMedia(type: string, media: Obj): void {
  const id = optString(media, 'id', `${type}['id']`);
  const link = optString(media, 'link', `${type}['link']`);
  if (!id && !link) throw missingParam(`The parameter ${type}['id'] or ${type}['link'] is required.`);
  if (id && link) throw invalidParam(`Param ${type} must have either id or link, not both.`);
  if (link) httpUrl(link, `${type}['link']`);
  if (media.caption !== undefined) {
    if (!CAPTIONED.has(type)) throw invalidParam(`Param ${type}['caption'] is not supported for ${type} messages.`);
    optString(media, 'caption', `${type}['caption']`, 1024);
  }
  if (type === 'document') optString(media, 'filename', "document['filename']", 240);
  if (type === 'audio') optBoolean(media, 'voice', "audio['voice']");
}

/** Latitude and longitude arrive as numbers (older docs) or numeric strings (current docs). */
export function validateLocation(loc: Obj): void {
  coordinate(loc, 'latitude', 90);
  coordinate(loc, 'longitude', 180);
  optString(loc, 'name', "location['name']", 1000);
  optString(loc, 'address', "location['address']", 1000);
}

function coordinate(loc: Obj, key: string, limit: number): void {
  const v = loc[key];
  if (v === undefined || v === null || v === '') throw missingParam(`The parameter location['${key}'] is required.`);
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  if (!Number.isFinite(n) || Math.abs(n) > limit) throw invalidValue(`Param location['${key}'] must be a number between -${limit} and ${limit}.`);
}

export function validateContacts(contacts: unknown[]): void {
  contacts.forEach((card, i) => {
    const path = `contacts[${i}]`;
    if (!isObj(card)) throw invalidParam(`Param ${path} must be a JSON object.`);
    const name = card.name;
    if (!isObj(name)) throw missingParam(`The parameter ${path}['name'] is required.`);
    reqString(name, 'formatted_name', `${path}['name']['formatted_name']`);
    for (const list of ['phones', 'emails', 'urls', 'addresses'] as const) {
      if (card[list] !== undefined) reqArray(card, list, `${path}['${list}']`, 0).forEach((entry, j) => {
        if (!isObj(entry)) throw invalidParam(`Param ${path}['${list}'][${j}] must be a JSON object.`);
      });
    }
  });
}

export function validateReaction(reaction: Obj): void {
  reqString(reaction, 'message_id', "reaction['message_id']");
  const emoji = reaction.emoji;
  // An empty emoji removes the business's earlier reaction.
  if (emoji === undefined || emoji === null) throw missingParam("The parameter reaction['emoji'] is required.");
  if (typeof emoji !== 'string' || emoji.length > 16) throw invalidValue("Param reaction['emoji'] must be a single emoji.");
}
