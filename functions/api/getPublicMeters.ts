import { publicMetersRoute } from '../../shared/api/routes';
import { boardRepository, cycleRepository, documentRepository } from '../../shared/commons/repositories';
import { publicMeters } from '../../shared/features/followUp/publicMeters';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(publicMetersRoute, async ({ params }) => {
  const meters = await publicMeters(params.year, { cycles: cycleRepository(), boards: boardRepository(), documents: documentRepository() });
  return { status: 200, body: meters, headers: { 'cache-control': 'public, max-age=60' } };
});
