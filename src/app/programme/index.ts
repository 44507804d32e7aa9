export { checkProgrammePayload, decideProgramme, mayReadProgramme, type ProgrammeCommand } from './commands.js';
export { PROGRAMME_EVENT_PAYLOADS, PROGRAMME_EVENT_TYPES, PROGRAMME_STREAM_ID, STAFF_EVENT_TYPES, type ProgrammeEventPayload, type ProgrammeEventType } from './events.js';
export { findItem, foldProgramme, type ExerciseOutcome, type ProgrammeState } from './fold.js';
export { ProgrammeStream } from './stream.js';
export { mergeProgrammes, serverProgrammes } from './merge.js';
