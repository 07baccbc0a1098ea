import { z } from 'zod';

// zod compiles a fast parser per object schema with `new Function`, probing once whether eval
// is allowed. The pages' Content-Security-Policy forbids eval, and the probe itself is
// reported as a violation, so in a browser zod runs without it (the server keeps the fast
// path). Imported first by index.ts: it must run before any schema is created.
if ('document' in globalThis) z.config({ jitless: true });
