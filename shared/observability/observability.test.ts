import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import middy from '@middy/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { lambdaContext } from '../../local/lambdaContext';
import { taskHandler } from '../tasks/taskHandler';
import { logger } from './logger';
import { BusinessMetrics, businessMetricsRecorder, METRICS_NAMESPACE } from './metrics';
import { observed } from './middleware';
import { tracer } from './tracer';

/** Captures what is written to stdout and stderr while `run` runs, as lines. */
async function stdoutOf(run: () => Promise<unknown> | unknown): Promise<string[]> {
  const lines: string[] = [];
  const capture = (chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  };
  const spies = [vi.spyOn(process.stdout, 'write').mockImplementation(capture), vi.spyOn(process.stderr, 'write').mockImplementation(capture)];
  try {
    await run();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return lines;
}

describe('observability', () => {
  afterEach(() => logger.setLogLevel('SILENT'));

  it('puts the Lambda context on each log line of a handler', async () => {
    const own = new Logger({ serviceName: 'arshjul', logLevel: 'INFO' });
    const handler = middy()
      .use(observed({ logger: own }))
      .handler(async () => {
        own.info('step done');
        return 'ok';
      });
    const lines = await stdoutOf(() => handler({}, lambdaContext('RunChecks')));
    const line = JSON.parse(lines.find((text) => text.includes('step done'))!);
    expect(line).toMatchObject({ function_name: 'RunChecks', cold_start: expect.any(Boolean), function_request_id: expect.any(String) });
  });

  it('does so for the task handlers too, with the task keys they add', async () => {
    logger.setLogLevel('INFO');
    const handler = taskHandler('Probe', z.object({ document: z.object({ year: z.number() }) }), async () => 'never');
    const lines = await stdoutOf(() => handler({ document: { year: 'x' } }, lambdaContext('Probe')).catch(() => undefined));
    const line = JSON.parse(lines.find((text) => text.includes('task failed'))!);
    expect(line).toMatchObject({ function_name: 'Probe', task: 'Probe', function_request_id: expect.any(String) });
  });

  it('writes a business metric as EMF in the Årshjul namespace', async () => {
    const recorder = new BusinessMetrics(new Metrics({ namespace: METRICS_NAMESPACE, serviceName: 'arshjul' }));
    const lines = await stdoutOf(() => recorder.counted('DocumentsApproved', (result: { sent: boolean }) => (result.sent ? 1 : 0))({ sent: true }));
    const emf = JSON.parse(lines.at(-1)!);
    expect(emf._aws.CloudWatchMetrics[0]).toMatchObject({ Namespace: 'Arshjul', Metrics: [{ Name: 'DocumentsApproved', Unit: 'Count' }] });
    expect(emf.DocumentsApproved).toBe(1);
    expect(await stdoutOf(() => recorder.count('DocumentsApproved', 0))).toEqual([]);
  });

  it('stays quiet outside Lambda: no EMF lines, no tracing', async () => {
    expect(await stdoutOf(() => businessMetricsRecorder.count('DocumentsSubmitted'))).toEqual([]);
    expect(tracer.isTracingEnabled()).toBe(false);
  });
});
