// Meta's error codes (reference §11): title, default details, the HTTP status Graph used to
// answer with, and whether Meta usually reports the code synchronously (Graph error) or
// asynchronously (200 + wamid, then a `failed` status webhook).

export interface ErrorSpec {
  title: string;
  details: string;
  httpStatus: number;
  delivery: 'sync' | 'async';
}

function spec(title: string, details: string, httpStatus: number, delivery: 'sync' | 'async' = 'sync'): ErrorSpec {
  return { title, details, httpStatus, delivery };
}

const CATALOGUE: Record<number, ErrorSpec> = {
  0: spec('AuthException', 'We were unable to authenticate the app user.', 401),
  1: spec('API Unknown', 'Invalid request or possible server error.', 400),
  2: spec('API Service', 'Temporary due to downtime or due to being overloaded.', 503),
  3: spec('API Method', 'Capability or permissions issue.', 500),
  4: spec('Too many calls', 'The app has reached its API call rate limit.', 400),
  10: spec('Permission denied', 'Permission is either not granted or has been removed.', 403),
  33: spec('Parameter value is not valid', 'The business phone number has been deleted.', 400),
  100: spec('Invalid parameter', 'The request included one or more unsupported or misspelled parameters.', 400),
  190: spec('Access token has expired', 'Invalid OAuth access token - Cannot parse access token', 401),
  200: spec('API permission', 'Permission is either not granted or has been removed.', 403),
  368: spec('Temporarily blocked for policies violations', 'The WhatsApp Business Account is restricted.', 403),
  80007: spec('Rate limit issues', 'The WhatsApp Business Account has reached its rate limit.', 400),
  130403: spec('Business has blocked this user', 'The business has blocked this user.', 400),
  130429: spec('Rate limit hit', 'Cloud API message throughput has been reached.', 400),
  130472: spec("User's number is part of an experiment", "Failed to send message because this user's phone number is part of an experiment.", 400, 'async'),
  130497: spec('Business account is restricted from messaging users in this country', 'The business is restricted from messaging users in this country.', 400),
  131000: spec('Something went wrong', 'Message failed to send due to an unknown error.', 500),
  131005: spec('Access denied', 'Permission is either not granted or has been removed.', 403),
  131008: spec('Required parameter is missing', 'The request is missing a required parameter.', 400),
  131009: spec('Parameter value is not valid', 'One or more parameter values are invalid.', 400),
  131016: spec('Service unavailable', 'A service is temporarily unavailable.', 500),
  131021: spec('Recipient cannot be sender', 'Sender and recipient phone number is the same.', 400),
  131026: spec('Message undeliverable', 'Message Undeliverable.', 400, 'async'),
  131030: spec('Recipient phone number not in allowed list', 'Add recipient phone number to recipient list and try again.', 400),
  131031: spec('Account has been locked', 'The business account was locked.', 403),
  131037: spec('WhatsApp provided number needs display name approval before message can be sent.', 'The display name of the 555 number is not approved.', 400),
  131042: spec('Business eligibility payment issue', 'There was an error related to your payment method.', 400, 'async'),
  131045: spec('Incorrect certificate', 'Message failed to send due to a phone number registration error.', 500),
  131047: spec('Re-engagement message', 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.', 400, 'async'),
  131048: spec('Spam rate limit hit', 'Message failed to send because there are restrictions on how many messages can be sent from this phone number.', 400, 'async'),
  131049: spec('This message was not delivered to maintain healthy ecosystem engagement.', 'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.', 400, 'async'),
  131050: spec('User stopped receiving marketing messages', 'Unable to deliver the marketing message: the user has stopped marketing messages.', 400, 'async'),
  131051: spec('Unsupported message type', 'Message type is not currently supported.', 400),
  131052: spec('Media download error', 'Unable to download the media sent by the user.', 400),
  131053: spec('Media upload error', 'Unable to upload the media used in the message.', 400, 'async'),
  131056: spec('(Business Account, Consumer Account) pair rate limit hit', 'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.', 400),
  131057: spec('Account in maintenance mode', 'Business Account is in maintenance mode.', 500),
  131062: spec('Business-scoped user id recipient not supported', 'This message cannot be sent to a business-scoped user id.', 400),
  131063: spec('Marketing messages disabled on Cloud API', 'Marketing templates are disabled on Cloud API for this business.', 400),
  131064: spec('Messaging limit reached', 'Messaging limit reached due to template classification violations.', 400),
  132000: spec('Number of parameters does not match the expected number of params', 'The number of variable parameter values does not match the number of variables defined in the template.', 400),
  132001: spec('Template name does not exist in the translation', 'The template does not exist in the specified language or has not been approved.', 404),
  132005: spec('Translated text too long', 'Translated text is too long.', 400),
  132007: spec('Format character policy violated', 'Template content violates a WhatsApp policy.', 400),
  132012: spec('Parameter format does not match format in the created template', 'Variable parameter values formatted incorrectly.', 400),
  132015: spec('Template is Paused', 'Template is paused due to low quality so it cannot be sent in a template message.', 400),
  132016: spec('Template is Disabled', 'Template has been paused too many times due to low quality and is now permanently disabled.', 400),
  132018: spec('Template Parameters issue', 'There was an issue with the parameters in your template.', 400),
  132068: spec('Flow is in blocked state', 'Flow is in blocked state.', 400),
  132069: spec('Flow is in throttled state', 'Flow is in throttled state and 10 messages using this flow were already sent in the last hour.', 400),
  133000: spec('Incomplete deregistration', 'A previous deregistration attempt failed.', 500),
  133004: spec('Server temporarily unavailable', 'Server is temporarily unavailable.', 503),
  133005: spec('Two step verification PIN Mismatch', 'Two-step verification PIN incorrect.', 400),
  133006: spec('Phone number re-verification needed', 'Phone number needs to be verified before registering.', 400),
  133008: spec('Too many two step verification PIN guesses for this phone number', 'Too many two-step verification PIN guesses for this phone number.', 400),
  133009: spec('Two step verification PIN Guessed Too Fast', 'Two-step verification PIN was entered too quickly.', 400),
  133010: spec('Phone number Not Registered', 'Phone number not registered on the WhatsApp Business Platform.', 400),
  133015: spec('Please wait a few minutes before attempting to register this phone number', 'The phone number was recently deleted.', 400),
  133016: spec('Account register deregister rate limit exceeded', 'Registration or deregistration failed because there were too many attempts.', 400),
  134011: spec('WhatsApp Payments terms of service not accepted', 'The WhatsApp Payments terms of service are pending.', 400),
  135000: spec('Generic user error', 'Message failed to send because of an unknown error with your request parameters.', 400),
  137000: spec('Identity key hash mismatch', "Message failed to send because the recipient's identity key hash does not match.", 400, 'async'),
};

export function errorSpec(code: number): ErrorSpec {
  return CATALOGUE[code] ?? spec('Simulated error', `Simulated error ${code}.`, 400);
}

export const ERROR_DOCS_HREF = 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/';
