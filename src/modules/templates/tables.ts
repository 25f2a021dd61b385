/** The `templates` table (created by 0005, extended by 0008). */
export interface TemplateRow {
  workspace_id: string;
  id: string;
  waba_id: string;
  meta_template_id: string;
  name: string;
  language: string;
  category: string | null;
  status: string | null;
  quality: string | null;
  rejected_reason: string | null;
  components: unknown;
  parameter_format: string | null;
  synced_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface TemplateTables {
  templates: TemplateRow;
}
