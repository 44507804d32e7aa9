/**
 * The programme as the annual report reads it: a config's programmes with the server's kept
 * programme over them (the server's stream was seeded from a config and changed since, so its
 * version of an item wins; a year or an item only the config has is kept as the config gives it).
 */
import type { YearlyProgramme } from '../../core/cooperation/index.js';
import type { SarbridgeStore } from '../../io/storage/index.js';
import { PROGRAMME_STREAM_ID } from './events.js';
import { foldProgramme } from './fold.js';

/** The server's programme, from its store (empty when the server keeps none). */
export async function serverProgrammes(store: SarbridgeStore): Promise<readonly YearlyProgramme[]> {
  return foldProgramme(await store.readEvents(PROGRAMME_STREAM_ID, 0)).programmes;
}

/** The config's programmes with the server's over them, by year and by item id. */
export function mergeProgrammes(fromConfig: readonly YearlyProgramme[], fromServer: readonly YearlyProgramme[]): YearlyProgramme[] {
  const years = [...new Set([...fromConfig.map((p) => p.year), ...fromServer.map((p) => p.year)])].sort((a, b) => a - b);
  return years.map((year) => {
    const config = fromConfig.find((p) => p.year === year);
    const server = fromServer.find((p) => p.year === year);
    if (!config) return server!;
    if (!server) return config;
    const byId = <T extends { id: string }>(a: readonly T[], b: readonly T[]) => [...b, ...a.filter((x) => !b.some((y) => y.id === x.id))];
    return { ...server, exercises: byId(config.exercises, server.exercises), exchanges: byId(config.exchanges, server.exchanges) };
  });
}
