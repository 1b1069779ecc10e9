import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { adapterFactory } from './database.js';
import type { Provider } from './schema-files.js';

/**
 * A driver adapter factory for computing the diff between two datamodels,
 * which needs no database. The schema engine still connects when it starts;
 * for PostgreSQL this answers its one probe query (schema exists, server
 * version) so that writing a PostgreSQL migration needs no server. Any other
 * query is a bug in the caller and fails loudly.
 */
export async function offlineAdapterFactory(provider: Provider): Promise<SqlMigrationAwareDriverAdapterFactory> {
  if (provider === 'sqlite') return adapterFactory('file::memory:');
  const connect = async () =>
    ({
      provider: 'postgres',
      adapterName: 'offline-diff',
      getConnectionInfo: () => ({ supportsRelationJoins: true }),
      queryRaw: async (query: { sql: string }) => {
        if (!query.sql.includes('server_version_num')) throw new Error(`offline adapter cannot run: ${query.sql}`);
        // Column types: Boolean = 5, Text = 7, Int32 = 0 (driver-adapter-utils ColumnTypeEnum).
        return { columnNames: ['exists', 'version', 'numeric_version'], columnTypes: [5, 7, 0], rows: [[true, 'PostgreSQL 15.0', 150000]] };
      },
      executeRaw: async (query: { sql: string }) => {
        throw new Error(`offline adapter cannot run: ${query.sql}`);
      },
      executeScript: async () => {
        throw new Error('offline adapter cannot run scripts');
      },
      startTransaction: async () => {
        throw new Error('offline adapter has no transactions');
      },
      dispose: async () => {},
    }) as never;
  return { provider: 'postgres', adapterName: 'offline-diff', connect, connectToShadowDb: connect } as SqlMigrationAwareDriverAdapterFactory;
}
