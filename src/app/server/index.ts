export { buildApp, DEFAULT_LIMITS, type AppDeps, type SarbridgeApp, type ServerLimits } from './app.js';
export { DEMO_CASE_ID, seedDemoData } from './demo_data.js';
export { describeDb, startServer, type RunningServer, type ServeOptions } from './main.js';
export { hashPassword, MIN_PASSWORD_LENGTH, SCRYPT_PARAMETERS, verifyPassword } from './passwords.js';
export { NotAuthenticatedError, ServerBusyError } from './errors.js';
export { LiveHub, type LiveSubscriber } from './live_hub.js';
