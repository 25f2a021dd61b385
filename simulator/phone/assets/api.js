/* global document, window */
// Talks to the simulator's control API under the base the server put in the page.

const params = new URLSearchParams(window.location.search);
const metaBase = document.querySelector('meta[name="sim-api-base"]');

export const config = {
  apiBase: metaBase ? metaBase.getAttribute('content') : '',
  phoneNumberId: params.get('phoneNumberId') || '',
  key: params.get('key') || '',
};

export async function api(path, { method = 'GET', body } = {}) {
  const headers = { accept: 'application/json' };
  if (config.key) headers['x-sim-phone-key'] = config.key;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${config.apiBase}/_sim${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) {
    const message = data && data.error ? data.error.message : `HTTP ${res.status}`;
    throw new Error(message);
  }
  return data;
}

/** URL of a medium of this number, usable in <img src> (the key travels in the query). */
export function mediaUrl(mediaId) {
  const key = config.key ? `?key=${encodeURIComponent(config.key)}` : '';
  return `${config.apiBase}/_sim/phone/${encodeURIComponent(config.phoneNumberId)}/media/${encodeURIComponent(mediaId)}${key}`;
}

/** The customer sends something: it becomes a signed webhook to the business. */
export function sendAsCustomer(customer, type, object, extra = {}) {
  const body = { phoneNumberId: config.phoneNumberId, type, ...extra };
  if (customer.waId) body.from = customer.waId;
  else body.fromUserId = customer.userId;
  if (object !== undefined) body[type] = object;
  return api('/inbound', { method: 'POST', body });
}
