// The shape of a template send (reference §2.4), before the template itself is looked up.
import { invalidParam } from '../graph-error';
import { isObj, oneOf, reqArray, reqObj, reqString, optString, type Obj } from './checks';

const COMPONENT_TYPES = ['header', 'body', 'button', 'footer', 'carousel', 'limited_time_offer'] as const;
const PARAMETER_TYPES = [
  'text', 'currency', 'date_time', 'image', 'video', 'document', 'location', 'payload', 'coupon_code', 'action',
  'product', 'limited_time_offer', 'expiration_time_ms', 'ttl_minutes',
] as const;
const BUTTON_SUB_TYPES = ['quick_reply', 'url', 'copy_code', 'flow', 'catalog', 'mpm', 'voice_call', 'otp'] as const;

export function validateTemplateShape(template: Obj): void {
  reqString(template, 'name', "template['name']", 512);
  const language = reqObj(template, 'language', "template['language']");
  reqString(language, 'code', "template['language']['code']");
  optString(language, 'policy', "template['language']['policy']");
  if (template.components === undefined) return;
  reqArray(template, 'components', "template['components']", 0).forEach((c, i) => {
    const path = `template['components'][${i}]`;
    if (!isObj(c)) throw invalidParam(`Param ${path} must be a JSON object.`);
    const type = oneOf(reqString(c, 'type', `${path}['type']`).toLowerCase(), COMPONENT_TYPES, `${path}['type']`);
    if (type === 'button') {
      oneOf(reqString(c, 'sub_type', `${path}['sub_type']`).toLowerCase(), BUTTON_SUB_TYPES, `${path}['sub_type']`);
      const index = c.index;
      if (index === undefined || !/^\d+$/.test(String(index))) throw invalidParam(`Param ${path}['index'] must be a button position (0-9).`);
    }
    if (c.parameters === undefined) return;
    reqArray(c, 'parameters', `${path}['parameters']`, 0).forEach((p, j) => {
      const pPath = `${path}['parameters'][${j}]`;
      if (!isObj(p)) throw invalidParam(`Param ${pPath} must be a JSON object.`);
      const pType = oneOf(reqString(p, 'type', `${pPath}['type']`), PARAMETER_TYPES, `${pPath}['type']`);
      if (pType === 'text') {
        if (typeof p.text !== 'string') throw invalidParam(`Param ${pPath}['text'] must be a string.`);
      } else if (pType === 'currency') {
        const cur = reqObj(p, 'currency', `${pPath}['currency']`);
        reqString(cur, 'fallback_value', `${pPath}['currency']['fallback_value']`);
        reqString(cur, 'code', `${pPath}['currency']['code']`);
        if (!Number.isInteger(cur.amount_1000)) throw invalidParam(`Param ${pPath}['currency']['amount_1000'] must be an integer.`);
      } else if (pType === 'date_time') {
        reqString(reqObj(p, 'date_time', `${pPath}['date_time']`), 'fallback_value', `${pPath}['date_time']['fallback_value']`);
      } else if (pType === 'image' || pType === 'video' || pType === 'document') {
        const media = reqObj(p, pType, `${pPath}['${pType}']`);
        if (!media.id && !media.link) throw invalidParam(`Param ${pPath}['${pType}'] must have id or link.`);
      } else if (pType === 'payload' || pType === 'coupon_code') {
        reqString(p, pType, `${pPath}['${pType}']`);
      }
    });
  });
}
