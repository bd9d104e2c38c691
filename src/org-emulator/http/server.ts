/** A stand-alone HTTP server in front of an emulated org (node:http). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmulatedOrg, EmulatedOrg, type EmulatedOrgOptions } from '../org';
import { createOrgRequestHandler } from './handler';
import { sendJson } from './io';

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
    const host = options.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? 0, host, () => {
            server.off('error', reject);
            resolve();
        });
    });
    const { port } = server.address() as AddressInfo;
    const urlHost = host.includes(':') ? `[${host}]` : host;
    return {
        url: `http://${urlHost}:${port}`,
        port,
        org,
        server,
        close: () =>
            new Promise<void>((resolve, reject) => {
                server.close((error) => (error ? reject(error) : resolve()));
                server.closeAllConnections();
            })
    };
}
