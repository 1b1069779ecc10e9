// `node --import ./test/process/module-trace.mjs app.js`: appends the URL of every
// module the ESM loader resolves to the file named by MODULE_TRACE_FILE.
import { register } from 'node:module';

register('./module-trace-hooks.mjs', import.meta.url, { data: { file: process.env.MODULE_TRACE_FILE } });
