import { Template } from 'aws-cdk-lib/assertions';
import { buildApp, type BuildAppOptions } from './app';

/** Synthesizes both stacks without bundling (fast) and returns their templates for assertions. */
export function synthTemplates(options: BuildAppOptions = {}) {
  const built = buildApp({ skipBundling: true, ...options });
  return { ...built, data: Template.fromStack(built.dataStack), api: Template.fromStack(built.apiStack) };
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
