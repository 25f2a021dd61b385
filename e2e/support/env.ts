import { join } from 'node:path';

// Set by scripts/run-e2e.mjs, which starts the server these suites drive.
const baseUrl = process.env.E2E_BASE_URL;
if (!baseUrl) throw new Error('E2E_BASE_URL is not set: run the suites with `npm run test:e2e`');

export const BASE_URL = baseUrl;
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(process.env.E2E_RESULTS_DIR ?? 'test-results', 'screenshots');
export const XSS_PAYLOAD = '<img src=x onerror=alert(1)>';
