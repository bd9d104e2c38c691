/** A stand-alone HTTP server in front of an emulated org (node:http). */
import { createServer, type Server } from 'node:http';
import { createEmulatedOrg, EmulatedOrg, type EmulatedOrgOptions } from '../org';
import { createOrgRequestHandler } from './handler';
import { sendJson } from './io';
import { closeServer, listen } from './listen';

export interface StartOptions extends EmulatedOrgOptions {
    /** Default 0: a free port. */
    readonly port?: number;
    /** Default 127.0.0.1. */
    readonly host?: string;
    /** Serve this org instead of creating one from the other options. */
    readonly org?: EmulatedOrg;
}

export interface RunningOrg {
    /** e.g. http://127.0.0.1:53123: the instance URL to give jsforce or the command line. */
    readonly url: string;
    readonly port: number;
    readonly org: EmulatedOrg;
    readonly server: Server;
    /** Stops the server (open connections are closed). */
    close(): Promise<void>;
}

/** Starts an emulated org on `host:port` and resolves once it listens. */
export async function startEmulatedOrg(options: StartOptions = {}): Promise<RunningOrg> {
    const org = options.org ?? createEmulatedOrg(options);
    const handle = createOrgRequestHandler(org);
    const server = createServer((request, response) => {
        handle(request, response)
            .then((handled) => {
                if (!handled) {
                    sendJson(response, 404, [
                        { errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }
                    ]);
                }
            })
            .catch((error: unknown) => {
                if (!response.headersSent) {
                    sendJson(response, 500, [
                        { errorCode: 'UNKNOWN_EXCEPTION', message: String(error) }
                    ]);
                }
            });
    });
    const { port, url } = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
    return {
        url,
        port,
        org,
        server,
        close: () => closeServer(server)
    };
}
