export * from './system/index.js';
