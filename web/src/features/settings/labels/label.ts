import type { ApiBody, ApiItem } from '../../../app/apiSchema';

export type Label = ApiItem<'/api/v1/labels'>;
export type LabelInput = Required<ApiBody<'/api/v1/labels', 'post'>>;

export const LABELS_PATH = '/labels?limit=200';
// The server's default colour for a label created without one.
export const DEFAULT_LABEL_COLOR = '#0b6e4f';
