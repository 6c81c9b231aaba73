import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import type { Stage } from './stage';

/** Requests per IP address in any 5 minutes before the rate rule blocks it (well above a busy reviewer). */
export const RATE_LIMIT_PER_5_MIN = 1000;

/** AWS managed rule groups, in order of evaluation after the rate rule. */
export const MANAGED_RULE_GROUPS = ['AWSManagedRulesAmazonIpReputationList', 'AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet'] as const;

const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

/**
 * The WAF web ACL in front of CloudFront. Scope CLOUDFRONT, which AWS accepts in us-east-1 only, hence
 * a construct that lives in a stack of its own (`WebAclStack`).
 */
export class WebAcl extends Construct {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: { stage: Stage }) {
    super(scope, id);
    const managed = (name: (typeof MANAGED_RULE_GROUPS)[number], priority: number, overrides?: wafv2.CfnWebACL.RuleActionOverrideProperty[]) => ({
      name,
      priority,
      overrideAction: { none: {} },
      statement: { managedRuleGroupStatement: { vendorName: 'AWS', name, ruleActionOverrides: overrides } },
      visibilityConfig: visibility(name),
    });
    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name: `arshjul-${props.stage.name}`,
      // WAF descriptions allow ASCII only.
      description: `Arshjul ${props.stage.name}: in front of the CloudFront distribution`,
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(`arshjul-${props.stage.name}`),
      rules: [
        {
          name: 'RatePerIp',
          priority: 0,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: RATE_LIMIT_PER_5_MIN, aggregateKeyType: 'IP', evaluationWindowSec: 300 } },
          visibilityConfig: visibility('RatePerIp'),
        },
        managed('AWSManagedRulesAmazonIpReputationList', 1),
        // Plans and reports are JSON bodies well over the common rule set's 8 KB body limit; the API
        // validates every body (zod) and API Gateway caps it, so that one rule only counts.
        managed('AWSManagedRulesCommonRuleSet', 2, [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }]),
        managed('AWSManagedRulesKnownBadInputsRuleSet', 3),
      ],
    });
  }
}

export interface WebAclStackProps extends StackProps {
  stage: Stage;
}

/** `Arshjul-<stage>-WebAcl`, pinned to us-east-1: the web ACL only, read by the API stack across regions. */
export class WebAclStack extends Stack {
  readonly webAclArn: string;

  constructor(scope: Construct, id: string, props: WebAclStackProps) {
    super(scope, id, props);
    if (props.env?.region !== 'us-east-1') throw new Error(`${id}: a CLOUDFRONT web ACL must be deployed in us-east-1`);
    const acl = new WebAcl(this, 'Firewall', { stage: props.stage });
    this.webAclArn = acl.webAcl.attrArn;
    new CfnOutput(this, 'WebAclArn', { value: this.webAclArn });
  }
}
