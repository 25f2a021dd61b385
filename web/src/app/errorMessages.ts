// What a person reads when the API refuses something: the API's codes stay in the API, and here, in one
// place, each code whose message speaks to developers (header names, endpoints, standards) becomes a
// sentence that says what to do. Codes not listed keep the server's message, already written for people.
const BY_CODE: Record<string, string> = {
  csrf_failed: 'Your session needs refreshing. Reload the page and try again.',
  origin_not_allowed: 'Your session needs refreshing. Reload the page and try again.',
  unknown_label: 'That label no longer exists. Reload the page, or create it again in Settings → Labels.',
  assignee_not_member: 'That person is no longer on your team. Reload the page and choose someone else.',
  channel_required: 'Choose which WhatsApp number to use, or connect one in Settings → Channels.',
  not_found: 'We could not find this; it may have just been deleted. Reload the page to see what is there now.',
  media_not_ready: 'The file is still arriving. Try again in a few seconds.',
  unauthenticated: 'You have been signed out. Log in again to continue.',
  internal_error: 'Something went wrong on our side. Please try again in a moment.',
};

// A form field the server found wrong, in words a shop owner uses.
const ISSUE_PATTERNS: [RegExp, string][] = [
  [/E\.164/, 'Type the phone number with its country code, for example +34 600 000 000.'],
  [/IANA/, 'Pick your time zone from the list, for example Europe/Madrid.'],
  [/#rrggbb/, 'Pick a colour with the colour picker.'],
  [/invalid email/i, 'Type an email address, for example name@example.com.'],
  [/expected string to have >=1 char|expected string, received undefined/i, 'Fill in this field.'],
  [/expected string to have <=(\d+)/i, 'This is too long: at most $1 characters.'],
  [/invalid url/i, 'Type a full web address, starting with https://'],
];

export function plainMessage(code: string, message: string): string {
  return BY_CODE[code] ?? message;
}

export function plainIssue(message: string): string {
  for (const [pattern, plain] of ISSUE_PATTERNS) {
    const match = pattern.exec(message);
    if (match) return plain.replace('$1', match[1] ?? '');
  }
  return message;
}
