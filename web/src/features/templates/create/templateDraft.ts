import { variablesOf, type Category, type LintIssue } from '../template';

export type ButtonType = 'QUICK_REPLY' | 'URL' | 'PHONE_NUMBER';
export type DraftButton = { id: number; type: ButtonType; text: string; url: string; phone: string };

export type Draft = {
  name: string;
  language: string;
  category: Category;
  header: string;
  headerExample: string;
  body: string;
  bodyExamples: Record<string, string>;
  footer: string;
  buttons: DraftButton[];
};

export const emptyDraft: Draft = { name: '', language: 'en_US', category: 'UTILITY', header: '', headerExample: '', body: '', bodyExamples: {}, footer: '', buttons: [] };

// A form field the server's issues are shown next to: the fixed ones, or a button's ("button.<n>.text").
export type FieldKey = 'name' | 'language' | 'category' | 'header' | 'body' | 'footer' | 'buttons' | `button.${number}.${'text' | 'url' | 'phone'}`;

type Built = { request: { name: string; language: string; category: Category; components: Record<string, unknown>[] }; fieldOf: (path: string) => FieldKey | null };

// The draft as POST /templates wants it (Meta's component shape, with one example per variable), and the
// way back from an issue's path ("components.1.text", "body.components.2.buttons.0.url") to a field.
export function buildRequest(draft: Draft, channelId?: string): Built & { request: { channelId?: string } } {
  const components: Record<string, unknown>[] = [];
  const fields: FieldKey[] = [];
  if (draft.header.trim()) {
    const examples = variablesOf(draft.header).length ? { example: { header_text: [draft.headerExample] } } : {};
    components.push({ type: 'HEADER', format: 'TEXT', text: draft.header, ...examples });
    fields.push('header');
  }
  const bodyVars = variablesOf(draft.body);
  components.push({ type: 'BODY', text: draft.body, ...(bodyVars.length ? { example: { body_text: [bodyVars.map((v) => draft.bodyExamples[v] ?? '')] } } : {}) });
  fields.push('body');
  if (draft.footer.trim()) {
    components.push({ type: 'FOOTER', text: draft.footer });
    fields.push('footer');
  }
  if (draft.buttons.length) {
    components.push({ type: 'BUTTONS', buttons: draft.buttons.map(toButton) });
    fields.push('buttons');
  }
  const request = { ...(channelId ? { channelId } : {}), name: draft.name.trim(), language: draft.language, category: draft.category, components };
  return { request, fieldOf: (path) => fieldFor(path, fields) };
}

function toButton(b: DraftButton): Record<string, unknown> {
  if (b.type === 'URL') return { type: 'URL', text: b.text, url: b.url };
  if (b.type === 'PHONE_NUMBER') return { type: 'PHONE_NUMBER', text: b.text, phone_number: b.phone };
  return { type: 'QUICK_REPLY', text: b.text };
}

function fieldFor(path: string, fields: FieldKey[]): FieldKey | null {
  const parts = path.split('.');
  // Schema issues are prefixed with where they were found ("body"); the linter's are not.
  if (parts[0] === 'body' && parts.length > 1) parts.shift();
  const [first, index, sub, button, leaf] = parts;
  if (first === 'name' || first === 'language' || first === 'category') return first;
  if (first !== 'components' || index === undefined) return null;
  const field = fields[Number(index)];
  if (!field) return null;
  if (field === 'buttons' && sub === 'buttons' && button !== undefined) {
    if (leaf === 'text') return `button.${Number(button)}.text`;
    if (leaf === 'url') return `button.${Number(button)}.url`;
    if (leaf === 'phone_number') return `button.${Number(button)}.phone`;
  }
  return field;
}

// Several issues may name one field (a body both too long and ending on a variable): all are shown.
export function spreadIssues(issues: LintIssue[], fieldOf: (path: string) => FieldKey | null): { fields: Partial<Record<FieldKey, string[]>>; form: string[] } {
  const result: { fields: Partial<Record<FieldKey, string[]>>; form: string[] } = { fields: {}, form: [] };
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    if (field) (result.fields[field] ??= []).push(issue.message);
    else result.form.push(issue.path && issue.path !== 'components' ? `${issue.path}: ${issue.message}` : issue.message);
  }
  return result;
}
