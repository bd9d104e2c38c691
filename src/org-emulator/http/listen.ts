/** Starting and stopping a node:http server on a loopback (or any) address. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Listening {
    /** The port the server listens on (the free one chosen when asked for port 0). */
    readonly port: number;
    /** e.g. http://127.0.0.1:53123 (an IPv6 host in brackets). */
    readonly url: string;
}

/** Makes `server` listen on `host:port` and resolves once it does. */
export async function listen(server: Server, port: number, host: string): Promise<Listening> {
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
            server.off('error', reject);
            resolve();
        });
    });
    const address = server.address() as AddressInfo;
    const urlHost = host.includes(':') ? `[${host}]` : host;
    return { port: address.port, url: `http://${urlHost}:${address.port}` };
}

/** Stops `server`, closing its open connections too. */
export function closeServer(server: Server): Promise<void> {
    return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
    });
}
