// Template lifecycle changes and the webhooks Meta sends for them:
// message_template_status_update, message_template_quality_update, template_category_update.
// Triggered by the review timer, by POST /_sim/templates/:id, or by the Graph API.
import type { EngineState } from '../../engine/engine-state';
import { SimError } from '../../engine/sim-error';
import { emitAccountField } from '../../control/emit-webhook';
import type { QualityScore, Template, TemplateCategory, TemplateStatus } from './template-store';

export interface TemplateChange {
  status?: TemplateStatus;
  /** Rejection or event reason (`NONE` when absent). */
  reason?: string;
  quality?: QualityScore;
  category?: TemplateCategory;
  pacing?: boolean;
}

export function changeTemplate(engine: EngineState, templateId: string, change: TemplateChange): Template {
  const t = engine.templates.get(templateId);
  if (!t) throw new SimError(404, 'template_not_found', `No template ${templateId}.`);
  if (change.pacing !== undefined) t.pacing = change.pacing;
  if (change.quality !== undefined && change.quality !== t.qualityScore) {
    const previous = t.qualityScore;
    t.qualityScore = change.quality;
    t.qualityDateSec = engine.clock.nowSeconds();
    emitAccountField(engine, t.wabaId, 'message_template_quality_update', {
      previous_quality_score: previous,
      new_quality_score: t.qualityScore,
      message_template_id: Number(t.id),
      message_template_name: t.name,
      message_template_language: t.language,
    });
  }
  if (change.category !== undefined && change.category !== t.category) {
    const previous = t.category;
    t.category = change.category;
    emitAccountField(engine, t.wabaId, 'template_category_update', {
      message_template_id: Number(t.id),
      message_template_name: t.name,
      message_template_language: t.language,
      previous_category: previous,
      new_category: t.category,
    });
  }
  if (change.status !== undefined) setTemplateStatus(engine, t, change.status, change.reason);
  return t;
}

export function setTemplateStatus(engine: EngineState, t: Template, status: TemplateStatus, reason?: string): void {
  const previous = t.status;
  t.status = status;
  if (status === 'REJECTED') t.rejectedReason = reason ?? 'INVALID_FORMAT';
  const value: Record<string, unknown> = {
    event: status,
    message_template_id: Number(t.id),
    message_template_name: t.name,
    message_template_language: t.language,
    reason: status === 'PENDING_DELETION' ? null : (reason ?? 'NONE'),
    message_template_category: t.category,
  };
  if (status === 'PAUSED') {
    t.pauses += 1;
    const title = t.pauses === 1 ? 'FIRST_PAUSE' : 'SECOND_PAUSE';
    value.other_info = { title, description: `Your message template has been paused for ${t.pauses === 1 ? 3 : 6} hours due to low quality.` };
  } else if (status === 'APPROVED' && previous === 'PAUSED') {
    value.other_info = { title: 'UNPAUSE', description: 'Your message template has been unpaused.' };
  } else if (status === 'DISABLED') {
    value.disable_info = { disable_date: engine.clock.nowSeconds() };
  } else if (status === 'REJECTED') {
    value.rejection_info = { reason: t.rejectedReason, recommendation: 'Review the template guidelines and submit a new template.' };
  }
  emitAccountField(engine, t.wabaId, 'message_template_status_update', value);
}
