/* global document, FileReader */
// The customer's side of the conversation: typed replies (optionally quoting a message),
// a photo, a location, and adding a simulated customer.
import { api, config, sendAsCustomer } from './api.js';

const $ = (id) => document.getElementById(id);

function readAsBase64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] || '');
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export function setupComposer(state, { refresh, notify, reloadCustomers }) {
  const run = async (work) => {
    try {
      await work();
      await refresh();
    } catch (err) {
      notify(err.message);
    }
  };
  const customer = () => state.customer;

  $('composer').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = $('message-input');
    const body = input.value.trim();
    if (!body || !customer()) return;
    const extra = state.replyTo ? { context: { id: state.replyTo } } : {};
    run(async () => {
      await sendAsCustomer(customer(), 'text', { body }, extra);
      input.value = '';
      setReply(state, null);
    });
  });

  $('cancel-reply').addEventListener('click', () => setReply(state, null));

  $('image-input').addEventListener('change', (event) => {
    const file = event.target.files && event.target.files[0];
    event.target.value = '';
    if (!file || !customer()) return;
    if (file.size > 5 * 1024 * 1024) return notify('Images may be at most 5 MB.');
    run(async () => {
      const data = await readAsBase64(file);
      await sendAsCustomer(customer(), 'image', { data, mime_type: file.type || 'image/jpeg' });
    });
  });

  $('send-location').addEventListener('click', () => {
    if (!customer()) return;
    const latitude = Number($('lat-input').value);
    const longitude = Number($('long-input').value);
    const name = $('place-input').value.trim();
    run(async () => {
      await sendAsCustomer(customer(), 'location', { latitude, longitude, ...(name ? { name } : {}) });
      $('location-tool').open = false;
    });
  });

  $('add-customer').addEventListener('click', () => {
    const name = $('new-customer-name').value.trim();
    const waId = $('new-customer-phone').value.replace(/\D/g, '');
    if (!waId) return notify('Enter the new customer’s phone number (digits).');
    run(async () => {
      const { customer: created } = await api(`/phone/${encodeURIComponent(config.phoneNumberId)}/customers`, { method: 'POST', body: { waId, name } });
      $('customer-tool').open = false;
      await reloadCustomers(created.id);
    });
  });
}

export function setReply(state, item) {
  state.replyTo = item ? item.wamid : null;
  $('replying').hidden = !item;
  $('replying-text').textContent = item ? 'Replying to a message' : '';
  if (item) $('message-input').focus();
}
