import { Command } from 'commander';
import { COMMAND_DESCRIPTIONS } from './commands.js';
import { filterObjectClasses } from '../../core/objects/index.js';
import { loadLeewayTable } from '../../io/leeway/index.js';

/** `sarbridge objects [text]`: the Leeway object classes and their nine coefficients. */
export function objectsCommand(): Command {
  return new Command('objects')
    .description(COMMAND_DESCRIPTIONS.objects)
    .argument('[text...]', 'only classes whose key or description contains every word')
    .option('--json', 'print as JSON (coefficients in SI: fractions and m/s)')
    .action((words: string[], options: { json?: boolean }) => {
      const table = loadLeewayTable();
      const found = words.length ? filterObjectClasses(table, words.join(' ')) : table;
      if (options.json) {
        console.log(JSON.stringify(found.map(({ tableRow: _row, ...c }) => c), null, 2));
        return;
      }
      console.log('  id  key                  downwind: slope%  offset  sd | right: slope%  offset  sd | left: slope%  offset  sd   description');
      console.log('                                          cm/s  cm/s |              cm/s  cm/s |             cm/s  cm/s');
      for (const c of found) {
        const r = c.tableRow.map((x) => x.toFixed(2).padStart(6));
        console.log(`${String(c.id).padStart(4)}  ${c.key.padEnd(20)} ${r[0]}  ${r[1]} ${r[2]} |  ${r[3]}  ${r[4]} ${r[5]} | ${r[6]}  ${r[7]} ${r[8]}   ${'  '.repeat(c.depth)}${c.description}`);
      }
      console.log(`${found.length} of ${table.length} classes. Source: data/leeway/OBJECTPROP.DAT (see PROVENANCE.md).`);
    });
}
