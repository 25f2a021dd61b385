// The template languages businesses use most (Meta's codes); Meta supports more, added here as needed.
export const LANGUAGES = [
  ['en_US', 'English (US)'],
  ['en_GB', 'English (UK)'],
  ['es', 'Spanish'],
  ['es_MX', 'Spanish (Mexico)'],
  ['pt_BR', 'Portuguese (Brazil)'],
  ['pt_PT', 'Portuguese (Portugal)'],
  ['fr', 'French'],
  ['de', 'German'],
  ['it', 'Italian'],
  ['nl', 'Dutch'],
  ['ar', 'Arabic'],
  ['hi', 'Hindi'],
  ['id', 'Indonesian'],
  ['tr', 'Turkish'],
].map(([value, label]) => ({ value: value!, label: `${label} · ${value}` }));
