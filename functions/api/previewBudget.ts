import { previewBudgetRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { boards, cycles, workbooks } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { previewBudget } from '../../shared/features/economy/budgetPreview';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'cycles' | 'boards' | 'workbooks'>) =>
  httpHandler(previewBudgetRoute, async ({ params, body, actor }) => ({ status: 200, body: await previewBudget({ year: params.year, body }, { ...deps, actor }) }));

export const handler = onColdStart(() => makeHandler({ cycles: cycles(), boards: boards(), workbooks: workbooks() }));
