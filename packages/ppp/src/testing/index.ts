// Test doubles and fixtures for code built on @switchyard/ppp: real frames from shared/captures, option
// builders, pppd-like protocol specs and an in-memory loopback for two automata.
export * from './captured-frames.js';
export * from './option-kit.js';
export * from './fixture-specs.js';
export { CpLoopback, type Side } from './cp-loopback.js';
