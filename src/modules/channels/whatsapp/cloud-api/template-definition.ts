/**
 * A template as submitted to `POST /<WABA_ID>/message_templates` (reference §5). Linting
 * belongs to the templates module; these types only keep Meta's names and shapes.
 */

export type TemplateCategory = 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';

export interface NamedParamExample {
  param_name: string;
  example: string;
}

export interface TemplateHeaderDefinition {
  type: 'HEADER';
  format: 'TEXT' | 'IMAGE' | 'VIDEO' | 'GIF' | 'DOCUMENT' | 'LOCATION';
  text?: string;
  example?: {
    header_text?: string[];
    header_text_named_params?: NamedParamExample[];
    /** From the Resumable Upload API, not from `/media`. */
    header_handle?: string[];
  };
}

export interface TemplateBodyDefinition {
  type: 'BODY';
  text?: string;
  /** Note the nesting: one array of examples per set of values. */
  example?: { body_text?: string[][]; body_text_named_params?: NamedParamExample[] };
  /** Authentication templates. */
  add_security_recommendation?: boolean;
}

export interface TemplateFooterDefinition {
  type: 'FOOTER';
  text?: string;
  /** Authentication templates. */
  code_expiration_minutes?: number;
}

export type TemplateButtonDefinition =
  | { type: 'QUICK_REPLY'; text: string }
  | { type: 'URL'; text: string; url: string; example?: string[] }
  | { type: 'PHONE_NUMBER'; text: string; phone_number: string }
  | { type: 'COPY_CODE'; example: string }
  | { type: 'OTP'; otp_type: 'COPY_CODE' | 'ONE_TAP' | 'ZERO_TAP'; text?: string; [key: string]: unknown }
  | { type: 'FLOW'; text: string; flow_id?: string; flow_name?: string; flow_json?: string; flow_action?: 'navigate' | 'data_exchange'; navigate_screen?: string };

export interface TemplateButtonsDefinition {
  type: 'BUTTONS';
  buttons: TemplateButtonDefinition[];
}

export type TemplateComponentDefinition =
  | TemplateHeaderDefinition
  | TemplateBodyDefinition
  | TemplateFooterDefinition
  | TemplateButtonsDefinition;

export interface TemplateDefinition {
  name: string;
  language: string;
  category: TemplateCategory;
  parameter_format?: 'POSITIONAL' | 'NAMED';
  components: TemplateComponentDefinition[];
}
