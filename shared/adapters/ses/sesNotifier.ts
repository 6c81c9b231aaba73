import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { sesTemplateName } from '../../messages/sesTemplates';
import type { Notifier, OutgoingMessage } from '../../ports/notifier';

/** Sends through SES v2 from the configured address, with the deployed template the message was rendered from. */
export class SesNotifier implements Notifier {
  constructor(
    private readonly client: SESv2Client,
    private readonly settings: { fromAddress: string; templatePrefix?: string; configurationSet?: string },
  ) {}

  async send(message: OutgoingMessage): Promise<void> {
    const content =
      message.template && this.settings.templatePrefix
        ? {
            Template: {
              TemplateName: sesTemplateName(message.template.kind, message.template.locale, this.settings.templatePrefix),
              TemplateData: JSON.stringify(message.template.data),
            },
          }
        : {
            Simple: {
              Subject: { Data: message.subject, Charset: 'UTF-8' },
              Body: { Text: { Data: message.body, Charset: 'UTF-8' } },
            },
          };
    await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: this.settings.fromAddress,
        Destination: { ToAddresses: message.to, CcAddresses: message.cc },
        Content: content,
        ConfigurationSetName: this.settings.configurationSet,
        EmailTags: [{ Name: 'kind', Value: message.kind }],
      }),
    );
  }
}
