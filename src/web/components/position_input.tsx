/**
 * Position entry as sailors write it: latitude first, degrees / minutes / seconds and a
 * hemisphere per axis, what the fields read as, and a warning when the position is on land
 * (the commonest error in other tools: swapped latitude and longitude). The map shows a live marker.
 */
import { useEffect, useState } from 'preact/hooks';
import { onNaturalEarthLand } from '../map/natural_earth_land.js';
import { TID } from '../test_ids.js';
import { useApp } from './app.js';
import { formatDegreesMinutes, positionProblemText, readPositionFields, type AxisFields, type PositionFields } from './position_fields.js';

export function PositionInput(props: {
  value: PositionFields;
  onChange: (f: PositionFields) => void;
  /** The live marker: the position read and whether it is on land (null: nothing to show). */
  onPreview?: (p: { lonDeg: number; latDeg: number; onLand: boolean } | null) => void;
}) {
  const { t, planner, language } = useApp();
  const reading = readPositionFields(props.value);
  const [land, setLand] = useState<{ onLand: boolean | null; source: string } | null>(null);

  useEffect(() => {
    if (reading.kind !== 'position') { setLand(null); props.onPreview?.(null); return; }
    let stale = false;
    planner.isLand(reading.lonDeg, reading.latDeg).then(async (r) => {
      // outside the bundled GSHHG subset: Natural Earth's land (coarser, but it catches a continent)
      if (r.onLand === null) r = { onLand: await onNaturalEarthLand(reading.lonDeg, reading.latDeg), source: 'Natural Earth 1:10m land' };
      if (stale) return;
      setLand(r);
      props.onPreview?.({ lonDeg: reading.lonDeg, latDeg: reading.latDeg, onLand: r.onLand === true });
    }, () => undefined);
    return () => { stale = true; };
  }, [reading.kind === 'position' ? `${reading.latDeg},${reading.lonDeg}` : reading.kind]);

  const axis = (name: 'lat' | 'lon') => {
    const a = props.value[name];
    const set = (patch: Partial<AxisFields>) => props.onChange({ ...props.value, [name]: { ...a, ...patch } });
    const ids = name === 'lat'
      ? { deg: TID.latDeg, min: TID.latMin, sec: TID.latSec, hem: TID.latHem }
      : { deg: TID.lonDeg, min: TID.lonMin, sec: TID.lonSec, hem: TID.lonHem };
    return (
      <fieldset class="axis">
        <legend>{t(name === 'lat' ? 'pos.lat' : 'pos.lon')}</legend>
        <input data-testid={ids.deg} inputMode="decimal" size={6} aria-label={`${t(name === 'lat' ? 'pos.lat' : 'pos.lon')} ${t('pos.deg')}`} value={a.deg} onInput={(e) => set({ deg: (e.target as HTMLInputElement).value })} />
        <span>°</span>
        <input data-testid={ids.min} inputMode="decimal" size={5} aria-label={t('pos.min')} value={a.min} onInput={(e) => set({ min: (e.target as HTMLInputElement).value })} />
        <span>′</span>
        <input data-testid={ids.sec} inputMode="decimal" size={4} aria-label={t('pos.sec')} value={a.sec} onInput={(e) => set({ sec: (e.target as HTMLInputElement).value })} />
        <span>″</span>
        <select data-testid={ids.hem} aria-label={t(name === 'lat' ? 'pos.lat' : 'pos.lon')} value={a.hem} onChange={(e) => set({ hem: (e.target as HTMLSelectElement).value as AxisFields['hem'] })}>
          {(name === 'lat' ? ['N', 'S'] : ['E', 'W']).map((h) => <option value={h} key={h}>{h}</option>)}
        </select>
      </fieldset>
    );
  };

  return (
    <div class="position-input">
      {axis('lat')}
      {axis('lon')}
      <p class="hint">{t('pos.hint')}</p>
      <p data-testid={TID.positionPreview} class={reading.kind === 'problem' ? 'problem' : 'reads'}>
        {reading.kind === 'position' ? t('pos.reads', { position: formatDegreesMinutes(reading.latDeg, reading.lonDeg) })
          : reading.kind === 'problem' ? positionProblemText(reading, language) : t('pos.incomplete')}
      </p>
      {reading.kind === 'position' && land?.onLand === true && <p class="warning" role="alert" data-testid={TID.positionOnLand}>{t('pos.onLand', { source: land.source })}</p>}
    </div>
  );
}
