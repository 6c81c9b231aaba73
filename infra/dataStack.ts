import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import type { Construct } from 'constructs';
import type { KeyAttribute, TableDefinition } from '../shared/adapters/dynamo/tableDefinition';
import { Auth } from './auth';
import { CityIdentityProvider, type CityIdentityProviderConfig } from './identityProvider';
import { acknowledgeDataStack } from './nagAcknowledgements';
import type { Stage } from './stage';

export interface DataStackProps extends StackProps {
  stage: Stage;
  tableDefinition: TableDefinition;
  authDomainPrefix: string;
  /** The city's own sign-in, from context (infra/identityProvider.ts); none: the pool's own users only. */
  identityProvider?: CityIdentityProviderConfig;
}

/** The EventBridge Scheduler group of a stage: the recurring schedules and every one-time schedule the API creates. */
export const scheduleGroupName = (stage: Stage) => `arshjul-${stage.name}`;

function attribute(key: KeyAttribute): dynamodb.Attribute {
  return { name: key.name, type: key.type === 'S' ? dynamodb.AttributeType.STRING : dynamodb.AttributeType.NUMBER };
}

/**
 * Everything that holds data and must outlive a redeploy of the API: the single table, its key, the
 * user pool (its users and their group memberships are data too, so it lives here, not beside the API),
 * and the schedule group (the one-time schedules the API creates at run time are pending work: deleting
 * a group deletes its schedules).
 */
export class DataStack extends Stack {
  readonly table: dynamodb.Table;
  readonly tableKey: kms.Key;
  readonly auth: Auth;
  readonly scheduleGroup: scheduler.CfnScheduleGroup;
  readonly identityProvider?: CityIdentityProvider;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const { stage, tableDefinition } = props;

    this.tableKey = new kms.Key(this, 'TableKey', {
      description: `Årshjul ${stage.name}: encrypts the governance table`,
      enableKeyRotation: true,
      removalPolicy: stage.removalPolicy,
    });

    // `Table`, not `TableV2`: TableV2 cannot render a customer-managed key in an environment-agnostic stack.
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: attribute(tableDefinition.partitionKey),
      sortKey: attribute(tableDefinition.sortKey),
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.tableKey,
      deletionProtection: !stage.disposable,
      removalPolicy: stage.removalPolicy,
    });
    for (const index of tableDefinition.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: attribute(index.partitionKey),
        sortKey: attribute(index.sortKey),
        ...(index.projection.type === 'ALL'
          ? { projectionType: dynamodb.ProjectionType.ALL }
          : { projectionType: dynamodb.ProjectionType.INCLUDE, nonKeyAttributes: index.projection.attributes }),
      });
    }

    this.auth = new Auth(this, 'Auth', {
      stage,
      domainPrefix: props.authDomainPrefix,
    });

    if (props.identityProvider) {
      this.identityProvider = new CityIdentityProvider(this, 'CityIdentityProvider', {
        userPool: this.auth.userPool,
        config: props.identityProvider,
        removalPolicy: stage.removalPolicy,
      });
    }

    this.scheduleGroup = new scheduler.CfnScheduleGroup(this, 'ScheduleGroup', { name: scheduleGroupName(stage) });
    this.scheduleGroup.applyRemovalPolicy(stage.removalPolicy);

    acknowledgeDataStack(this);

    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'HostedUiBaseUrl', { value: this.auth.domain.baseUrl() });
    new CfnOutput(this, 'ScheduleGroupName', { value: scheduleGroupName(stage) });
  }
}
