import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SesNotifier } from '../adapters/ses/sesNotifier';
import type { Notifier } from '../ports/notifier';

let notifier: Notifier | undefined;

/** SES in the cloud; the local stack swaps in its outbox. */
export function currentNotifier(): Notifier {
  notifier ??= new SesNotifier(new SESv2Client({}), {
    fromAddress: process.env.MAIL_FROM ?? 'no-reply@arshjul.example',
    templatePrefix: process.env.MAIL_TEMPLATE_PREFIX,
    configurationSet: process.env.MAIL_CONFIGURATION_SET,
  });
  return notifier;
}

export function useNotifier(next: Notifier): void {
  notifier = next;
}
