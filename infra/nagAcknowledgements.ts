import { CfnResource, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { rules } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import type { ApiStack, ApiStackProps } from './apiStack';
import type { DataStack } from './dataStack';
import { acknowledge } from './nag';

/**
 * Every cdk-nag acknowledgement of the app, in one file, each on the narrowest construct that has the
 * finding and each with its reason. `nagAcknowledgements(app)` (infra/nag.ts) lists them for the README;
 * infra/nag.test.ts fails on any finding not acknowledged here.
 */

const NODE_22 =
  'Node.js 22 is the runtime the project pins (package.json devDependency `node`, tsconfig, esbuild target node22); ' +
  'the local stack and every test run on it, so the functions move to a newer runtime together with them, not alone.';

/** A wildcard an IAM policy may contain, and why. */
interface AllowedWildcard {
  /** The cdk-nag finding, e.g. `Resource::<RunChecks1234.Arn>:*` or `Action::s3:List*`. */
  finding: RegExp;
  reason: string;
  /**
   * For `Resource::*`: the only actions the policy may grant on `*` (checked statement by statement,
   * so a later grant on `*` of anything else stays a finding).
   */
  onlyActions?: readonly string[];
}

function policyResources(owner: IConstruct): CfnResource[] {
  return owner.node
    .findAll()
    .filter((c): c is CfnResource => c instanceof iam.CfnPolicy || c instanceof iam.CfnManagedPolicy);
}

function starActions(policy: CfnResource): string[] {
  const document = Stack.of(policy).resolve((policy as iam.CfnPolicy).policyDocument) as {
    Statement?: Array<{ Effect: string; Action: string | string[]; Resource: unknown }>;
  };
  return (document.Statement ?? [])
    .filter((s) => s.Effect === 'Allow' && [s.Resource].flat().includes('*'))
    .flatMap((s) => [s.Action].flat());
}

/**
 * Acknowledges the IAM5 (wildcard) findings of the policies under `owner` that match an allowed pattern,
 * each finding by its own id. Anything else is left for cdk-nag to report.
 */
function acknowledgeWildcards(owner: IConstruct, allowed: AllowedWildcard[]): void {
  for (const policy of policyResources(owner)) {
    const result = rules.iam.IAMNoWildcardPermissions(policy);
    if (!Array.isArray(result)) continue;
    for (const finding of result) {
      const match = allowed.find((rule) => rule.finding.test(finding));
      if (!match) continue;
      if (match.onlyActions && !starActions(policy).every((action) => match.onlyActions!.includes(action))) continue;
      acknowledge(policy, match.reason, `AwsSolutions-IAM5[${finding}]`);
    }
  }
}

/** A region or account as cdk-nag prints it: the pseudo parameter (environment-agnostic) or the pinned value. */
const REGION = '(<AWS::Region>|[a-z]{2}(-[a-z]+)+-\\d)';
const ACCOUNT = '(<AWS::AccountId>|\\d{12})';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const logicalIdOf = (construct: IConstruct) => Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnResource);

export function acknowledgeApiStack(stack: ApiStack, props: ApiStackProps): void {
  for (const fn of Object.values(stack.functions)) acknowledge(fn, NODE_22, 'AwsSolutions-L1');

  for (const route of stack.publicRoutes) {
    acknowledge(
      route,
      'The manifest declares this route `auth: public`: health, the OpenAPI document and the public strategy meters are for ' +
        'residents without an account; test/authorizationMatrix.test.ts checks every route against the policy table.',
      'AwsSolutions-APIG4',
    );
  }

  // Function roles: the wildcards the manifest's grants can produce.
  for (const fn of Object.values(stack.functions)) {
    acknowledgeWildcards(fn.role!, [
      XRAY_WILDCARD,
      {
        finding: new RegExp(`^Resource::arn:<AWS::Partition>:scheduler:${REGION}:${ACCOUNT}:schedule/${escapeRegExp(stack.scheduling.groupName)}/\\*$`),
        reason:
          'One-time schedules are created at run time, named after the period or document they start; the grant covers the ' +
          `Årshjul schedule group ${stack.scheduling.groupName} only (manifest managesSchedules).`,
      },
      ...(props.mailFrom
        ? []
        : [
            {
              finding: new RegExp(`^Resource::arn:<AWS::Partition>:ses:${REGION}:${ACCOUNT}:identity/\\*$`),
              reason:
                'No context mailFrom in this synth, so the sender identity is unknown: any verified identity of the account. ' +
                'Deploy with -c mailFrom=… to restrict sending to that address and its domain (and ses:FromAddress).',
            },
          ]),
    ]);
  }

  // State machines: what CDK grants for logging, tracing and Lambda tasks.
  for (const workflow of stack.workflows) {
    const invoked = Object.values(stack.functions).map((fn) => escapeRegExp(logicalIdOf(fn)));
    acknowledgeWildcards(workflow.stateMachine.role, [
      {
        finding: new RegExp(`^Resource::<(${invoked.join('|')})\\.Arn>:\\*$`),
        reason:
          "CDK's LambdaInvoke grants the invoked function's versions and aliases (`<function ARN>:*`) besides the function; " +
          'only functions of this stack that the workflow calls are named.',
      },
      {
        finding: /^Resource::\*$/,
        onlyActions: [
          'logs:CreateLogDelivery',
          'logs:GetLogDelivery',
          'logs:UpdateLogDelivery',
          'logs:DeleteLogDelivery',
          'logs:ListLogDeliveries',
          'logs:PutResourcePolicy',
          'logs:DescribeResourcePolicies',
          'logs:DescribeLogGroups',
          'xray:PutTraceSegments',
          'xray:PutTelemetryRecords',
          'xray:GetSamplingRules',
          'xray:GetSamplingTargets',
        ],
        reason:
          "Step Functions' log delivery to CloudWatch Logs (logs:*LogDelivery, PutResourcePolicy, DescribeResourcePolicies, " +
          'DescribeLogGroups) and X-Ray tracing (PutTraceSegments, PutTelemetryRecords, GetSampling*) support no resource-level ' +
          'permissions; nothing else is granted on *.',
      },
    ]);
  }

  acknowledge(
    stack.scheduling.deadLetterQueue,
    'This queue is the dead-letter queue of the EventBridge Scheduler schedules and of the stopped-execution rule (their ' +
      'DeadLetterConfig), which cdk-nag cannot see; a dead-letter queue of its own would have nothing to catch.',
    'AwsSolutions-SQS3',
  );

  // The web front door.
  const distribution = stack.web.distribution;
  acknowledge(
    distribution,
    'Residents read the public strategy meters from anywhere and staff travel; the WAF rate rule, the IP reputation list and ' +
      'the JWT authorizer protect the API instead of a country list.',
    'AwsSolutions-CFR1',
  );
  if (!props.webAclArn) {
    acknowledge(
      distribution,
      'This synth has no web ACL: neither -c webAclArn=… nor -c account=… -c region=… (which adds Arshjul-<stage>-WebAcl in ' +
        'us-east-1) was given, as in offline synths and tests. A warning annotation says so; deploy with one of them.',
      'AwsSolutions-CFR2',
    );
  }
  if (!props.webDomain) {
    acknowledge(
      distribution,
      "Without a custom domain CloudFront serves its default *.cloudfront.net certificate, whose TLS policy cannot be chosen; with " +
        '-c webDomainName=… -c webCertificateArn=… the distribution requires TLSv1.2_2021.',
      'AwsSolutions-CFR4',
    );
  }

  // BucketDeployment's handler (a CDK singleton, one per stack).
  const deployHandler = stack.node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (deployHandler) {
    const handler = 'CDK BucketDeployment handler (copies web/dist into the site bucket at deploy time)';
    acknowledge(
      deployHandler,
      `${handler}: its runtime is chosen by aws-cdk-lib (the AWS CLI layer is Python) and moves with CDK upgrades.`,
      'AwsSolutions-L1',
    );
    const role = deployHandler.node.tryFindChild('ServiceRole');
    if (role) {
      acknowledge(
        role,
        `${handler}: AWSLambdaBasicExecutionRole is AWS-managed and only allows writing the handler's own logs.`,
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      );
      const siteBucket = escapeRegExp(logicalIdOf(stack.web.siteBucket));
      acknowledgeWildcards(role, [
        {
          finding: /^Action::s3:(GetObject|GetBucket|List|DeleteObject|Abort)\*$/,
          reason: `${handler}: CDK's grants read the staged asset in the CDK assets bucket and write/prune the site bucket only.`,
        },
        {
          finding: new RegExp(`^Resource::arn:<AWS::Partition>:s3:::cdk-[a-z0-9]+-assets-${ACCOUNT}-${REGION}/\\*$`),
          reason: `${handler}: reads the web app's zip from the CDK bootstrap assets bucket (object names are content hashes).`,
        },
        {
          finding: new RegExp(`^Resource::<${siteBucket}\\.Arn>/\\*$`),
          reason: `${handler}: writes the web app's files into the site bucket (every object of it).`,
        },
        {
          finding: /^Resource::\*$/,
          onlyActions: ['cloudfront:GetInvalidation', 'cloudfront:CreateInvalidation'],
          reason: `${handler}: invalidates /index.html after a deploy; CloudFront invalidation actions are granted on * by CDK.`,
        },
      ]);
    }
  }
}

/** The X-Ray grant of active tracing, acknowledged on every function role that has it. */
const XRAY_WILDCARD: AllowedWildcard = {
  finding: /^Resource::\*$/,
  onlyActions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'],
  reason:
    'Active X-Ray tracing (the Powertools tracer): X-Ray PutTraceSegments and PutTelemetryRecords support no resource-level ' +
    'permissions; nothing else is granted on *.',
};

export function acknowledgeDataStack(stack: DataStack): void {
  const trigger = stack.identityProvider?.trigger;
  if (trigger) {
    acknowledge(trigger, NODE_22, 'AwsSolutions-L1');
    acknowledgeWildcards(trigger.role!, [XRAY_WILDCARD]);
  }
  const pool = stack.auth.userPool;
  acknowledge(
    pool,
    'MFA is OPTIONAL with TOTP (free): Cognito cannot switch an existing pool to required MFA (InvalidParameterException on ' +
      'update), so requiring it means a new pool and re-invited users; users are admin-created and can enrol TOTP in the hosted UI.',
    'AwsSolutions-COG2',
  );
  acknowledge(
    pool,
    'The Plus feature plan (threat protection) is billed per monthly active user; Essentials is chosen for cost, with a 14-character ' +
      'password policy, admin-only sign-up and token revocation.',
    'AwsSolutions-COG8',
  );
}
