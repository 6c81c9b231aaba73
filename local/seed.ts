import type { Actor } from '../shared/domain/actor';
import { currentClock } from '../shared/commons/clock';
import { boardRepository } from '../shared/commons/repositories';
import { putBoard } from '../shared/features/boards/putBoard';
import type { BoardBody } from '../shared/schemas/boards';

/** Stockholm's reporting bodies, as named in the seeds: the 13 district boards, specialist boards and companies. */
export const demoBoards: Array<{ boardId: string } & BoardBody> = [
  ...[
    ['rinkeby-kista', 'Rinkeby-Kista'],
    ['spanga-tensta', 'Spånga-Tensta'],
    ['hasselby-vallingby', 'Hässelby-Vällingby'],
    ['bromma', 'Bromma'],
    ['kungsholmen', 'Kungsholmen'],
    ['norrmalm', 'Norrmalm'],
    ['ostermalm', 'Östermalm'],
    ['sodermalm', 'Södermalm'],
    ['enskede-arsta-vantor', 'Enskede-Årsta-Vantör'],
    ['skarpnack', 'Skarpnäck'],
    ['farsta', 'Farsta'],
    ['alvsjo-hagersten', 'Hägersten-Älvsjö'],
    ['skarholmen', 'Skärholmen'],
  ].map(([boardId, name]) => ({
    boardId: boardId!,
    name: `${name} stadsdelsnämnd`,
    kind: 'district' as const,
    contacts: [`namndsekreterare@${boardId}.stockholm.example`],
  })),
  ...[
    ['utbildning', 'Utbildningsnämnden'],
    ['social', 'Socialnämnden'],
    ['kultur', 'Kulturnämnden'],
    ['aldre', 'Äldrenämnden'],
    ['miljo-halsa', 'Miljö- och hälsoskyddsnämnden'],
    ['trafik', 'Trafiknämnden'],
    ['stadsbyggnad', 'Stadsbyggnadsnämnden'],
    ['exploatering', 'Exploateringsnämnden'],
  ].map(([boardId, name]) => ({
    boardId: boardId!,
    name: name!,
    kind: 'specialist' as const,
    contacts: [`kansli@${boardId}.stockholm.example`],
  })),
  ...[
    ['sisab', 'Skolfastigheter i Stockholm AB (SISAB)'],
    ['stockholmshem', 'AB Stockholmshem'],
    ['svenska-bostader', 'AB Svenska Bostäder'],
    ['familjebostader', 'AB Familjebostäder'],
  ].map(([boardId, name]) => ({
    boardId: boardId!,
    name: name!,
    kind: 'company' as const,
    contacts: [`styrelse@${boardId}.stockholm.example`],
    locale: boardId === 'sisab' ? ('en' as const) : undefined,
  })),
];

const seeder: Actor = { sub: 'demo-seed', role: 'admin', boards: [] };

/** Seeds the demo into an empty table; does nothing when boards exist already. */
export async function seedDemo(): Promise<{ seeded: boolean }> {
  const boards = boardRepository();
  if ((await boards.list()).length > 0) return { seeded: false };
  for (const { boardId, ...body } of demoBoards) {
    await putBoard({ boardId, body }, { actor: seeder, boards, clock: currentClock() });
  }
  return { seeded: true };
}

/** How to sign in as each role, printed by `npm start`. */
export function signInHints(url: string): string {
  const token = (body: object) => `curl -s -X POST ${url}/api/dev/token -H 'content-type: application/json' -d '${JSON.stringify(body)}'`;
  return [
    'Sign in as (local tokens; send them as Authorization: Bearer <token>):',
    `  admin      ${token({ sub: 'anna.admin', role: 'admin', email: 'anna@stockholm.example' })}`,
    `  editor     ${token({ sub: 'erik.bromma', role: 'editor', boards: ['bromma'], email: 'erik@bromma.example' })}`,
    `  reviewer   ${token({ sub: 'rut.reviewer', role: 'reviewer', email: 'rut@stockholm.example' })}`,
    `  executive  ${token({ sub: 'ks.executive', role: 'executive' })}`,
    `Move the demo clock: curl -s -X POST ${url}/api/dev/clock -H 'content-type: application/json' -d '{"now":"2026-02-01T08:00:00Z"}'`,
  ].join('\n');
}
