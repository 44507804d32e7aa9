/**
 * The page's test hooks: every `data-testid` the end-to-end tests use, in one place, so the page
 * and the tests cannot drift apart. The page also sets `window.sarbridgeApp` (see AppProbe) so tests
 * wait for application states ("ready", "drift done"), never for a timer.
 */
export const TID = {
  // sign-in and shell
  signinUser: 'signin-user',
  signinPassword: 'signin-password',
  signinSubmit: 'signin-submit',
  signinError: 'signin-error',
  signOut: 'sign-out',
  langSelect: 'lang-select',            // <select> with values en | ko | ja
  nightToggle: 'night-toggle',
  rendererSelect: 'renderer-select',    // <select> auto | gpu | cpu
  connection: 'connection-status',      // data-state = online | offline | reconnecting
  errorBanner: 'error-banner',
  particlesShown: 'particles-shown',       // the map's checkbox: the drift's cloud drawn, or hidden to show the probability map
  placeOffTheCoastline: 'place-off-the-coastline',   // data-place-id, data-distance-nm: the coastline has no land at the agreement's position of a place
  unitsNotShown: 'units-not-shown',        // planning inputs hold units of another party not released to the reader          // data-code = a SARB_* code or a page error code
  // cases
  caseList: 'case-list',
  caseItem: 'case-item',                // data-case-id = the case id
  newCase: 'new-case',
  newCaseTitle: 'newcase-title',
  newCaseKind: 'newcase-kind',
  newCaseParties: 'newcase-parties',    // text: comma-separated party codes
  newCaseSubmit: 'newcase-submit',
  caseTitle: 'case-title',
  // the map
  map: 'map',
  timeSlider: 'time-slider',            // <input type=range> over the drift's output times
  timeLabel: 'time-label',
  playPause: 'play-pause',
  // report entry (position as sailors write it, latitude first)
  reportText: 'report-text',
  latDeg: 'lat-deg', latMin: 'lat-min', latSec: 'lat-sec', latHem: 'lat-hem',
  lonDeg: 'lon-deg', lonMin: 'lon-min', lonSec: 'lon-sec', lonHem: 'lon-hem',
  positionPreview: 'position-preview',  // the position as read, or the problem
  positionOnLand: 'position-on-land',   // shown only when the position is on land
  reportTime: 'report-time',            // UTC, 'YYYY-MM-DDTHH:MM'
  reportErrorNm: 'report-error-nm',
  reportObject: 'report-object',        // searchable object class input (key or words)
  reportAsScenario: 'report-as-scenario', // checkbox: also make the report the drift's last known position
  reportSubmit: 'report-submit',
  // planning inputs, drift and plan
  tabPlan: 'tab-plan', tabLog: 'tab-log', tabReport: 'tab-report', tabAgreement: 'tab-agreement',
  forcingLocalFile: 'forcing-local-file', // <input type=file> opened in the Worker
  forcingUploadFile: 'forcing-upload-file', // <input type=file> uploaded to the server
  forcingError: 'forcing-error',
  particleCount: 'particle-count',
  driftRun: 'drift-run',
  driftProgress: 'drift-progress',      // <progress>
  driftError: 'drift-error',
  planRun: 'plan-run',
  planPosTotal: 'plan-pos-total',       // data-pos = the plan's POS, 0..1
  planBaselinePos: 'plan-baseline-pos', // data-pos = the IAMSAR baseline's POS, 0..1
  planChosen: 'plan-chosen', // data-chosen = 'optimiser' or 'iamsar-baseline', the layout returned
  planPlacedOn: 'plan-placed-on', // a large cloud: the areas were chosen on a sample, every POS is on all particles
  planPrevious: 'plan-previous', // a re-plan: data-kept = 'true' when the areas issued last were kept
  planUnitRow: 'plan-unit-row',         // data-unit-id, data-craft
  planHeldRow: 'plan-held-row',         // data-unit-id: a unit held in reserve
  planIssue: 'plan-issue',
  planHeld: 'plan-held',                // the notifications holding the plan back
  notificationRow: 'notification-row',  // data-notification-id, data-state = pending | acknowledged
  acknowledge: 'acknowledge',
  exportGpx: 'export-gpx', exportKml: 'export-kml', exportRtz: 'export-rtz', exportGeojson: 'export-geojson',
  exportMessage: 'export-message',
  planMessage: 'plan-message',          // <pre> with the plain-text plan message
  searchDoneUnit: 'search-done-unit', searchDoneGpx: 'search-done-gpx', searchDoneTrackDate: 'search-done-track-date', searchDoneTrackRead: 'search-done-track-read', searchDoneSubmit: 'search-done-submit',
  // the log and the agreement
  timeline: 'timeline',
  timelineEntry: 'timeline-entry',      // data-type = event type, data-version
  acknowledgeMessage: 'acknowledge-message',   // on a message of another party to the reader's, not yet acknowledged
  conflict: 'conflict',                 // an offline event the server refused on its version
  // trust in the joint log (case_status_panel.tsx, entry_fix.tsx)
  caseStatus: 'case-status',            // data-status = open | closed, data-agreed = parties agreed to the next change
  statusPending: 'status-pending', statusWhyNot: 'status-why-not', statusProblem: 'status-problem',
  statusChange: 'status-change',        // Close case / Reopen case (disabled when the rule does not allow this reader)
  statusAgree: 'status-agree',          // Agree to close / reopen
  partyAdd: 'party-add', partyPick: 'party-pick',
  statusForm: 'status-form', statusReason: 'status-reason', statusSubmit: 'status-submit',
  fixCorrect: 'fix-correct', fixRetract: 'fix-retract', // on an entry of the reader's own party
  fixForm: 'fix-form', fixText: 'fix-text', fixTime: 'fix-time', fixReason: 'fix-reason', fixSubmit: 'fix-submit', fixProblem: 'fix-problem',
  fixCorrected: 'fix-corrected',        // the marks of a corrected entry (who, when, why)
  fixOriginal: 'fix-original',          // what was first written, struck through
  fixRetracted: 'fix-retracted',        // the mark of a retracted entry
  refusedWrite: 'refused-write',        // data-code: a write the server refused after the outbox sent it (refused_writes.tsx)
  placeLabel: 'place-label',            // data-place-id; text = the name in the reader's party
  agreementRecord: 'agreement-record',
  agreementEntry: 'agreement-entry',    // data-kind = agreement-status | incident | meeting | exercise | exchange: an entry of the agreement's history
  // the programme (programme_panel.tsx)
  programmePanel: 'programme-panel',    // data-version = the programme stream's version
  programmeExercise: 'programme-exercise', // data-item-id, data-state = planned | done | postponed | cancelled
  programmeExchange: 'programme-exchange', // data-item-id, data-state
  programmeHistory: 'programme-history',   // <details> data-item-id
  programmeAdd: 'programme-add', programmeForm: 'programme-form', programmeSave: 'programme-save',
  programmeYear: 'programme-year', programmeId: 'programme-id', programmeName: 'programme-name', programmeHost: 'programme-host',
  programmeArea: 'programme-area', programmeDate: 'programme-date', programmeUnit: 'programme-unit', // checkbox data-unit-id
  programmeEdit: 'programme-edit',      // data-item-id
  programmeStateSelect: 'programme-state-select', programmeStateSet: 'programme-state-set', // data-item-id
  programmeAttachPerson: 'programme-attach-person', programmeAttachExercise: 'programme-attach-exercise', programmeAttachSubmit: 'programme-attach-submit',
  programmeCreateExercise: 'programme-create-exercise', // data-item-id (exercise control)
  // an exercise, as the players see it (exercise_play.tsx)
  tabExercise: 'tab-exercise', tabControl: 'tab-control',
  exerciseClock: 'exercise-clock',      // data-mode, data-rate, data-exercise-time (ISO UTC)
  exerciseDetected: 'exercise-detected', // the banner: data-unit-id
  injectEntry: 'inject-entry',          // data-inject-id, data-kind
  injectToReport: 'inject-to-report',   // data-inject-id
  simulateSearch: 'simulate-search',    // data-unit-id
  trackUnit: 'track-unit', trackFile: 'track-file', trackDate: 'track-date', trackWidth: 'track-width', trackSpeed: 'track-speed',
  trackRead: 'track-read', trackError: 'track-error', trackSubmit: 'track-submit',
  trackMissing: 'track-missing',        // what the track upload still needs (a unit, a sweep width) before it can be recorded
  exerciseEnded: 'exercise-ended',
  reportLink: 'report-link',            // data-format = html | pdf, data-copy = party | shared
  // exercise control (exercise_control_panel.tsx; controllers only)
  controlPanel: 'control-panel',        // data-version = the control stream's version
  controlNotController: 'control-not-controller',
  controllersInput: 'controllers-input', controllersSubmit: 'controllers-submit',
  truthForm: 'truth-form', injectForm: 'inject-form',
  truthWindFile: 'truth-wind-file', truthCurrentFile: 'truth-current-file', truthForcingUpload: 'truth-forcing-upload', truthForcingShared: 'truth-forcing-shared', truthSetShared: 'truth-set-shared',
  truthWindFactor: 'truth-wind-factor', truthWindTurn: 'truth-wind-turn', truthCurrentFactor: 'truth-current-factor', truthCurrentTurn: 'truth-current-turn',
  truthTime: 'truth-time', truthForcing: 'truth-forcing', truthSeed: 'truth-seed', truthSubmit: 'truth-submit', truthCurrent: 'truth-current',
  injectKind: 'inject-kind', injectAt: 'inject-at', injectText: 'inject-text', injectPositionMode: 'inject-position-mode',
  injectErrorNm: 'inject-error-nm', injectUnit: 'inject-unit', injectDelay: 'inject-delay', injectSubmit: 'inject-submit',
  injectScheduledRow: 'inject-scheduled', // data-inject-id, data-state = pending | released | cancelled
  injectCancel: 'inject-cancel',        // data-inject-id
  clockMode: 'clock-mode', clockRate: 'clock-rate', clockTime: 'clock-time', clockSubmit: 'clock-submit', clockStepMinutes: 'clock-step-minutes', clockStep: 'clock-step',
  detectionDraw: 'detection-draw',      // data-search-version, data-hit = true | false
  lessonText: 'lesson-text', lessonSubmit: 'lesson-submit', lessonEntry: 'lesson-entry',
  endText: 'end-text', endSubmit: 'end-submit',
  scoreLoad: 'score-load', scoreView: 'score-view',
  exchangesView: 'exchanges-view',
  exchangesWay: 'exchanges-way',        // data-from, data-to, data-messages, data-acknowledged
} as const;

/** What the page tells tests through `window.sarbridgeApp`. */
export interface AppProbe {
  /** The page has started: the sign-in form or the signed-in shell is shown. */
  ready: boolean;
  /** The open case's events are loaded and the map has drawn once. */
  caseReady: boolean;
  /** Count of drift runs finished in the Worker since the page loaded. */
  driftsDone: number;
  /** Count of plans finished in the Worker since the page loaded. */
  plansDone: number;
  /** The particle render path in use. */
  renderer: 'gpu' | 'cpu' | 'none';
  /** Whether a service worker controls the page. */
  offlineReady: boolean;
  /** Count of live events received over the WebSocket. */
  liveEvents: number;
}
