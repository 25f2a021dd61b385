/* global document, window */
// The customer-phone page: pick a simulated customer of a business number, watch the
// business's messages arrive (polling), and answer as that customer. Everything the
// customer does goes through POST /_sim/inbound and reaches the business as a signed webhook.
import { api, config, sendAsCustomer } from './api.js';
import { el } from './dom.js';
import { renderItem } from './render.js';
import { setReply, setupComposer } from './compose.js';

const $ = (id) => document.getElementById(id);
const POLL_MS = 1500;
const state = { customer: null, customers: [], version: -1, replyTo: null, timer: null };

function notify(message) {
  const box = $('notice');
  box.textContent = message || '';
  box.hidden = !message;
}

const actions = {
  reply: (item) => setReply(state, item),
  // An empty emoji removes the customer's reaction.
  react: (item, emoji) => act(() => sendAsCustomer(state.customer, 'reaction', { message_id: item.wamid, emoji })),
  interactive: (item, reply) => act(() => sendAsCustomer(state.customer, 'interactive', reply, { context: { id: item.wamid } })),
  quickReply: (item, button) => act(() => sendAsCustomer(state.customer, 'button', { payload: button.payload || button.text, text: button.text }, { context: { id: item.wamid } })),
};

async function act(work) {
  try {
    await work();
    await refresh();
  } catch (err) {
    notify(err.message);
  }
}

async function refresh() {
  if (!state.customer) return;
  const id = encodeURIComponent(state.customer.id);
  const chat = await api(`/phone/${encodeURIComponent(config.phoneNumberId)}/chats/${id}?since=${state.version}`);
  if (chat.unchanged) return;
  const firstLoad = state.version < 0;
  state.version = chat.version;
  const list = $('messages');
  const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  list.replaceChildren(...chat.items.map((item) => renderItem(item, actions)));
  if (!chat.items.length) list.append(el('li', { className: 'empty muted' }, 'No messages yet. Say hello to the business!'));
  if (nearBottom || firstLoad) list.scrollTop = list.scrollHeight;
}

async function poll() {
  try {
    await refresh();
    notify('');
  } catch (err) {
    notify(`Cannot reach the simulator: ${err.message}`);
  }
  state.timer = setTimeout(poll, POLL_MS);
}

function selectCustomer(id) {
  state.customer = state.customers.find((c) => c.id === id) || state.customers[0] || null;
  state.version = -1;
  setReply(state, null);
  $('customer-select').value = state.customer ? state.customer.id : '';
  clearTimeout(state.timer);
  poll();
}

async function loadCustomers(preferredId) {
  const data = await api(`/phone/${encodeURIComponent(config.phoneNumberId)}`);
  state.customers = data.customers;
  // This is the customer's phone: the chat is titled with the business they talk to.
  $('chat-title').textContent = data.number.verifiedName;
  $('chat-subtitle').textContent = data.number.displayPhoneNumber;
  const select = $('customer-select');
  select.replaceChildren(...data.customers.map((c) => el('option', { value: c.id }, `${c.name || 'Customer'} (+${c.waId || c.userId})`)));
  selectCustomer(preferredId || (state.customer && state.customer.id) || (data.customers[0] && data.customers[0].id));
}

/** Without a number in the URL, an unguarded simulator lets you pick one; a guarded one says where links come from. */
async function listNumbers() {
  try {
    const { numbers } = await api('/numbers');
    if (!numbers.length) return notify('No business number is registered with the simulator yet.');
    const links = numbers.map((n) => el('li', {}, el('a', { href: `?phoneNumberId=${encodeURIComponent(n.phoneNumberId)}` }, `${n.verifiedName || 'Business'} (${n.displayPhoneNumber})`)));
    $('messages').replaceChildren(el('li', { className: 'empty' }, 'Choose a business number:'), ...links);
  } catch {
    notify('Open this page from the dashboard: its link carries the number and its key.');
  }
}

async function start() {
  if (!config.phoneNumberId) {
    await listNumbers();
    return;
  }
  $('customer-select').addEventListener('change', (event) => selectCustomer(event.target.value));
  setupComposer(state, { refresh, notify, reloadCustomers: loadCustomers });
  try {
    await loadCustomers();
  } catch (err) {
    notify(err.message);
  }
}

if (document.readyState === 'loading') window.addEventListener('DOMContentLoaded', start);
else start();
