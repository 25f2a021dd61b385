// The messages module's public path for test code elsewhere (cross-tenant fixtures, other modules'
// tests); the module-boundary lint rule keeps it out of product code.
export { receiveCustomerMessages } from './customer-messages';
export { startInboundHarness } from './inbound-harness';
export { useInboundFixture } from './inbound-fixture';
