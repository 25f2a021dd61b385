-- The CSRF token is now derived from the session's secret (an HMAC keyed by the cookie value), so
-- it is no longer stored in plaintext beside the session's hash. Existing sessions keep working:
-- their pages read the derived token from GET /api/v1/me.
alter table sessions drop column csrf_token;

-- Login throttling counts an attempt before the password is checked and refuses past the budget
-- until the window ends (auth/login-throttle.ts); the separate lock timestamp is no longer used.
alter table login_attempts drop column locked_until;
