import { createSocket } from 'node:dgram';
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { Metrics } from '@aws-lambda-powertools/metrics';
import middy from '@middy/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { lambdaContext } from '../../local/lambdaContext';
import { taskHandler } from '../tasks/taskHandler';
import { logger } from './logger';
import { BusinessMetrics, businessMetricsRecorder, METRICS_NAMESPACE } from './metrics';
import { observed } from './middleware';
import { parseDaemonAddress, Tracer, tracer } from './tracer';

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

  describe('tracer', () => {
    const header = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=557abcec3ee5a047;Sampled=1';
    const lambdaEnv = { AWS_XRAY_DAEMON_ADDRESS: '127.0.0.1:2000', _X_AMZN_TRACE_ID: header };
    /** A DynamoDB client whose HTTP handler answers `status` itself: the SDK's middleware stack runs, no network. */
    const dynamo = (status: number, body: string) =>
      new DynamoDBClient({
        region: 'eu-north-1',
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
        maxAttempts: 1,
        requestHandler: {
          handle: async () => ({
            response: { statusCode: status, headers: { 'x-amzn-requestid': 'req-1', 'content-type': 'application/x-amz-json-1.0' }, body: new TextEncoder().encode(body) },
          }),
        },
      });
    const segmentsOf = (datagrams: string[]) =>
      datagrams.map((datagram) => {
        const [head, body] = datagram.split('\n');
        expect(JSON.parse(head!)).toEqual({ format: 'json', version: 1 });
        return JSON.parse(body!);
      });

    it('records the handler and each AWS SDK call under the invocation, never the response', async () => {
      const datagrams: string[] = [];
      const own = new Tracer({ serviceName: 'arshjul', env: lambdaEnv, send: (datagram) => datagrams.push(datagram) });
      const client = own.traceAwsCalls(dynamo(200, '{"Item":{"pk":{"S":"secret content"}}}'));
      const handler = middy()
        .use(own.middleware())
        .handler(async () => (await client.send(new GetItemCommand({ TableName: 'arshjul', Key: { pk: { S: 'x' } } }))).Item);
      await handler({}, lambdaContext('GetDocument'));
      await handler({}, lambdaContext('GetDocument'));

      const [call, invocation, secondCall, second] = segmentsOf(datagrams);
      expect(invocation).toMatchObject({
        type: 'subsegment',
        trace_id: '1-5759e988-bd862e3fe1be46a994272793',
        parent_id: '557abcec3ee5a047',
        annotations: { ColdStart: true, Service: 'arshjul' },
      });
      expect(invocation.end_time).toBeGreaterThanOrEqual(invocation.start_time);
      expect(call).toMatchObject({
        type: 'subsegment',
        namespace: 'aws',
        name: 'DynamoDB',
        parent_id: invocation.id,
        trace_id: invocation.trace_id,
        aws: { operation: 'GetItem', request_id: 'req-1' },
        http: { response: { status: 200 } },
      });
      expect(call.fault ?? call.error).toBeUndefined();
      expect(second.annotations.ColdStart).toBe(false);
      expect(secondCall.parent_id).toBe(second.id);
      expect(datagrams.join('\n')).not.toContain('secret content');
    });

    it('marks a refused call as an error, a throttled one as throttled, and a failed invocation as a fault', async () => {
      const datagrams: string[] = [];
      const own = new Tracer({ serviceName: 'arshjul', env: lambdaEnv, send: (datagram) => datagrams.push(datagram) });
      const client = own.traceAwsCalls(dynamo(400, '{"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException","message":"slow down"}'));
      const handler = middy()
        .use(own.middleware())
        .handler(async () => client.send(new GetItemCommand({ TableName: 'arshjul', Key: { pk: { S: 'x' } } })));
      await expect(handler({}, lambdaContext('GetDocument'))).rejects.toThrow('slow down');

      const [call, invocation] = segmentsOf(datagrams);
      expect(call).toMatchObject({ error: true, throttle: true, http: { response: { status: 400 } }, cause: { exceptions: [{ type: 'ProvisionedThroughputExceededException', remote: true }] } });
      expect(call.fault).toBeUndefined();
      expect(invocation).toMatchObject({ fault: true, cause: { exceptions: [{ type: 'ProvisionedThroughputExceededException' }] } });
    });

    it('sends nothing for an unsampled invocation, and leaves a client untouched where there is no daemon', async () => {
      const datagrams: string[] = [];
      const unsampled = new Tracer({ serviceName: 'arshjul', env: { ...lambdaEnv, _X_AMZN_TRACE_ID: header.replace('Sampled=1', 'Sampled=0') }, send: (d) => datagrams.push(d) });
      const client = unsampled.traceAwsCalls(dynamo(200, '{}'));
      await middy()
        .use(unsampled.middleware())
        .handler(async () => client.send(new GetItemCommand({ TableName: 'arshjul', Key: { pk: { S: 'x' } } })))({}, lambdaContext('GetDocument'));
      expect(datagrams).toEqual([]);

      const off = new Tracer({ serviceName: 'arshjul', env: { _X_AMZN_TRACE_ID: header } });
      expect(off.isTracingEnabled()).toBe(false);
      const plain = dynamo(200, '{}');
      const before = plain.middlewareStack.identify().length;
      expect(off.traceAwsCalls(plain).middlewareStack.identify().length).toBe(before);
    });

    it('sends its segments as UDP datagrams to the daemon address Lambda sets', async () => {
      const daemon = createSocket('udp4');
      await new Promise<void>((resolve) => daemon.bind(0, '127.0.0.1', resolve));
      const received = new Promise<string>((resolve) => daemon.once('message', (message) => resolve(message.toString('utf8'))));
      try {
        const address = `tcp:127.0.0.1:2000 udp:127.0.0.1:${daemon.address().port}`;
        expect(parseDaemonAddress(address)).toEqual({ host: '127.0.0.1', port: daemon.address().port });
        const own = new Tracer({ serviceName: 'arshjul', env: { ...lambdaEnv, AWS_XRAY_DAEMON_ADDRESS: address } });
        await middy().use(own.middleware()).handler(async () => 'ok')({}, lambdaContext('GetHealth'));
        const datagram = await received;
        expect(segmentsOf([datagram])[0]).toMatchObject({ type: 'subsegment', parent_id: '557abcec3ee5a047' });
      } finally {
        daemon.close();
      }
    });
  });
});
