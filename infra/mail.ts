import { type Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ses from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import { sesTemplates } from '../shared/messages/sesTemplates';
import type { Stage } from './stage';

/** Environment of the functions that send e-mail (manifest `sendsEmail`). */
export const MAIL_FROM_ENV = 'MAIL_FROM';
export const MAIL_CONFIGURATION_SET_ENV = 'MAIL_CONFIGURATION_SET';
export const MAIL_TEMPLATE_PREFIX_ENV = 'MAIL_TEMPLATE_PREFIX';

/** The CloudWatch dimension SES puts on this stage's bounce and complaint counts (AWS/SES). */
export const MAIL_METRIC_DIMENSION = 'ConfigurationSet';

export interface MailProps {
  stage: Stage;
  /** Sender address (context `mailFrom`); its identity must be verified in SES. */
  mailFrom?: string;
}

/**
 * SES for one stage: the e-mail templates from `sesTemplates()` (the one source of the texts) and a
 * configuration set. SES v1 and v2 share one template store per account and region, so
 * `AWS::SES::Template` templates are what SES v2 `SendEmail` names in `Content.Template`. Names carry the
 * stage (`arshjul-dev-approved-sv`) so several stages can share an account.
 */
export class Mail extends Construct {
  readonly configurationSet: ses.ConfigurationSet;
  readonly templatePrefix: string;
  readonly templateNames: string[];
  private readonly mailFrom?: string;

  constructor(scope: Construct, id: string, props: MailProps) {
    super(scope, id);
    this.mailFrom = props.mailFrom;
    this.templatePrefix = `arshjul-${props.stage.name}`;
    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: this.templatePrefix,
      reputationMetrics: true,
      sendingEnabled: true,
      // Never hand a message to a receiving server that cannot do TLS.
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    // Bounces and complaints of this stage's mail, counted in CloudWatch (AWS/SES) for the alarms: a bounce
    // means a board's contact address is wrong, a complaint that a notice reached someone who did not want it.
    this.configurationSet.addEventDestination('Metrics', {
      destination: ses.EventDestination.cloudWatchDimensions([
        { name: MAIL_METRIC_DIMENSION, source: ses.CloudWatchDimensionSource.MESSAGE_TAG, defaultValue: this.templatePrefix },
      ]),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT, ses.EmailSendingEvent.DELIVERY],
    });
    const templates = sesTemplates(this.templatePrefix);
    this.templateNames = templates.map((template) => template.TemplateName);
    for (const template of templates) {
      new ses.CfnTemplate(this, template.TemplateName, {
        template: {
          templateName: template.TemplateName,
          subjectPart: template.TemplateContent.Subject,
          textPart: template.TemplateContent.Text,
        },
      });
    }
  }

  /** Count of this stage's `Bounce`, `Complaint` or `Delivery` events, summed over `period`. */
  metric(event: 'Bounce' | 'Complaint' | 'Delivery', period: Duration): cloudwatch.Metric {
    return new cloudwatch.Metric({
      namespace: 'AWS/SES',
      metricName: event,
      dimensionsMap: { [MAIL_METRIC_DIMENSION]: this.templatePrefix },
      statistic: 'Sum',
      period,
    });
  }

  /**
   * Lets a function send e-mail: `ses:SendEmail` (SES v2, plain or templated) and `ses:SendTemplatedEmail`,
   * from the configured address only (its address and domain identities, and `ses:FromAddress`), through
   * this stage's configuration set and templates. Without `mailFrom` any identity of the account is allowed.
   */
  grantSend(fn: lambda.Function): void {
    const stack = Stack.of(this);
    const arn = (resource: string, resourceName: string) => stack.formatArn({ service: 'ses', resource, resourceName });
    const identities = this.mailFrom ? [this.mailFrom, this.mailFrom.split('@')[1]].filter(Boolean) : ['*'];
    if (this.mailFrom) fn.addEnvironment(MAIL_FROM_ENV, this.mailFrom);
    fn.addEnvironment(MAIL_CONFIGURATION_SET_ENV, this.configurationSet.configurationSetName);
    fn.addEnvironment(MAIL_TEMPLATE_PREFIX_ENV, this.templatePrefix);
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'SendMail',
        actions: ['ses:SendEmail', 'ses:SendTemplatedEmail'],
        resources: [
          ...identities.map((identity) => arn('identity', identity)),
          arn('configuration-set', this.configurationSet.configurationSetName),
          ...this.templateNames.map((name) => arn('template', name)),
        ],
        conditions: this.mailFrom ? { StringEquals: { 'ses:FromAddress': this.mailFrom } } : undefined,
      }),
    );
  }
}
