export * from './org-number.js';
export * from './errors.js';
export * from './roles.js';
export * from './limits.js';
export * from './municipality.js';
export * from './target.js';
export * from './working-days.js';
