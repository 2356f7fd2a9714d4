export { sessionLogPlugin } from './plugin.js';
export { sessionLogLine, type SessionLogLine } from './format.js';
