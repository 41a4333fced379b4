/** The part of json-server 0.17's programmatic API the bench uses (the package ships no types). */
declare module 'json-server' {
  import type { RequestHandler } from 'express';
  import type { Server } from 'node:http';

  interface Router extends RequestHandler {
    /** The lowdb (1.x) instance behind the router; `db._.id` names the key property. */
    db: { _: { id: string } };
  }
  interface App extends RequestHandler {
    use(...handlers: RequestHandler[]): App;
    listen(port: number, host: string, callback: () => void): Server;
  }
  const jsonServer: {
    create(): App;
    router(source: string): Router;
    defaults(options?: { logger?: boolean; noCors?: boolean }): RequestHandler[];
    bodyParser: RequestHandler[];
  };
  export default jsonServer;
}
