import { publicMetersCsvRoute } from '../../shared/api/routes';
import { boardRepository, cycleRepository, documentRepository } from '../../shared/commons/repositories';
import { metersCsv } from '../../shared/domain/exports';
import { publicMeters } from '../../shared/features/followUp/publicMeters';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(publicMetersCsvRoute, async ({ params }) => {
  const meters = await publicMeters(params.year, { cycles: cycleRepository(), boards: boardRepository(), documents: documentRepository() });
  return {
    status: 200,
    text: metersCsv(meters),
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="arshjul-meters-${params.year}.csv"`,
      'cache-control': 'public, max-age=60',
    },
  };
});
