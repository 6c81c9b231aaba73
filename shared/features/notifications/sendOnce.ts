import type { Notifier, OutgoingMessage } from '../../ports/notifier';
import type { SentMessages } from '../../ports/sentMessages';

/**
 * Sends a message at most once per year and key: the key is claimed with a conditional write before
 * sending, and given back if the send fails so that a retry can send it.
 */
export async function sendOnce(
  target: { year: number; key: string; at: string },
  message: OutgoingMessage,
  deps: { sent: SentMessages; notifier: Notifier },
): Promise<boolean> {
  if (!(await deps.sent.claim(target.year, target.key, message, target.at))) return false;
  try {
    await deps.notifier.send(message);
  } catch (error) {
    await deps.sent.release(target.year, target.key);
    throw error;
  }
  return true;
}
