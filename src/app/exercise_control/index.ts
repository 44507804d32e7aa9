export { checkControlPayload, CONTROL_AUTHOR, DETECTION_STEP_S, ExerciseControl, type ControlCommand, type ExerciseControlDeps } from './control.js';
export { CONTROL_EVENT_PAYLOADS, CONTROL_EVENT_TYPES, CONTROLLER_EVENT_TYPES, controlStreamId, TruthSchema, type ControlEventPayload, type ControlEventType, type Truth } from './events.js';
export { exerciseTimeS, foldControl, type ControlState, type ExerciseClock, type ScheduledInject } from './fold.js';
export { TruthTracks, truthSpec, TRUTH_DEFAULT_DURATION_H, TRUTH_STEP_S } from './truth_track.js';
