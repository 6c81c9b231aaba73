import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { buildApp, type BuildAppOptions } from './app';
import { addNagChecks, nagAcknowledgements, nagAcknowledgementsMarkdown } from './nag';
import { productionContext } from './testing';

/**
 * cdk-nag (AWS Solutions) over every stack of the app, synthesized with bundling skipped, through CDK's
 * validation plugins exactly as `cdk synth` runs it: the synth throws on any unacknowledged finding,
 * error or warning. Several configurations, because some findings only exist in some of them.
 */
const configurations: Array<{ name: string; options: BuildAppOptions }> = [
  { name: 'dev, offline (no environment, no WAF, no custom domain, no sender)', options: { stage: 'dev' } },
  {
    name: 'prod, pinned to an environment (us-east-1 web ACL stack), custom domain, sender',
    options: {
      stage: 'prod',
      context: {
        account: '123456789012',
        region: 'eu-north-1',
        ...productionContext,
        webDomainName: 'arshjul.stad.example.se',
        webCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000',
      },
    },
  },
  {
    name: 'test stage with the city identity provider (OIDC) and its group mapping',
    options: {
      stage: 'test',
      context: {
        oidcIssuer: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0',
        oidcClientId: '11111111-1111-1111-1111-111111111111',
        oidcClientSecretName: 'arshjul/test/entra-client-secret',
        idpGroupRoles: JSON.stringify({ 'aaaaaaaa-0000-0000-0000-000000000001': { role: 'editor', boards: ['bromma'] } }),
      },
    },
  },
  { name: 'test stage with a given web ACL', options: { stage: 'test', context: { webAclArn: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/arshjul-test/0000' } } },
];

function synthWithNag(options: BuildAppOptions) {
  const outdir = mkdtempSync(path.join(tmpdir(), 'arshjul-nag-'));
  const built = buildApp({ skipBundling: true, outdir, ...options });
  const pack = addNagChecks(built.app);
  let error: unknown;
  try {
    built.app.synth();
  } catch (caught) {
    error = caught;
  }
  return { ...built, pack, error, outdir };
}

describe('cdk-nag AWS Solutions checks', () => {
  for (const { name, options } of configurations) {
    it(`finds nothing unacknowledged in ${name}`, () => {
      const { app, pack, error } = synthWithNag(options);
      // Directly as well, for a readable list if something slips through.
      const violations = pack.validateScope(app).violations.flatMap((v) => v.violatingResources.map((r) => `${v.severity} ${v.ruleName} ${r.constructPath}`));
      expect(violations).toEqual([]);
      expect(error).toBeUndefined();
      const stacks = app.node.children.filter((child): child is Stack => Stack.isStack(child)).map((stack) => stack.stackName);
      expect(stacks.length).toBeGreaterThanOrEqual(2);
    });
  }

  it('reports a finding nobody acknowledged (the check is live)', async () => {
    const sqs = await import('aws-cdk-lib/aws-sqs');
    const outdir = mkdtempSync(path.join(tmpdir(), 'arshjul-nag-'));
    const { app, apiStack } = buildApp({ skipBundling: true, outdir, stage: 'dev' });
    addNagChecks(app);
    new sqs.Queue(apiStack, 'UnencryptedProbe', { encryption: sqs.QueueEncryption.UNENCRYPTED });
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS2/);
    const report = JSON.parse(readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'));
    expect(JSON.stringify(report)).toContain('AwsSolutions-SQS2');
  });

  it('gives every acknowledgement a concrete reason, on a resource, never on a whole stack or the app', () => {
    for (const { options } of configurations) {
      const { app } = buildApp({ skipBundling: true, outdir: mkdtempSync(path.join(tmpdir(), 'arshjul-nag-')), ...options });
      const acknowledgements = nagAcknowledgements(app);
      expect(acknowledgements.length).toBeGreaterThan(10);
      const stackPaths = new Set(app.node.children.filter((child) => Stack.isStack(child)).map((stack) => stack.node.path));
      for (const ack of acknowledgements) {
        expect(ack.id).toMatch(/^AwsSolutions-[A-Z]+\d*(\[.+\])?$/);
        expect(ack.reason.length, `${ack.path} ${ack.id}`).toBeGreaterThan(60);
        expect(stackPaths.has(ack.path), `${ack.id} on a whole stack`).toBe(false);
        expect(ack.path.split('/').length).toBeGreaterThan(1);
      }
      // Wildcard acknowledgements name the exact finding (no blanket IAM5).
      expect(acknowledgements.filter((ack) => ack.id === 'AwsSolutions-IAM5' || ack.id === 'AwsSolutions-IAM4')).toEqual([]);
    }
  });

  it('renders the acknowledgements as a Markdown table for the README', () => {
    const { app } = buildApp({ skipBundling: true, outdir: mkdtempSync(path.join(tmpdir(), 'arshjul-nag-')), stage: 'dev' });
    const table = nagAcknowledgementsMarkdown(app);
    expect(table.split('\n')[0]).toBe('| construct | rule | reason |');
    expect(table).toContain('`AwsSolutions-L1`');
    expect(table.split('\n')).toHaveLength(nagAcknowledgements(app).length + 2);
  });
});
