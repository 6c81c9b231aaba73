import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Notifier, OutgoingMessage } from '../../ports/notifier';

/** Sends through SES v2 from the configured address; a stored template is used when the message names one. */
export class SesNotifier implements Notifier {
  constructor(
    private readonly client: SESv2Client,
    private readonly fromAddress: string,
  ) {}

  async send(message: OutgoingMessage): Promise<void> {
    await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: this.fromAddress,
        Destination: { ToAddresses: message.to, CcAddresses: message.cc },
        Content: {
          Simple: {
            Subject: { Data: message.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: message.body, Charset: 'UTF-8' } },
          },
        },
        EmailTags: [{ Name: 'kind', Value: message.kind }],
      }),
    );
  }
}
