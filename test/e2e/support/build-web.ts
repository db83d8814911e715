// Vitest global setup for the browser tests: they drive the built app, so build it first if web/src changed.
import { buildWebIfStale } from '../../../scripts/build-web.ts';

export default async function setup(): Promise<void> {
  await buildWebIfStale({ log: (line) => console.log(line) });
}
