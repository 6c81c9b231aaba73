/** A small set of council goals shared by the domain tests (test support: nothing at run time imports it). */
import type { CouncilGoals } from '../../shared/schemas/councilGoals';

export const testGoals: CouncilGoals = {
  directionGoals: [
    {
      id: 'D1',
      title: 'En stad där alla kan leva ett gott liv',
      areaGoals: [
        {
          id: 'D1.1',
          title: 'Skolan',
          indicators: [
            { id: 'KF-1', name: 'Andel behöriga lärare', unit: '%', direction: 'higher', target: 90 },
            { id: 'KF-2', name: 'Sjukfrånvaro', unit: '%', direction: 'lower', target: 6, boards: ['bromma'] },
          ],
        },
      ],
    },
    {
      id: 'D2',
      title: 'En klimatsmart stad',
      areaGoals: [
        {
          id: 'D2.1',
          title: 'Klimat',
          indicators: [{ id: 'KF-3', name: 'Utsläpp per invånare', unit: 'ton', direction: 'lower', target: 1.5, boards: ['kista', 'utbildning'] }],
        },
      ],
    },
  ],
};
