/**
 * The single table, described once. CDK builds the deployed table from this and the local stack
 * creates DynamoDB Local's table from it, so the two cannot drift (a test compares them).
 */
export interface KeyAttribute {
  name: string;
  type: 'S' | 'N';
}

export interface IndexDefinition {
  indexName: string;
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
  /** ALL: whole items; INCLUDE: the keys and these attributes only, so a query reads (and pays for) just those. */
  projection: { type: 'ALL' } | { type: 'INCLUDE'; attributes: string[] };
}

export interface TableDefinition {
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
  globalSecondaryIndexes: IndexDefinition[];
  timeToLiveAttribute: string;
}

export const tableDefinition: TableDefinition = {
  partitionKey: { name: 'PK', type: 'S' },
  sortKey: { name: 'SK', type: 'S' },
  globalSecondaryIndexes: [
    // Lists: all boards, all cycles.
    { indexName: 'GSI1', partitionKey: { name: 'GSI1PK', type: 'S' }, sortKey: { name: 'GSI1SK', type: 'S' }, projection: { type: 'ALL' } },
    // Queues: documents waiting for review, oldest first (sparse: set only while in_review).
    // Only what the queue shows, not the documents' content.
    {
      indexName: 'GSI2',
      partitionKey: { name: 'GSI2PK', type: 'S' },
      sortKey: { name: 'GSI2SK', type: 'S' },
      projection: { type: 'INCLUDE', attributes: ['year', 'boardId', 'kind', 'submittedAt', 'submissions', 'findingsCount'] },
    },
  ],
  timeToLiveAttribute: 'expiresAt',
};
