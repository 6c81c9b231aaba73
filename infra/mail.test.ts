import { describe, expect, it } from 'vitest';
import { sesTemplates } from '../shared/messages/sesTemplates';
import { resourcesOf, synthTemplates } from './testing';

const { api } = synthTemplates({ stage: 'dev' });

describe('SES', () => {
  it('deploys every template of sesTemplates() (the one source of the texts) as AWS::SES::Template, named per stage', () => {
    const deployed = Object.values(resourcesOf(api, 'AWS::SES::Template')).map((t) => t.Properties.Template);
    const expected = sesTemplates('arshjul-dev').map((t) => ({ TemplateName: t.TemplateName, SubjectPart: t.TemplateContent.Subject, TextPart: t.TemplateContent.Text }));
    expect(deployed).toHaveLength(expected.length);
    expect(deployed).toEqual(expect.arrayContaining(expected));
    for (const template of deployed) expect(template.TemplateName).toMatch(/^arshjul-dev-[a-z]+-(sv|en)$/);
  });

  it('has a configuration set per stage that requires TLS, keeps reputation metrics and suppresses bounces and complaints', () => {
    api.hasResourceProperties('AWS::SES::ConfigurationSet', {
      Name: 'arshjul-dev',
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
      ReputationOptions: { ReputationMetricsEnabled: true },
      SendingOptions: { SendingEnabled: true },
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
  });
});
