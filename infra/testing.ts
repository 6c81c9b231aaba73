import { Template } from 'aws-cdk-lib/assertions';
import { buildApp, type BuildAppOptions } from './app';

/** Synthesizes both stacks without bundling (fast) and returns their templates for assertions. */
export function synthTemplates(options: BuildAppOptions = {}) {
  const built = buildApp({ skipBundling: true, ...options });
  return { ...built, data: Template.fromStack(built.dataStack), api: Template.fromStack(built.apiStack) };
}

/** `{ Type, Properties, ... }` of every resource of one type, by logical id. */
export function resourcesOf(template: Template, type: string): Record<string, { Properties: Record<string, any>; Metadata?: Record<string, unknown>; DeletionPolicy?: string; UpdateReplacePolicy?: string }> {
  return template.findResources(type);
}
