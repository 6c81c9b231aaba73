/** True when DynamoDB refused a single write because its condition did not hold. */
export function isConditionFailure(error: unknown): boolean {
  return (error as { name?: string })?.name === 'ConditionalCheckFailedException';
}
