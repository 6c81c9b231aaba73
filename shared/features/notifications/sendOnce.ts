import type { Notifier, OutgoingMessage } from '../../ports/notifier';
import type { SentMessages } from '../../ports/sentMessages';

/**
 * Sends a message once per year and key: the key is claimed with a conditional write before sending, given back if
 * the send fails so that a retry can send it, and confirmed after. A sender that dies between claim and confirmation
 * (a crash, a killed Lambda) leaves the claim unconfirmed, and the step's next run sends again: a notice is never
 * lost. The send carries the key, so a notifier that can (the local outbox) drops the repeat; SES cannot, so there a
 * crash in that window may send an e-mail twice.
 */
export async function sendOnce(
  target: { year: number; key: string; at: string },
  message: OutgoingMessage,
  deps: { sent: SentMessages; notifier: Notifier },
): Promise<boolean> {
  if (!(await deps.sent.claim(target.year, target.key, message, target.at))) return false;
  try {
    await deps.notifier.send(message, { idempotencyKey: `${target.year}#${target.key}` });
  } catch (error) {
    await deps.sent.release(target.year, target.key);
    throw error;
  }
  await deps.sent.confirm(target.year, target.key);
  return true;
}
