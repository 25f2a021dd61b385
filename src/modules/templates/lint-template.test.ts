import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintTemplate, type TemplateInput } from './lint-template';

const base = (components: Record<string, unknown>[], category: TemplateInput['category'] = 'UTILITY'): TemplateInput => ({ name: 'order_update', language: 'en_US', category, components });
const paths = (t: TemplateInput) => lintTemplate(t).errors.map((e) => `${e.path}: ${e.message}`);

test('a well-formed template passes', () => {
  const r = lintTemplate(base([
    { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['A-1'] } },
    { type: 'BODY', text: 'Hi {{1}}, your order {{2}} has shipped.', example: { body_text: [['Ann', 'A-1']] } },
    { type: 'FOOTER', text: 'Reply STOP to opt out' },
    { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Thanks' }, { type: 'URL', text: 'Track', url: 'https://x.example/t/{{1}}' }] },
  ]));
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.warnings, []);
});

test('variables: contiguous from 1, with examples, not leading or trailing', () => {
  assert.ok(paths(base([{ type: 'BODY', text: 'Hi {{1}}, order {{3}} shipped.', example: { body_text: [['a', 'b']] } }])).some((p) => p.includes('without gaps')));
  assert.ok(paths(base([{ type: 'BODY', text: 'Hi {{1}} and {{2}} ok.', example: { body_text: [['a']] } }])).some((p) => p.includes('one example per variable')));
  assert.ok(paths(base([{ type: 'BODY', text: '{{1}} your order shipped', example: { body_text: [['a']] } }])).some((p) => p.includes('start or end')));
  assert.ok(paths(base([{ type: 'BODY', text: 'Your order shipped {{1}}', example: { body_text: [['a']] } }])).some((p) => p.includes('start or end')));
});

test('lengths, counts and button rules', () => {
  assert.ok(paths(base([{ type: 'BODY', text: 'x'.repeat(1025) }])).some((p) => p.includes('1024')));
  assert.ok(paths(base([{ type: 'HEADER', format: 'TEXT', text: 'h'.repeat(61) }, { type: 'BODY', text: 'ok' }])).some((p) => p.includes('60')));
  assert.ok(paths(base([{ type: 'FOOTER', text: 'f' }])).some((p) => p.includes('BODY component is required')));
  const url = { type: 'URL', text: 'Go', url: 'https://x.example' };
  assert.ok(paths(base([{ type: 'BODY', text: 'ok' }, { type: 'BUTTONS', buttons: [url, url, url] }])).some((p) => p.includes('2 URL')));
  const q = { type: 'QUICK_REPLY', text: 'Yes' };
  assert.ok(paths(base([{ type: 'BODY', text: 'ok' }, { type: 'BUTTONS', buttons: [q, url, q] }])).some((p) => p.includes('grouped')));
  assert.ok(paths(base([{ type: 'BODY', text: 'ok' }, { type: 'BUTTONS', buttons: Array(11).fill(q) }])).some((p) => p.includes('10 buttons')));
  assert.ok(paths({ ...base([{ type: 'BODY', text: 'ok' }]), name: 'Bad Name' }).some((p) => p.startsWith('name')));
});

test('promotional wording in a utility template is flagged as a category risk', () => {
  const r = lintTemplate(base([{ type: 'BODY', text: 'Your order shipped. Enjoy 20% off your next purchase with this discount!' }]));
  assert.deepEqual(r.errors, []);
  assert.match(r.warnings[0]!.message, /MARKETING/);
});
