/**
 * Every Graph / Cloud API error code of the reference's §11 (plus 131062 from §13 and 2388039
 * from §5), with the class the platform acts on, a hint a person can act on, and retry advice.
 *
 * The four classes:
 * - `retryable`: the same request may succeed later; `retry` says when and how often.
 * - `needs_template`: only 131047 — the 24-hour window is closed; free-form cannot succeed.
 * - `auth_failed`: the token we hold is invalid, expired or lacks a permission
 *   (0, 190, 10, 131005, 200–299). Every later call with the same token fails the same way,
 *   and the only fix is to reconnect the channel (a new token with the permissions granted),
 *   so the caller should flag the channel, not just the message.
 * - `terminal`: everything else — user-level permanent failures, requests to fix, and
 *   account/ops problems. Code 3 ("capability") stays `terminal`: it is about the Meta app's
 *   own capabilities (app review, feature access), which reconnecting the channel does not fix.
 *   131048 (spam rate limit) and 368 (policy block) stay `terminal` although some projects
 *   retry them: retrying worsens the number's quality, which is what Meta is reacting to.
 */
import type { RetryPolicy } from './retry-policy';
import { exponential, fixed, powersOfFour } from './retry-policy';

export type GraphErrorClass = 'retryable' | 'terminal' | 'needs_template' | 'auth_failed';

export interface GraphErrorRule {
  class: GraphErrorClass;
  hint: string;
  retry?: RetryPolicy;
}

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

const reconnect = (why: string): GraphErrorRule => ({ class: 'auth_failed', hint: `${why}: reconnect the channel` });
const terminal = (hint: string): GraphErrorRule => ({ class: 'terminal', hint });
const retryable = (hint: string, retry: RetryPolicy): GraphErrorRule => ({ class: 'retryable', hint, retry });

export const graphErrorRules: ReadonlyMap<number, GraphErrorRule> = new Map<number, GraphErrorRule>([
  [0, reconnect('Meta could not authenticate the access token')],
  [1, retryable('Unknown Graph API error: retry once, then check the request', fixed(5 * SECOND, 1, 'request'))],
  [2, retryable("Meta's API is temporarily down or overloaded: retrying with backoff", exponential(5 * SECOND, 5, 'request'))],
  [3, terminal("The Meta app lacks the capability for this call: check the app's features and permissions in Meta's App Dashboard")],
  [4, retryable("The Meta app hit its Graph API call-rate limit: calls resume in a few minutes; check the app's usage", exponential(5 * MINUTE, 4, 'account'))],
  [10, reconnect('The access token lacks a permission this call needs (whatsapp_business_messaging or whatsapp_business_management)')],
  [33, terminal('The business phone number was deleted: connect a registered number')],
  [100, terminal('Meta rejected a parameter (unsupported, misspelled or too long): fix the request')],
  [190, reconnect('The access token expired or is invalid')],
  [368, terminal('The account is temporarily blocked for policy violations: see Business Support Home before sending again')],
  [80007, retryable('The WhatsApp Business Account hit its Graph API rate limit: calls resume in a few minutes', exponential(5 * MINUTE, 4, 'account'))],
  [130403, terminal('The business has blocked this customer: unblock them to send')],
  [130429, retryable("The number's message throughput (messages per second) was reached: slowing down and retrying", exponential(SECOND, 5, 'phone_number'))],
  [130472, terminal("The customer's number is part of a Meta experiment and cannot receive this marketing message")],
  [130497, terminal('The business account may not message customers in this country')],
  [131000, retryable('Meta reported an unknown error: retrying a few times', exponential(2 * SECOND, 3, 'request'))],
  [131005, reconnect('Access denied: the token lacks a permission or it was removed')],
  [131008, terminal('A required parameter is missing: fix the request')],
  [131009, terminal('A parameter value is invalid (for a reaction: the target message is unknown, too old or a reaction): fix the request')],
  [131016, retryable("Meta's service is temporarily unavailable: retrying", exponential(5 * SECOND, 3, 'request'))],
  [131021, terminal('The recipient is the sending number itself: send to another number')],
  [131026, terminal('The message could not be delivered: the number may not be on WhatsApp, use an old app, or not accept our terms; do not resend in a loop')],
  [131030, terminal('The recipient is not in the test number\'s allowed list: add them in the App Dashboard or use a production number')],
  [131031, terminal('The business account is locked: see Business Support Home')],
  [131037, terminal('The display name of this number is not approved yet: wait for approval')],
  [131042, terminal('There is a payment problem on the business account: fix the payment method in Business Manager')],
  [131045, terminal('The phone number is not correctly registered: register it again')],
  [131047, { class: 'needs_template', hint: 'More than 24 hours since the customer last wrote: send an approved template' }],
  [131048, terminal("Meta's spam rate limit was hit because of the number's quality: send less and improve quality before resuming")],
  [131049, terminal("Meta held back this marketing message to keep engagement healthy: wait at least 24 hours and send different content")],
  [131050, terminal('The customer stopped marketing messages: never send them marketing unless they opt back in')],
  [131051, terminal('This message type is not supported: send a supported type')],
  [131052, terminal("The customer's media could not be downloaded (too large?): ask them to send it again")],
  [131053, terminal('The media could not be processed (wrong MIME type, unsupported format or unreachable link): fix the media')],
  [131056, retryable('Too many messages to this customer in a short time: waiting before the next one to them (others are unaffected)', powersOfFour(SECOND, 5, 'recipient'))],
  [131057, retryable('The business account is in maintenance (for example a throughput upgrade): retrying in about a minute', fixed(MINUTE, 3, 'phone_number'))],
  [131062, terminal('This message cannot be sent to a business-scoped user id: send to the phone number instead')],
  [131063, terminal('Marketing templates are disabled on the Cloud API for this account: enable them or use the Marketing Messages API')],
  [131064, terminal('The messaging limit was reduced because of template classification violations: wait for the enforcement period to end')],
  [132000, terminal("The number of template parameters does not match the template's placeholders: fix the parameters")],
  [132001, terminal('The template does not exist in this language or is not approved: check its name, language and status')],
  [132005, terminal('The template text with its parameters is too long: shorten the parameters')],
  [132007, terminal("A template parameter breaks Meta's formatting policy: fix the parameter")],
  [132012, terminal("A template parameter has the wrong format for the template (text, media, currency…): fix the parameter")],
  [132015, terminal('The template is paused for low quality: edit it or wait until it is unpaused')],
  [132016, terminal('The template was permanently disabled for low quality: create a new template')],
  [132018, terminal('The template parameters failed validation: fix the parameters')],
  [132068, terminal('The Flow is blocked: fix the Flow in WhatsApp Manager')],
  [132069, retryable('The Flow was sent too often in the last hour: sending again later', fixed(15 * MINUTE, 4, 'request'))],
  [133000, terminal("The number's previous deregistration did not complete: deregister it again before registering")],
  [133004, retryable("Meta's server is temporarily unavailable: retrying", exponential(5 * SECOND, 5, 'request'))],
  [133005, terminal('The two-step verification PIN is wrong: enter the correct PIN')],
  [133006, terminal('The phone number must be verified again before registering')],
  [133008, terminal('Too many wrong two-step verification PIN guesses: wait for the lockout to end, then use the correct PIN')],
  [133009, retryable('The two-step verification PIN was tried too fast: trying again later', fixed(MINUTE, 1, 'phone_number'))],
  [133010, terminal('The phone number is not registered on the Cloud API: register it')],
  [133015, retryable('The number was deleted recently: registering again in 5 minutes', fixed(5 * MINUTE, 1, 'phone_number'))],
  [133016, retryable('Too many register/deregister attempts for this number: trying again later', fixed(15 * MINUTE, 2, 'phone_number'))],
  [134011, terminal('The WhatsApp Payments terms of service are not accepted: accept them in WhatsApp Manager')],
  [135000, terminal('Meta could not process the request parameters: check the request')],
  [137000, terminal("The customer's identity key changed: verify the customer again before sending")],
  [2388019, terminal('The account reached its message template limit (250): delete unused templates')],
  [2388039, terminal('A template text exceeds its character limit: shorten it')],
  [2388040, terminal('A template component exceeds its character limit: shorten it')],
  [2388047, terminal('The template header has an invalid format: fix the header')],
  [2388072, terminal('The template body has an invalid format: fix the body')],
  [2388073, terminal('The template footer has an invalid format: fix the footer')],
  [2388293, terminal('The template has too many variables for its length: add text or remove variables')],
  [2388299, terminal('A template variable is at the start or end of the text: move it inside the text')],
]);

/** 200–299: "API permission not granted or removed" — same remedy as 10. */
export const permissionErrorRule: GraphErrorRule = reconnect('A permission of the access token was not granted or was removed');
