import { ApiError } from '../app/api';

export type SignupValues = { email: string; password: string; name: string; workspaceName: string; ageConfirmed: boolean };
type SignupField = keyof SignupValues;
export type SignupErrors = Partial<Record<SignupField, string>>;

// The API's rule; shown beside the field so nobody learns it by failing.
export const MIN_PASSWORD_LENGTH = 10;

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const FIELDS: SignupField[] = ['name', 'email', 'password', 'workspaceName', 'ageConfirmed'];

export function validateSignup(values: SignupValues): SignupErrors {
  const errors: SignupErrors = {};
  if (!values.name.trim()) errors.name = 'Enter your name.';
  if (!EMAIL_SHAPE.test(values.email.trim())) errors.email = 'Enter an email address like name@example.com.';
  if (!values.password) errors.password = `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`;
  else if (values.password.length < MIN_PASSWORD_LENGTH) {
    errors.password = `Use at least ${MIN_PASSWORD_LENGTH} characters (you have ${values.password.length}).`;
  }
  if (!values.workspaceName.trim()) errors.workspaceName = 'Enter a name for your workspace, such as your business.';
  if (!values.ageConfirmed) errors.ageConfirmed = 'You must be 18 or older to create an account. Tick the box to confirm.';
  return errors;
}

export type SignupRefusal = { fields: SignupErrors; emailTaken: boolean; messages: string[] };

// Puts each of the server's objections next to the field it is about; the rest are shown above the form.
export function explainSignupRefusal(error: unknown): SignupRefusal {
  const refusal: SignupRefusal = { fields: {}, emailTaken: false, messages: [] };
  if (!(error instanceof ApiError)) {
    refusal.messages.push('Something went wrong. Please try again.');
  } else if (error.code === 'age_confirmation_required') {
    refusal.fields.ageConfirmed = error.message;
  } else if (error.code === 'email_taken') {
    refusal.fields.email = 'This email already has an account.';
    refusal.emailTaken = true;
  } else if (error.code === 'validation_failed' && error.details?.issues?.length) {
    for (const issue of error.details.issues) {
      const field = fieldOf(issue.path);
      if (field) refusal.fields[field] ??= issue.message;
      else refusal.messages.push(issue.message);
    }
  } else {
    refusal.messages.push(error.message);
  }
  return refusal;
}

// Issue paths may be "email", "/email" or "body.email": the last segment names the field.
function fieldOf(path: string): SignupField | undefined {
  const last = String(path).split(/[./]/).pop();
  return FIELDS.find((field) => field === last);
}
