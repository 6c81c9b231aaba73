import { NotReady } from '../shared/ports/readiness';

/**
 * Whether `npm start` has set up everything it promises (the table, and the demo when it seeds one).
 * GET /api/health asks it before it answers ok, so nobody sees the demo half-seeded: no cycle yet, or a
 * cycle without the council's goals. In AWS only the table decides; this is the local stack's addition.
 */
export class StartupGate {
  private done = false;

  constructor(private readonly waitingFor = 'seeding the demo') {}

  /** Everything is in place: health may answer ok from now on. */
  open(): void {
    this.done = true;
  }

  /** The readiness question: rejects with NotReady (503 with Retry-After) while the start is not finished. */
  readonly ready = async (): Promise<void> => {
    if (!this.done) throw new NotReady(`Årshjul is still starting (${this.waitingFor}); try again in a few seconds.`, 2);
  };
}
