import { publicIndicatorRoute } from '../../shared/api/routes';
import { boardRepository, cycleRepository, documentRepository } from '../../shared/commons/repositories';
import { publicIndicatorSeries } from '../../shared/features/followUp/publicMeters';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(publicIndicatorRoute, async ({ params }) => {
  const series = await publicIndicatorSeries(params.id, { cycles: cycleRepository(), boards: boardRepository(), documents: documentRepository() });
  return { status: 200, body: series, headers: { 'cache-control': 'public, max-age=60' } };
});
