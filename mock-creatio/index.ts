/**
 * The simulated Creatio site: OData 4, AuthService and OAuth login, a durable data store and an
 * admin API under /__lab/. Public face of mock-creatio/: other areas import only from here.
 */
export { startMockCreatio } from './server';
export type { MockCreatio, MockCreatioOptions } from './server';
