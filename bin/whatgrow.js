#!/usr/bin/env node
// Entry point of the `whatgrow` command. The product runs from its TypeScript sources through
// tsx's loader, so there is no separate compile step between `npm install` and `npm start`.
import { register } from 'tsx/esm/api';

register();
await import('../src/main/cli.ts');
