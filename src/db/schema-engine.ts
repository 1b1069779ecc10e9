import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { schemaPath, schemaText, type Provider } from './schema-files.js';

const require = createRequire(import.meta.url);

// Node has WebAssembly; the TypeScript lib without DOM does not declare it.
type WasmExports = Record<string, unknown>;
const wasm = (globalThis as unknown as {
  WebAssembly: { instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: WasmExports } }> };
}).WebAssembly;

type Runtime = { SchemaEngine: typeof SchemaEngine };
let runtimePromise: Promise<Runtime> | undefined;

/** Instantiates the WebAssembly module once per process: the bindings keep it in module state. */
function loadRuntime(): Promise<Runtime> {
  runtimePromise ??= (async () => {
    const bgPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const runtime = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as unknown as Runtime & {
      __wbg_set_wasm(exports: WasmExports): void;
    };
    const wasmBytes = await readFile(join(dirname(bgPath), 'schema_engine_bg.wasm'));
    const { instance } = await wasm.instantiate(wasmBytes, { './schema_engine_bg.js': runtime });
    runtime.__wbg_set_wasm(instance.exports);
    (instance.exports as unknown as { __wbindgen_start(): void }).__wbindgen_start();
    return runtime;
  })();
  return runtimePromise;
}

/**
 * Runs `fn` with Prisma's schema engine compiled to WebAssembly, talking to the
 * database through a driver adapter. Prisma's CLI would download a native
 * engine instead, from a host this machine cannot reach; the WebAssembly
 * engine ships inside an npm package (loaded the way @prisma/internals does).
 */
export async function withSchemaEngine<T>(
  provider: Provider,
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  fn: (engine: SchemaEngine) => Promise<T>,
  log: (line: string) => void = () => {},
): Promise<T> {
  const runtime = await loadRuntime();
  // engine.free() does not close the adapter's connections; left open, they keep
  // SQLite's write lock and PostgreSQL's migration advisory lock, and the next
  // migration run in this process waits for them (and fails or stalls 10 s).
  const connections: { dispose(): Promise<void> }[] = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: adapterFactory.provider,
    adapterName: adapterFactory.adapterName,
    connect: async () => remember(await adapterFactory.connect()),
    connectToShadowDb: async () => remember(await adapterFactory.connectToShadowDb()),
  };
  function remember<A extends { dispose(): Promise<void> }>(adapter: A): A {
    connections.push(adapter);
    return adapter;
  }
  const engine = await runtime.SchemaEngine.new(
    { datamodels: [[schemaPath(provider), schemaText(provider)]] },
    (message: string) => log(message),
    bindMigrationAwareSqlAdapterFactory(tracked),
  );
  try {
    return await fn(engine);
  } finally {
    engine.free();
    await Promise.allSettled(connections.map((connection) => connection.dispose()));
  }
}
