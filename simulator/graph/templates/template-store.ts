// Message templates per WABA, with Meta's lifecycle state (status, quality, pacing).

export type TemplateStatus =
  | 'PENDING' | 'APPROVED' | 'REJECTED' | 'PAUSED' | 'DISABLED' | 'IN_APPEAL' | 'PENDING_DELETION'
  | 'DELETED' | 'LIMIT_EXCEEDED' | 'ARCHIVED' | 'FLAGGED' | 'REINSTATED' | 'LOCKED';
export type TemplateCategory = 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';
export type QualityScore = 'GREEN' | 'YELLOW' | 'RED' | 'UNKNOWN';

export interface TemplateComponent {
  type: string;
  format?: string;
  text?: string;
  buttons?: Array<Record<string, unknown> & { type: string; text?: string; url?: string }>;
  [key: string]: unknown;
}

export interface Template {
  id: string;
  wabaId: string;
  name: string;
  language: string;
  category: TemplateCategory;
  parameterFormat: 'POSITIONAL' | 'NAMED';
  components: TemplateComponent[];
  status: TemplateStatus;
  qualityScore: QualityScore;
  qualityDateSec: number;
  rejectedReason: string;
  /** Sends are held for quality assessment (pacing) instead of going out at once. */
  pacing: boolean;
  /** Pauses so far: the first pauses 3 h, the second 6 h, the third disables. */
  pauses: number;
}

export const TEMPLATE_LIMIT_PER_WABA = 250;

export class TemplateStore {
  private byId = new Map<string, Template>();
  /** waba + name + language → template; the send path looks templates up by name. */
  private byName = new Map<string, Template>();

  add(template: Template): void {
    this.byId.set(template.id, template);
    this.byName.set(nameKey(template.wabaId, template.name, template.language), template);
  }

  get(id: string): Template | undefined {
    return this.byId.get(id);
  }

  listByWaba(wabaId: string): Template[] {
    return [...this.byId.values()].filter((t) => t.wabaId === wabaId && t.status !== 'DELETED');
  }

  find(wabaId: string, name: string, language: string): Template | undefined {
    const t = this.byName.get(nameKey(wabaId, name, language));
    return t && t.status !== 'DELETED' ? t : undefined;
  }

  remove(id: string): void {
    const t = this.byId.get(id);
    if (!t) return;
    this.byId.delete(id);
    const key = nameKey(t.wabaId, t.name, t.language);
    if (this.byName.get(key) === t) this.byName.delete(key);
  }
}

function nameKey(wabaId: string, name: string, language: string): string {
  return `${wabaId}\n${name}\n${language}`;
}

/** Template API shape (GET /<WABA>/message_templates and GET /<TEMPLATE_ID>). */
export function templateToGraph(t: Template): Record<string, unknown> {
  return {
    name: t.name,
    parameter_format: t.parameterFormat,
    components: t.components,
    language: t.language,
    status: t.status,
    category: t.category,
    quality_score: { score: t.qualityScore, date: t.qualityDateSec },
    rejected_reason: t.rejectedReason,
    id: t.id,
  };
}
