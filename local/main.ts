import { resolve } from 'node:path';
import { buildWeb } from '../web/build';
import { JavaMissingError } from './dynamodb';
import { StartupGate } from './readiness';
import { seedDemo, signInHints } from './seed';
import { LIVED_DEMO_TODAY } from './seedLived';
import { seedFirstAdministrator, seedPeople } from './seedPeople';
import { startStack, type RunningStack } from './stack';

/** `npm start`: the whole system on one machine, no AWS account, no Docker. */
async function main() {
  const port = Number(process.env.PORT ?? 3000);
  const dataDir = resolve(process.env.DATA_DIR ?? '.data');
  // DEMO=off: a city tries it on its own data, from an empty table.
  const demo = process.env.DEMO?.toLowerCase() !== 'off';
  const startup = new StartupGate(demo ? 'seeding the demo' : 'starting the stack');
  const say = (line: string) => process.stdout.write(`${line}\n`);
  say(`Årshjul: starting the local stack (data in ${dataDir}) ...`);

  let stack: RunningStack | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal}: stopping ...`);
    await stack?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await buildWeb();
    // The lived demo tells its story up to 2026-12-04: on a fresh DATA_DIR the clock starts there, or at the real time
    // when that is later (a DATA_DIR seeded earlier keeps its own clock).
    const clockStart = demo ? new Date(Math.max(Date.now(), LIVED_DEMO_TODAY.getTime())) : undefined;
    stack = await startStack({ port, dataDir, tickMs: 1000, clockStart, log: process.env.LOG_LOCAL ? say : undefined, ready: startup.ready });
  } catch (error) {
    if (error instanceof JavaMissingError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  if (demo) {
    const started = Date.now();
    const { seeded } = await seedDemo(stack.deps, { plans: true, lived: true });
    if (seeded) {
      say(
        `Seeded the demo in ${Math.round((Date.now() - started) / 1000)} s: Stockholm-like boards, companies, units below Bromma and Utbildningsnämnden; 2025 signed off with its outcomes, ` +
          "and 2026 in flight (every board's plan filed, tertial reports in review, returned and late).",
      );
    }
    const { added } = await seedPeople(stack.deps);
    if (added > 0) say(`Added the demo's ${added} people to the local user store (the sign-in page lists them; change them on /admin/users).`);
  } else {
    say('DEMO=off: no demo data; the table holds only what you put in.');
    const { added } = await seedFirstAdministrator(stack.deps);
    if (added > 0) say('The user store was empty: sign in as "Administratör" (admin) and invite the others on /admin/users.');
  }
  // Health says ok only from here: everything npm start sets up is in place.
  startup.open();
  say(`\nÅrshjul is running on ${stack.url}   (web app at /, API at /api, health at /api/health)`);
  say(`Local clock: ${stack.clock.now().toISOString()}`);
  say(signInHints(stack.url));
  say('\nCtrl-C stops everything.');
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
