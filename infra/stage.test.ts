import { describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { productionContext } from './testing';

/** A production deploy that could not work (no sender, nobody to alarm) is refused at synth, naming what is missing. */
describe('production context', () => {
  const synth = (stage: string, context: Record<string, unknown>) => () => buildApp({ skipBundling: true, validate: false, stage, context });

  it('refuses prod without a sender, naming -c mailFrom', () => {
    expect(synth('prod', { alarmEmail: productionContext.alarmEmail })).toThrow(/cannot be deployed without: -c mailFrom=…/);
  });

  it('refuses prod without an alarm address, naming -c alarmEmail', () => {
    expect(synth('prod', { mailFrom: productionContext.mailFrom })).toThrow(/without: -c alarmEmail=…/);
  });

  it('names every missing value at once', () => {
    expect(synth('prod', {})).toThrow(/-c mailFrom=….*; -c alarmEmail=…/);
  });

  it('synthesizes prod once both are given', () => {
    expect(synth('prod', productionContext)).not.toThrow();
  });

  it.each(['dev', 'test'])('lets %s keep the defaults', (stage) => {
    expect(synth(stage, {})).not.toThrow();
  });
});
