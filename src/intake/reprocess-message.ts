// Re-runs a failed message from its stored raw source (after the cause was fixed: a registry import, a
// code fix). Its failed attempt committed nothing, so deciding it again is safe.
import type { Logger } from 'pino';
import { parseMessage } from '../parse/parse-message.js';
import type { Store } from '../store/index.js';
import { RegistryIndex } from '../validate/registry-index.js';
import { decideAndApply, type ProcessContext, type ProcessOutcome } from './process-message.js';

export class ReprocessError extends Error {
  constructor(readonly code: 'NOT_FOUND' | 'NOT_FAILED' | 'RAW_PURGED', message: string) {
    super(message);
  }
}

export async function reprocessMessage(
  store: Store, id: number, ctx: Omit<ProcessContext, 'store' | 'registry' | 'mailbox' | 'uidValidity'>, log: Logger,
): Promise<ProcessOutcome> {
  const row = await store.messages.get(id);
  if (!row) throw new ReprocessError('NOT_FOUND', `no message with id ${id}`);
  if (row.state !== 'failed') throw new ReprocessError('NOT_FAILED', `message ${id} is ${row.state}, not failed: nothing to re-run`);
  const raw = await store.messages.getRaw(id);
  if (!raw) throw new ReprocessError('RAW_PURGED', `message ${id} has no stored source any more (purged)`);
  await store.messages.update(id, { state: 'received', error: null });
  await store.audit.append({ actor: 'cli', action: 'reprocess', entity: 'message', entityId: id, before: { state: row.state, error: row.error } });
  const parsed = await parseMessage(Buffer.from(raw), ctx.limits);
  const registry = new RegistryIndex(await store.registry.loadAll());
  return decideAndApply({ ...row, state: 'received' }, parsed, {
    ...ctx, store, registry, mailbox: row.mailbox ?? '', uidValidity: row.uidValidity ?? 0n,
  }, log.child({ messageId: id }));
}
