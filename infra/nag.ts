import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/** One acknowledged cdk-nag finding: the rule (with its finding, if any), why, and on which construct. */
export interface NagAcknowledgement {
  /** `AwsSolutions-L1`, or `AwsSolutions-IAM5[Resource::*]` for one finding of a rule. */
  id: string;
  reason: string;
  /** Construct path the acknowledgement is attached to (it covers that construct and its children). */
  path: string;
}

/**
 * Acknowledges cdk-nag findings on one construct (cdk-nag 3: `Validations.of(x).acknowledge`, one
 * finding per id). Every acknowledgement must say why, concretely; acknowledge on the narrowest
 * construct that has the finding, never on a whole stack unless the reason holds for all of it.
 */
export function acknowledge(scope: IConstruct, reason: string, ...ids: string[]): void {
  if (reason.trim().length < 20) throw new Error(`cdk-nag acknowledgement of ${ids.join(', ')} on ${scope.node.path} needs a concrete reason`);
  if (!ids.every((id) => /^AwsSolutions-[A-Z]+[0-9]*(\[.+\])?$/.test(id))) throw new Error(`Not an AwsSolutions rule id: ${ids.join(', ')}`);
  for (const id of ids) Validations.of(scope).acknowledge({ id, reason });
}

/** Registers the AWS Solutions rule pack: synthesis then fails on any finding not acknowledged. */
export function addNagChecks(app: IConstruct): AwsSolutionsChecks {
  const pack = new AwsSolutionsChecks(app);
  Validations.of(app).addPlugins(pack);
  return pack;
}

/**
 * Every acknowledgement in the tree, for the README to publish (see infra/nag.test.ts, which prints them).
 * Read from the construct metadata cdk-nag itself reads.
 */
export function nagAcknowledgements(root: IConstruct): NagAcknowledgement[] {
  const found: NagAcknowledgement[] = [];
  for (const construct of root.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data) continue;
      for (const [qualifiedId, reason] of Object.entries(entry.data as Record<string, string>)) {
        const id = qualifiedId.replace(/^annotation::/i, '');
        if (id.startsWith('AwsSolutions-')) found.push({ id, reason, path: construct.node.path });
      }
    }
  }
  return found.sort((a, b) => a.path.localeCompare(b.path) || a.id.localeCompare(b.id));
}

/** The acknowledgements as a Markdown table (path, rule, reason). */
export function nagAcknowledgementsMarkdown(root: IConstruct): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  const rows = nagAcknowledgements(root).map((ack) => `| \`${escape(ack.path)}\` | \`${escape(ack.id)}\` | ${escape(ack.reason)} |`);
  return ['| construct | rule | reason |', '|---|---|---|', ...rows].join('\n');
}
