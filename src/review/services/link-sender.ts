// Link the sender's address to an account, so the next mail from it resolves the account automatically
// (the intake reloads the registry, sender links included, before each batch). The item stays open.
import type { ActionResult, WebDeps } from '../deps.js';
import { heldItem, runAction } from './held-item.js';

export async function linkSender(deps: WebDeps, input: { itemId: number; login: string; account: string }): Promise<ActionResult<{ address: string }>> {
  return runAction(async () => {
    const held = await heldItem(deps, input.itemId, input.login);
    if (!held.ok) return held;
    const address = held.message.fromAddress?.trim().toLowerCase() ?? '';
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address)) return { ok: false, message: 'У письма нет адреса отправителя.' };
    if (deps.replyRules.ownAddresses.some((a) => a.toLowerCase() === address)) return { ok: false, message: 'Это наш собственный адрес.' };
    const account = input.account.trim();
    const before = await deps.store.registry.accountsOfSender(address);
    const done = await deps.store.transaction(async (tx) => {
      const linked = await tx.registry.linkSender(account, address, 'clerk');
      if (!linked.ok) return false;
      await tx.audit.append({
        actor: input.login, action: 'review.link_sender', entity: 'review', entityId: held.item.id, at: deps.clock(),
        before: { address, accounts: before }, after: { address, accounts: [...new Set([...before, account])].sort() },
      });
      return true;
    });
    return done ? { ok: true, address } : { ok: false, message: `Лицевой счёт ${account} не найден в реестре.` };
  });
}
