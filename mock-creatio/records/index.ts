/** Write rules of the simulated Creatio site: what a POST creates and a PATCH leaves. */
export { prepareInsert, prepareUpdate } from './prepare-record';
export type { WriteContext } from './write-context';
export { toColumnValue } from './column-value';
