import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { composeMessage } from '../../messages/render';
import { sesTemplates } from '../../messages/sesTemplates';
import { SesNotifier } from './sesNotifier';

describe('SesNotifier', () => {
  const ses = mockClient(SESv2Client);
  afterEach(() => ses.reset());

  const text = composeMessage({ kind: 'overdue', locale: 'en', boardName: 'Bromma', documentKind: 't1', dueDate: '2027-05-15', link: 'https://x/y', year: 2027 });
  const message = { to: ['a@b.example'], cc: ['r@b.example'], subject: text.subject, body: text.body, template: text.template, kind: 'overdue' as const };

  it('sends with the deployed template of the message, and its values', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: '1' });
    await new SesNotifier(new SESv2Client({}), { fromAddress: 'no-reply@city.example', templatePrefix: 'arshjul-prod', configurationSet: 'arshjul' }).send(message);
    const input = ses.commandCalls(SendEmailCommand)[0]!.args[0].input;
    expect(input.Destination).toEqual({ ToAddresses: ['a@b.example'], CcAddresses: ['r@b.example'] });
    expect(input.Content?.Template?.TemplateName).toBe('arshjul-prod-overdue-en');
    expect(sesTemplates('arshjul-prod').map((template) => template.TemplateName)).toContain(input.Content?.Template?.TemplateName);
    expect(JSON.parse(input.Content!.Template!.TemplateData!)).toMatchObject({ boardName: 'Bromma', dueDate: '2027-05-15' });
  });

  it('sends the rendered text when no templates are deployed', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: '1' });
    await new SesNotifier(new SESv2Client({}), { fromAddress: 'no-reply@city.example' }).send(message);
    expect(ses.commandCalls(SendEmailCommand)[0]!.args[0].input.Content?.Simple?.Subject?.Data).toBe(text.subject);
  });

  it('lets a refused send fail, so the sent-marker is given back and the step retried', async () => {
    ses.on(SendEmailCommand).rejects(Object.assign(new Error('throttled'), { name: 'TooManyRequestsException' }));
    await expect(new SesNotifier(new SESv2Client({}), { fromAddress: 'x@y.example' }).send(message)).rejects.toThrow('throttled');
  });
});
