/**
 * The cooperation programme kept in the server (docs/exercises.md): every year's exercises (host,
 * area, dates, units of both navies) and the liaison officers and observers, each item with its
 * state, its result and its history (who, when: UTC and the reader's local time). Both parties
 * read it; programme staff add and change exercises, attach people, mark items done, postponed or
 * cancelled; exercise control creates an exercise from an entry.
 */
import { useEffect, useState } from 'preact/hooks';
import { allRccs, formatApproximateDate, placeName, type ApproximateDate, type CooperationConfig } from '../../core/cooperation/index.js';
import { placeReader } from '../i18n/place_reader.js';
import {
  changeProgramme, createExercise, getProgramme, isExerciseControl, isProgrammeStaff,
  type JointExercise, type PersonnelExchange, type ProgrammeView,
} from '../api/exercise_api.js';
import type { MessageKey, MessageValues } from '../i18n/dictionary.js';
import { formatUtcWithLocal } from '../i18n/time_format.js';
import { TID } from '../test_ids.js';
import { dateWords } from './agreement_words.js';
import { errorWords, useApp } from './app.js';

const STATES = ['planned', 'done', 'postponed', 'cancelled'] as const;
const STATE_KEYS: Readonly<Record<string, MessageKey>> = {
  planned: 'prog.state.planned', done: 'prog.state.done', postponed: 'prog.state.postponed', cancelled: 'prog.state.cancelled',
};

/** A date as the form takes it (the parser's words, not the reader's): `not set` is left empty, as when adding. */
const formDate = (date: ApproximateDate) => (date.kind === 'not-set' ? '' : formatApproximateDate(date));

/** The form of an exercise being added or changed. */
interface ExerciseForm { year: string; id: string; name: string; host: string; area: string; date: string; units: string[] }

const emptyForm = (config: CooperationConfig, party: string): ExerciseForm => ({
  year: String(new Date().getUTCFullYear() + 1), id: '', name: '', host: party, area: config.places[0]?.id ?? '', date: '', units: [],
});

/** A programme item's revisions, newest last, each in UTC and the reader's local time. */
function History(props: { view: ProgrammeView; itemId: string }) {
  const { t, user, language } = useApp();
  const revisions = props.view.history.find((h) => h.itemId === props.itemId)?.revisions ?? [];
  if (revisions.length === 0) return null;
  return (
    <details class="history" data-testid={TID.programmeHistory} data-item-id={props.itemId}>
      <summary>{t('prog.history', { count: revisions.length })}</summary>
      <ol>
        {revisions.map((r, k) => (
          <li key={k}><span class="when">{formatUtcWithLocal(Date.parse(r.time), user.party, language)}</span> {t('prog.revision', { by: r.by, summary: r.summary })}</li>
        ))}
      </ol>
    </details>
  );
}

export function ProgrammePanel() {
  const { t, user, agreement, showError, language } = useApp();
  const [view, setView] = useState<ProgrammeView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [note, setNote] = useState<{ key: MessageKey; values?: MessageValues } | null>(null);
  const [editing, setEditing] = useState<{ id: string | null; form: ExerciseForm } | null>(null);
  const [stateFor, setStateFor] = useState<Record<string, { state: string; note: string }>>({});
  const [attach, setAttach] = useState({ exchangeId: '', exerciseId: '', hostedBy: '' });
  const [yearForm, setYearForm] = useState({ year: String(new Date().getUTCFullYear() + 1), frequency: '', rotation: '' });
  const [person, setPerson] = useState({ year: '', id: '', kind: 'liaison-officer', name: '', rankOrRole: '', fromParty: user.party, fromService: '', hostedBy: '', from: '', to: '', exercise: '' });
  const staff = isProgrammeStaff(user);
  const control = isExerciseControl(user);

  const load = () => getProgramme().then((v) => { setView(v); setProblem(null); }, (e: unknown) => setProblem(errorWords(t, e).message));
  useEffect(() => { if (agreement) void load(); }, [agreement]);
  if (!agreement) return null;
  if (problem) return <p class="problem" data-testid={TID.programmePanel}>{problem}</p>;
  if (!view) return <p class="hint" data-testid={TID.programmePanel}>{t('prog.loading')}</p>;

  const send = async (type: Parameters<typeof changeProgramme>[1], payload: unknown, after?: () => void) => {
    try {
      const { version } = await changeProgramme(view.version, type, payload as never);
      setNote({ key: 'prog.saved', values: { version } });
      after?.();
      await load();
    } catch (error) {
      const w = errorWords(t, error);
      showError(w.message, w.code);
      await load();
    }
  };
  // in Korean or Japanese the party's own names in its own script (독도, 竹島); in English, romanised
  const reader = placeReader(user.party, language);
  /** An area that is a place id of the agreement, in the reader's party's name (else as written). */
  const areaName = (area: string) => {
    const place = agreement.places.find((p) => p.id === area);
    return place ? placeName(place, reader, agreement.sharedNaming, agreement.parties.map((x) => x.id)) : area;
  };
  const unitName = (id: string) => agreement.units.find((u) => u.id === id)?.name ?? id;
  const hostName = (id: string) => agreement.units.find((u) => u.id === id)?.name ?? allRccs(agreement).find((r) => r.id === id)?.name ?? id;
  const exercises = view.programmes.flatMap((p) => p.exercises.map((e) => ({ year: p.year, e })));
  const exchanges = view.programmes.flatMap((p) => p.exchanges);

  const saveExercise = () => {
    if (!editing) return;
    const f = editing.form;
    if (editing.id === null) {
      void send('exerciseAdded', { year: Number(f.year), id: f.id.trim(), name: f.name.trim(), host: f.host, area: f.area.trim(), date: f.date.trim() || 'not set', units: f.units }, () => setEditing(null));
      return;
    }
    const old = exercises.find((x) => x.e.id === editing.id)!.e;
    const changed: Record<string, unknown> = { id: old.id };
    if (f.name.trim() !== old.name) changed.name = f.name.trim();
    if (f.host !== old.host) changed.host = f.host;
    if (f.area.trim() !== old.area) changed.area = f.area.trim();
    if ((f.date.trim() || 'not set') !== formatApproximateDate(old.date)) changed.date = f.date.trim() || 'not set';
    if (f.units.join(',') !== old.units.join(',')) changed.units = f.units;
    void send('exerciseChanged', changed, () => setEditing(null));
  };

  const create = async (e: JointExercise) => {
    try {
      const { caseId } = await createExercise(e.id);
      setNote({ key: 'prog.created', values: { caseId } });
      location.hash = `#/case/${caseId}`;
    } catch (error) {
      const w = errorWords(t, error);
      showError(w.message, w.code);
    }
  };

  const exerciseForm = editing && (
    <form class="programme-form" data-testid={TID.programmeForm} onSubmit={(ev) => { ev.preventDefault(); saveExercise(); }}>
      <div class="row">
        {editing.id === null && <label>{t('prog.field.year')} <input data-testid={TID.programmeYear} size={5} inputMode="numeric" value={editing.form.year} onInput={(ev) => setEditing({ ...editing, form: { ...editing.form, year: (ev.target as HTMLInputElement).value } })} /></label>}
        {editing.id === null && <label>{t('prog.field.id')} <input data-testid={TID.programmeId} required pattern="[A-Za-z0-9._:\-]+" value={editing.form.id} onInput={(ev) => setEditing({ ...editing, form: { ...editing.form, id: (ev.target as HTMLInputElement).value } })} /></label>}
      </div>
      <label>{t('prog.field.name')} <input data-testid={TID.programmeName} required value={editing.form.name} onInput={(ev) => setEditing({ ...editing, form: { ...editing.form, name: (ev.target as HTMLInputElement).value } })} /></label>
      <div class="row">
        <label>{t('prog.field.host')}
          <select data-testid={TID.programmeHost} value={editing.form.host} onChange={(ev) => setEditing({ ...editing, form: { ...editing.form, host: (ev.target as HTMLSelectElement).value } })}>
            {agreement.parties.map((p) => <option key={p.id} value={p.id}>{p.id}</option>)}
          </select>
        </label>
        <label>{t('prog.field.date')} <input data-testid={TID.programmeDate} value={editing.form.date} placeholder="2027-05-12" onInput={(ev) => setEditing({ ...editing, form: { ...editing.form, date: (ev.target as HTMLInputElement).value } })} /></label>
      </div>
      <label>{t('prog.field.area')} <input data-testid={TID.programmeArea} required list="programme-places" value={editing.form.area} onInput={(ev) => setEditing({ ...editing, form: { ...editing.form, area: (ev.target as HTMLInputElement).value } })} /></label>
      <datalist id="programme-places">{agreement.places.map((p) => <option key={p.id} value={p.id} />)}</datalist>
      <fieldset class="units-pick">
        <legend>{t('prog.field.units')}</legend>
        {agreement.units.map((u) => (
          <label class="check" key={u.id}>
            <input type="checkbox" data-testid={TID.programmeUnit} data-unit-id={u.id} checked={editing.form.units.includes(u.id)}
              onChange={(ev) => {
                const on = (ev.target as HTMLInputElement).checked;
                const units = on ? [...editing.form.units, u.id] : editing.form.units.filter((x) => x !== u.id);
                setEditing({ ...editing, form: { ...editing.form, units: agreement.units.map((x) => x.id).filter((id) => units.includes(id)) } });
              }} /> {u.id} ({u.party})
          </label>
        ))}
      </fieldset>
      <div class="row">
        <button type="submit" data-testid={TID.programmeSave}>{t('prog.save')}</button>
        <button type="button" onClick={() => setEditing(null)}>{t('prog.close')}</button>
      </div>
    </form>
  );

  const exchangeLine = (x: PersonnelExchange) => (
    <>
      <strong>{x.rankOrRole}{x.name ? ` ${x.name}` : ''}</strong> ({t(x.kind === 'observer' ? 'prog.kind.observer' : 'prog.kind.liaison-officer')}, {x.fromParty} {x.fromService})
      {' → '}{hostName(x.hostedBy)} · {dateWords(t, x.from)} – {dateWords(t, x.to)} · <span class={`state state-${x.state}`}>{t(STATE_KEYS[x.state])}</span>
      {x.exercise && <span class="hint"> · {t('prog.attachedTo', { exercise: x.exercise })}</span>}
    </>
  );

  const stateControl = (id: string) => {
    const s = stateFor[id] ?? { state: 'done', note: '' };
    return (
      <span class="inline state-control">
        <select aria-label={t('prog.markState')} data-testid={TID.programmeStateSelect} data-item-id={id} value={s.state} onChange={(ev) => setStateFor({ ...stateFor, [id]: { ...s, state: (ev.target as HTMLSelectElement).value } })}>
          {STATES.map((k) => <option key={k} value={k}>{t(STATE_KEYS[k])}</option>)}
        </select>
        <input size={14} placeholder={t('prog.note')} aria-label={t('prog.note')} value={s.note} onInput={(ev) => setStateFor({ ...stateFor, [id]: { ...s, note: (ev.target as HTMLInputElement).value } })} />
        <button type="button" data-testid={TID.programmeStateSet} data-item-id={id}
          onClick={() => void send('itemStateSet', { id, state: s.state, ...(s.note.trim() ? { note: s.note.trim() } : {}) })}>{t('prog.setState')}</button>
      </span>
    );
  };

  return (
    <section class="programme-panel" data-testid={TID.programmePanel} data-version={view.version}>
      <h3>{t('agreement.programme')}</h3>
      {!staff && <p class="hint">{t('prog.readOnly')}</p>}
      {note && <p class="ok" role="status">{t(note.key, note.values)}</p>}
      {view.programmes.length === 0 && <p>{t('prog.none')}</p>}
      {view.programmes.map((p) => (
        <div key={p.year} class="programme-year">
          <h4>{t('prog.year', { year: p.year, frequency: p.exerciseFrequency === 'not set' ? t('prog.notSet') : p.exerciseFrequency, rotation: p.hostRotation.join(' → ') || '—' })}</h4>
          <History view={view} itemId={`year:${p.year}`} />
          <ul class="programme-items">
            {p.exercises.map((e) => {
              const cases = view.exerciseCases[e.id] ?? [];
              const people = p.exchanges.filter((x) => x.exercise === e.id);
              return (
                <li key={e.id} data-testid={TID.programmeExercise} data-item-id={e.id} data-state={e.state}>
                  <div class="item-head"><strong>{e.name}</strong> <span class={`state state-${e.state}`}>{t(STATE_KEYS[e.state])}</span></div>
                  <div>{t('prog.exercise', { host: e.host, area: areaName(e.area), date: dateWords(t, e.date) })}</div>
                  <div class="hint">{t('prog.units', { units: e.units.map(unitName).join(', ') || '—' })}</div>
                  {people.length > 0 && <div class="hint">{t('prog.attached', { people: people.map((x) => `${x.rankOrRole}${x.name ? ` ${x.name}` : ''} (${x.fromParty})`).join('; ') })}</div>}
                  {e.result && <div>{t('prog.result', { result: e.result })}</div>}
                  {cases.length > 0 && <div>{t('prog.cases')} {cases.map((c) => <a key={c} href={`#/case/${c}`}>{c} </a>)}</div>}
                  <div class="row actions">
                    {staff && <button type="button" data-testid={TID.programmeEdit} data-item-id={e.id} onClick={() => setEditing({ id: e.id, form: { year: String(p.year), id: e.id, name: e.name, host: e.host, area: e.area, date: formDate(e.date), units: [...e.units] } })}>{t('prog.edit')}</button>}
                    {control && e.state !== 'cancelled' && <button type="button" data-testid={TID.programmeCreateExercise} data-item-id={e.id} onClick={() => void create(e)}>{t('prog.create')}</button>}
                  </div>
                  {staff && stateControl(e.id)}
                  {editing?.id === e.id && exerciseForm}
                  <History view={view} itemId={e.id} />
                </li>
              );
            })}
          </ul>
          {p.exchanges.length > 0 && <h4>{t('agreement.rosters')}</h4>}
          <ul class="programme-items">
            {p.exchanges.map((x) => (
              <li key={x.id} data-testid={TID.programmeExchange} data-item-id={x.id} data-state={x.state}>
                <div>{exchangeLine(x)}</div>
                {staff && <div>{stateControl(x.id)}</div>}
                <History view={view} itemId={x.id} />
              </li>
            ))}
          </ul>
        </div>
      ))}

      {staff && (
        <div class="programme-staff">
          {editing?.id === null ? exerciseForm : <button type="button" data-testid={TID.programmeAdd} onClick={() => setEditing({ id: null, form: emptyForm(agreement, user.party) })}>{t('prog.add')}</button>}

          {exchanges.length > 0 && exercises.length > 0 && (
            <form class="programme-form" onSubmit={(ev) => {
              ev.preventDefault();
              void send('personnelAttached', { exchangeId: attach.exchangeId, ...(attach.exerciseId ? { exerciseId: attach.exerciseId } : {}), ...(attach.hostedBy ? { hostedBy: attach.hostedBy } : {}) },
                () => setAttach({ exchangeId: '', exerciseId: '', hostedBy: '' }));
            }}>
              <h4>{t('prog.attach')}</h4>
              <label>{t('prog.field.exchange')}
                <select data-testid={TID.programmeAttachPerson} required value={attach.exchangeId} onChange={(ev) => setAttach({ ...attach, exchangeId: (ev.target as HTMLSelectElement).value })}>
                  <option value="">—</option>
                  {exchanges.map((x) => <option key={x.id} value={x.id}>{x.rankOrRole}{x.name ? ` ${x.name}` : ''} ({x.fromParty}, {x.id})</option>)}
                </select>
              </label>
              <div class="row">
                <label>{t('prog.field.exercise')}
                  <select data-testid={TID.programmeAttachExercise} value={attach.exerciseId} onChange={(ev) => setAttach({ ...attach, exerciseId: (ev.target as HTMLSelectElement).value })}>
                    <option value="">—</option>
                    {exercises.map(({ e }) => <option key={e.id} value={e.id}>{e.name}</option>)}
                  </select>
                </label>
                <label>{t('prog.field.hostedBy')}
                  <select value={attach.hostedBy} onChange={(ev) => setAttach({ ...attach, hostedBy: (ev.target as HTMLSelectElement).value })}>
                    <option value="">—</option>
                    {[...agreement.units.map((u) => u.id), ...allRccs(agreement).map((r) => r.id)].map((id) => <option key={id} value={id}>{hostName(id)}</option>)}
                  </select>
                </label>
              </div>
              <button type="submit" data-testid={TID.programmeAttachSubmit} disabled={!attach.exchangeId || (!attach.exerciseId && !attach.hostedBy)}>{t('prog.attachSubmit')}</button>
            </form>
          )}

          <details class="programme-form">
            <summary>{t('prog.setYear')}</summary>
            <form onSubmit={(ev) => {
              ev.preventDefault();
              void send('yearSet', { year: Number(yearForm.year), exerciseFrequency: yearForm.frequency.trim(), hostRotation: yearForm.rotation.split(/[\s,→>]+/).map((x) => x.trim().toUpperCase()).filter(Boolean) });
            }}>
              <div class="row wrap">
                <label>{t('prog.field.year')} <input size={5} inputMode="numeric" required value={yearForm.year} onInput={(ev) => setYearForm({ ...yearForm, year: (ev.target as HTMLInputElement).value })} /></label>
                <label>{t('prog.field.frequency')} <input required value={yearForm.frequency} placeholder="twice a year" onInput={(ev) => setYearForm({ ...yearForm, frequency: (ev.target as HTMLInputElement).value })} /></label>
                <label>{t('prog.field.rotation')} <input value={yearForm.rotation} placeholder={agreement.parties.map((p) => p.id).join(', ')} onInput={(ev) => setYearForm({ ...yearForm, rotation: (ev.target as HTMLInputElement).value })} /></label>
              </div>
              <button type="submit">{t('prog.save')}</button>
            </form>
          </details>

          <details class="programme-form">
            <summary>{t('prog.addExchange')}</summary>
            <form onSubmit={(ev) => {
              ev.preventDefault();
              const q = person;
              void send('exchangeAdded', {
                year: Number(q.year || exercises.find((x) => x.e.id === q.exercise)?.year || new Date().getUTCFullYear()), id: q.id.trim(), kind: q.kind,
                ...(q.name.trim() ? { name: q.name.trim() } : {}), rankOrRole: q.rankOrRole.trim(), fromParty: q.fromParty, fromService: q.fromService,
                hostedBy: q.hostedBy, from: q.from.trim() || 'not set', to: q.to.trim() || 'not set', ...(q.exercise ? { exercise: q.exercise } : {}),
              }, () => setPerson({ ...person, id: '', name: '', rankOrRole: '' }));
            }}>
              <div class="row">
                <label>{t('prog.field.year')} <input size={5} inputMode="numeric" value={person.year} onInput={(ev) => setPerson({ ...person, year: (ev.target as HTMLInputElement).value })} /></label>
                <label>{t('prog.field.id')} <input required pattern="[A-Za-z0-9._:\-]+" value={person.id} onInput={(ev) => setPerson({ ...person, id: (ev.target as HTMLInputElement).value })} /></label>
                <label>{t('prog.field.kind')}
                  <select value={person.kind} onChange={(ev) => setPerson({ ...person, kind: (ev.target as HTMLSelectElement).value })}>
                    <option value="liaison-officer">{t('prog.kind.liaison-officer')}</option>
                    <option value="observer">{t('prog.kind.observer')}</option>
                  </select>
                </label>
              </div>
              <div class="row">
                <label>{t('prog.field.rank')} <input required value={person.rankOrRole} onInput={(ev) => setPerson({ ...person, rankOrRole: (ev.target as HTMLInputElement).value })} /></label>
                <label>{t('prog.field.personName')} <input value={person.name} onInput={(ev) => setPerson({ ...person, name: (ev.target as HTMLInputElement).value })} /></label>
              </div>
              <div class="row">
                <label>{t('prog.field.fromParty')}
                  <select value={person.fromParty} onChange={(ev) => setPerson({ ...person, fromParty: (ev.target as HTMLSelectElement).value, fromService: '' })}>
                    {agreement.parties.map((p) => <option key={p.id} value={p.id}>{p.id}</option>)}
                  </select>
                </label>
                <label>{t('prog.field.fromService')}
                  <select required value={person.fromService} onChange={(ev) => setPerson({ ...person, fromService: (ev.target as HTMLSelectElement).value })}>
                    <option value="">—</option>
                    {(agreement.parties.find((p) => p.id === person.fromParty)?.services ?? []).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
                  </select>
                </label>
              </div>
              <label>{t('prog.field.hostedBy')}
                <select required value={person.hostedBy} onChange={(ev) => setPerson({ ...person, hostedBy: (ev.target as HTMLSelectElement).value })}>
                  <option value="">—</option>
                  {[...agreement.units.map((u) => u.id), ...allRccs(agreement).map((r) => r.id)].map((id) => <option key={id} value={id}>{hostName(id)}</option>)}
                </select>
              </label>
              <div class="row">
                <label>{t('prog.field.from')} <input size={10} value={person.from} placeholder="2027-05-01" onInput={(ev) => setPerson({ ...person, from: (ev.target as HTMLInputElement).value })} /></label>
                <label>{t('prog.field.to')} <input size={10} value={person.to} placeholder="2027-05-10" onInput={(ev) => setPerson({ ...person, to: (ev.target as HTMLInputElement).value })} /></label>
                <label>{t('prog.field.exercise')}
                  <select value={person.exercise} onChange={(ev) => setPerson({ ...person, exercise: (ev.target as HTMLSelectElement).value })}>
                    <option value="">—</option>
                    {exercises.map(({ e }) => <option key={e.id} value={e.id}>{e.name}</option>)}
                  </select>
                </label>
              </div>
              <button type="submit">{t('prog.save')}</button>
            </form>
          </details>
        </div>
      )}
    </section>
  );
}
