import { Template } from 'aws-cdk-lib/assertions';
import { buildApp, type BuildAppOptions } from './app';

/** What a production synth needs (infra/stage.ts `PRODUCTION_CONTEXT`): tests of `prod` spread it into their context. */
export const productionContext = { mailFrom: 'arshjul@stad.example.se', alarmEmail: 'drift@stad.example.se' };

/** Synthesizes every stack without bundling (fast) and returns their templates for assertions. */
export function synthTemplates(options: BuildAppOptions = {}) {
  const built = buildApp({ skipBundling: true, ...options });
  return {
    ...built,
    data: Template.fromStack(built.dataStack),
    api: Template.fromStack(built.apiStack),
    /** The API stack's nested stack of alarms and the dashboard. */
    monitoring: inParentTerms(Template.fromStack(built.apiStack), Template.fromStack(built.apiStack.monitoring)),
    webAcl: built.webAclStack ? Template.fromStack(built.webAclStack) : undefined,
  };
}

export interface SynthesizedResource {
  Properties: Record<string, any>;
  Metadata?: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

/** Every resource of one type, by logical id. */
export function resourcesOf(template: Template, type: string): Record<string, SynthesizedResource> {
  return template.findResources(type) as Record<string, SynthesizedResource>;
}

export interface PolicyStatementJson {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, unknown>;
}

/** The logical id of the resource with this `Metadata` key/value (functions carry `arshjul:id`). */
export function logicalIdWithMetadata(template: Template, type: string, key: string, value: string): string {
  const found = Object.entries(resourcesOf(template, type)).find(([, resource]) => resource.Metadata?.[key] === value);
  if (!found) throw new Error(`No ${type} with metadata ${key}=${value}`);
  return found[0];
}

/** Every statement of the inline policies (AWS::IAM::Policy) and customer-managed policies attached to a role. */
export function statementsOfRole(template: Template, roleLogicalId: string): PolicyStatementJson[] {
  const attached = (roles: unknown) => Array.isArray(roles) && roles.some((role: { Ref?: string }) => role.Ref === roleLogicalId);
  const inline = Object.values(resourcesOf(template, 'AWS::IAM::Policy'))
    .filter((policy) => attached(policy.Properties.Roles))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as PolicyStatementJson[]);
  const role = resourcesOf(template, 'AWS::IAM::Role')[roleLogicalId];
  const managedRefs = ((role?.Properties.ManagedPolicyArns ?? []) as Array<{ Ref?: string }>).map((arn) => arn.Ref).filter(Boolean);
  const managed = Object.entries(resourcesOf(template, 'AWS::IAM::ManagedPolicy'))
    .filter(([id]) => managedRefs.includes(id))
    .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement as PolicyStatementJson[]);
  return [...inline, ...managed];
}

/** The role of the function with this manifest id, and every statement it carries. */
export function functionRole(template: Template, id: string): { roleId: string; statements: PolicyStatementJson[]; role: SynthesizedResource } {
  const fnId = logicalIdWithMetadata(template, 'AWS::Lambda::Function', 'arshjul:id', id);
  const fn = resourcesOf(template, 'AWS::Lambda::Function')[fnId];
  const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
  return { roleId, statements: statementsOfRole(template, roleId), role: resourcesOf(template, 'AWS::IAM::Role')[roleId] };
}

/** Allowed actions of a set of statements, flattened and sorted. */
export const allowedActions = (statements: PolicyStatementJson[]) =>
  [...new Set(statements.filter((s) => s.Effect === 'Allow').flatMap((s) => [s.Action].flat()))].sort();

/** The environment of the function with this manifest id. */
export function environmentOf(template: Template, id: string): Record<string, unknown> {
  const fnId = logicalIdWithMetadata(template, 'AWS::Lambda::Function', 'arshjul:id', id);
  return resourcesOf(template, 'AWS::Lambda::Function')[fnId].Properties.Environment?.Variables ?? {};
}

/**
 * A nested stack's template with each of its parameters replaced by what the parent passes in (`{ "Ref": <the
 * function's logical id> }` rather than `{ "Ref": "referenceto…" }`), so that tests can name the parent's resources.
 */
function inParentTerms(parent: Template, nested: Template): Template {
  const stacks = Object.values(resourcesOf(parent, 'AWS::CloudFormation::Stack'));
  const passed = Object.assign({}, ...stacks.map((stack) => stack.Properties.Parameters ?? {})) as Record<string, unknown>;
  let json = JSON.stringify(nested.toJSON());
  for (const [name, value] of Object.entries(passed)) json = json.split(JSON.stringify({ Ref: name })).join(JSON.stringify(value));
  return Template.fromJSON(JSON.parse(json));
}
