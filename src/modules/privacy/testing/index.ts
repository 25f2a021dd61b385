// The privacy module's path for test code elsewhere (cross-tenant fixtures).
export { seedPerson, subscribeWebhooks, type Person, type SeededPerson } from './seed-person';
