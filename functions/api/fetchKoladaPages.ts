import { fetchKoladaPagesRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { clock, cycles, kolada } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { fetchKoladaPages } from '../../shared/features/followUp/outcomeImport';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'cycles' | 'kolada' | 'clock'>) =>
  httpHandler(fetchKoladaPagesRoute, async ({ params, body }) => ({ status: 200, body: await fetchKoladaPages({ year: params.year, body }, deps) }));

export const handler = onColdStart(() => makeHandler({ cycles: cycles(), kolada: kolada(), clock: clock() }));
