// Test support: the shipped Leeway table, read once.
import { readFileSync } from 'node:fs';
import { findObjectClass, parseLeewayTable, type LeewayObjectClass } from '../core/objects/index.js';

const table = parseLeewayTable(readFileSync(new URL('../../data/leeway/OBJECTPROP.DAT', import.meta.url), 'utf8'));

export const leewayTable: readonly LeewayObjectClass[] = table;
export const objectClass = (key: string): LeewayObjectClass => findObjectClass(table, key);
