/** Rows of the PostgreSQL audit tables and their mapping to the store's types. */
import type { EventRow as AnyEventRow, HeadRow as AnyHeadRow } from '../rows.js';

export { eventFromRow as toEvent, rawFromRow as toRaw } from '../rows.js';
export type EventRow = AnyEventRow<string>;
export type HeadRow = AnyHeadRow<string>;

export const COLS = 'e.seq, e.time, e.request_id, e.principal, e.route, e.verdict, e.status, e.canonical, e.prev_hash, e.hash';
