import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { TableAccess } from '../functions/manifest';
import { AUDIT_PREFIX } from '../shared/adapters/dynamo/keys';

/**
 * Least privilege on the one table, from the manifest's `table` field. No Scan (no access pattern scans),
 * no streams, no DescribeTable, no BatchWriteItem (nothing batches writes). TransactWriteItems is not an
 * IAM action: each item of a transaction is authorized as its own PutItem/UpdateItem/DeleteItem/
 * ConditionCheckItem, so the item actions below cover transactions too.
 */
export const TABLE_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'] as const;
export const TABLE_WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'] as const;
/** Global secondary indexes can only be queried. */
export const INDEX_ACTIONS = ['dynamodb:Query'] as const;
/**
 * The customer-managed key, usable only through DynamoDB (kms:ViaService): the same actions CDK's table
 * grants give, spelled out instead of `kms:ReEncrypt*` / `kms:GenerateDataKey*`.
 */
export const KEY_READ_ACTIONS = ['kms:Decrypt', 'kms:DescribeKey'] as const;
export const KEY_WRITE_ACTIONS = ['kms:Encrypt', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:ReEncryptFrom', 'kms:ReEncryptTo'] as const;

/** What may never happen to an audit event once written (appending is a conditional PutItem). */
export const AUDIT_IMMUTABLE_ACTIONS = ['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'] as const;

export interface TableRef {
  tableArn: string;
  /** Names of the global secondary indexes: each gets an ARN of its own instead of `index/*`. */
  indexNames: readonly string[];
  keyArn: string;
}

/** Table and key statements for one access level; `none` gets nothing. */
export function tableStatements(scope: Construct, access: TableAccess, table: TableRef): iam.PolicyStatement[] {
  if (access === 'none') return [];
  const write = access === 'write';
  const stack = Stack.of(scope);
  return [
    new iam.PolicyStatement({
      sid: write ? 'TableReadWrite' : 'TableRead',
      actions: [...TABLE_READ_ACTIONS, ...(write ? TABLE_WRITE_ACTIONS : [])],
      resources: [table.tableArn],
    }),
    ...(table.indexNames.length
      ? [
          new iam.PolicyStatement({
            sid: 'TableIndexes',
            actions: [...INDEX_ACTIONS],
            resources: table.indexNames.map((name) => `${table.tableArn}/index/${name}`),
          }),
        ]
      : []),
    new iam.PolicyStatement({
      sid: write ? 'TableKeyReadWrite' : 'TableKeyRead',
      actions: [...KEY_READ_ACTIONS, ...(write ? KEY_WRITE_ACTIONS : [])],
      resources: [table.keyArn],
      conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${stack.region}.${stack.urlSuffix}` } },
    }),
  ];
}

/**
 * One customer-managed policy every function role (and every state machine role) carries: audit events
 * live in partitions `AUDIT#…` (shared/adapters/dynamo/keys.ts), and no principal of the app may update
 * or delete an item there, directly or inside a transaction, whatever else it is allowed. An explicit
 * Deny wins over every Allow, so a future over-broad grant cannot undo it.
 */
export function auditImmutabilityPolicy(scope: Construct, id: string, tableArn: string): iam.ManagedPolicy {
  return new iam.ManagedPolicy(scope, id, {
    // IAM descriptions: Latin-1 only.
    description: 'Årshjul: audit events (partition keys AUDIT#...) can be appended, never updated or deleted',
    statements: [
      new iam.PolicyStatement({
        sid: 'AuditEventsAreAppendOnly',
        effect: iam.Effect.DENY,
        actions: [...AUDIT_IMMUTABLE_ACTIONS],
        resources: [tableArn],
        conditions: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [`${AUDIT_PREFIX}*`] } },
      }),
    ],
  });
}
