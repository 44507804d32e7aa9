/** The search object: a searchable list of all the Leeway classes (key, number or words). */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { TID } from '../test_ids.js';
import { useApp } from './app.js';
import { exactClass } from './object_query.js';

type ObjectRow = { key: string; id: number; name: string };
let cached: Promise<readonly ObjectRow[]> | null = null;

export function ObjectPicker(props: { value: string; onChange: (key: string) => void }) {
  const { t, planner } = useApp();
  const [objects, setObjects] = useState<readonly ObjectRow[]>([]);
  const [query, setQuery] = useState(props.value);
  useEffect(() => { (cached ??= planner.objects()).then(setObjects, () => undefined); }, []);
  useEffect(() => setQuery(props.value), [props.value]);
  useEffect(() => {
    const hit = exactClass(query, objects);
    if (hit && hit !== props.value) props.onChange(hit);
  }, [objects]);
  const matches = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return objects;
    return objects.filter((o) => words.every((w) => o.key.toLowerCase().includes(w) || o.name.toLowerCase().includes(w) || String(o.id) === w));
  }, [objects, query]);
  const exact = objects.find((o) => o.key === props.value);
  return (
    <div class="object-picker">
      <input data-testid={TID.reportObject} placeholder={t('report.objectSearch')} value={query}
        onInput={(e) => {
          const v = (e.target as HTMLInputElement).value;
          setQuery(v);
          const hit = exactClass(v, objects);
          if (hit) props.onChange(hit);
        }} />
      <select size={5} aria-label={t('report.object')} value={props.value} onChange={(e) => { const k = (e.target as HTMLSelectElement).value; props.onChange(k); setQuery(k); }}>
        {matches.map((o) => <option value={o.key} key={o.key}>{o.key}: {o.name}</option>)}
      </select>
      {objects.length > 0 && matches.length === 0 && <p class="problem">{t('report.objectNone', { query })}</p>}
      {exact && <p class="hint">{exact.key}: {exact.name}</p>}
    </div>
  );
}
