import { PostgresDialect, type CompiledQuery, type DatabaseConnection, type Driver, type QueryCompiler, type QueryResult, type TransactionSettings } from 'kysely';
import { isConnectionLoss } from './connection-loss';

/** Fresh connections tried after the first one turned out dead. */
const RETRIES = 2;

/**
 * PostgreSQL through `pg`, where a statement that fails because its pooled connection had died (the
 * server ended the session while it sat idle, a proxy timed it out) is run again on a fresh
 * connection when that is certainly harmless: a BEGIN, and a read outside any transaction. Writes
 * and statements inside a transaction are not: they may have taken effect, or belong to a
 * transaction that is gone, so their callers decide (see withTenant and the loops' backoff).
 */
export class ReconnectingPostgresDialect extends PostgresDialect {
  override createDriver(): Driver {
    return new ReconnectingDriver(super.createDriver());
  }
}

const isRead = (query: CompiledQuery) => query.query.kind === 'SelectQueryNode' || (query.query.kind === 'RawNode' && /^\s*select\b/i.test(query.sql));

class ReconnectingConnection implements DatabaseConnection {
  inTransaction = false;

  constructor(
    public inner: DatabaseConnection,
    private readonly driver: Driver,
  ) {}

  /** Gives the dead connection back (the pool discards it: it is no longer queryable) and takes another. */
  async replace(): Promise<void> {
    await this.driver.releaseConnection(this.inner);
    this.inner = await this.driver.acquireConnection();
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.inner.executeQuery<R>(query);
      } catch (error) {
        if (this.inTransaction || attempt >= RETRIES || !isRead(query) || !isConnectionLoss(error)) throw error;
        await this.replace();
      }
    }
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

class ReconnectingDriver implements Driver {
  constructor(private readonly inner: Driver) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new ReconnectingConnection(await this.inner.acquireConnection(), this.inner);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const c = connection as ReconnectingConnection;
    for (let attempt = 0; ; attempt++) {
      try {
        await this.inner.beginTransaction(c.inner, settings);
        c.inTransaction = true;
        return;
      } catch (error) {
        if (attempt >= RETRIES || !isConnectionLoss(error)) throw error;
        await c.replace();
      }
    }
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as ReconnectingConnection;
    try {
      await this.inner.commitTransaction(c.inner);
    } finally {
      c.inTransaction = false;
    }
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as ReconnectingConnection;
    try {
      await this.inner.rollbackTransaction(c.inner);
    } finally {
      c.inTransaction = false;
    }
  }

  async savepoint(connection: DatabaseConnection, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    await this.inner.savepoint!((connection as ReconnectingConnection).inner, name, compileQuery);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    await this.inner.rollbackToSavepoint!((connection as ReconnectingConnection).inner, name, compileQuery);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    await this.inner.releaseSavepoint!((connection as ReconnectingConnection).inner, name, compileQuery);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection((connection as ReconnectingConnection).inner);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}
