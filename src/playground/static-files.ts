/**
 * Serving files: content types, ETags, and gzip or brotli for text, compressed once per file
 * version and kept in memory.
 */
import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'application/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.json': 'application/json; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.jpg': 'image/jpeg',
    '.gif': 'image/gif',
    '.woff': 'font/woff',
    '.woff2': 'font/woff2'
};

const COMPRESSIBLE = /^(text\/|application\/(javascript|json)|image\/svg)/;

interface Variant {
    readonly body: Buffer;
    readonly encoding: 'br' | 'gzip' | null;
}

interface CachedFile {
    readonly version: string;
    readonly raw: Buffer;
    readonly gzip?: Buffer;
    readonly br?: Buffer;
}

const cache = new Map<string, CachedFile>();

export function contentTypeOf(path: string): string {
    return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** `relative` inside `root`, or null when it would leave it. */
export function safeJoin(root: string, relative: string): string | null {
    let decoded: string;
    try {
        decoded = decodeURIComponent(relative);
    } catch {
        return null;
    }
    const base = resolve(root);
    const full = resolve(base, `.${sep}${decoded}`);
    return full === base || full.startsWith(base + sep) ? full : null;
}

function load(path: string, version: string, contentType: string): CachedFile {
    const cached = cache.get(path);
    if (cached && cached.version === version) return cached;
    const raw = readFileSync(path);
    const compress = COMPRESSIBLE.test(contentType) && raw.length > 1024;
    const file: CachedFile = compress
        ? {
              version,
              raw,
              gzip: gzipSync(raw, { level: 9 }),
              br: brotliCompressSync(raw, {
                  params: {
                      [zlib.BROTLI_PARAM_QUALITY]: 9,
                      [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length
                  }
              })
          }
        : { version, raw };
    cache.set(path, file);
    return file;
}

function pick(file: CachedFile, acceptEncoding: string): Variant {
    if (file.br && /\bbr\b/.test(acceptEncoding)) return { body: file.br, encoding: 'br' };
    if (file.gzip && /\bgzip\b/.test(acceptEncoding)) return { body: file.gzip, encoding: 'gzip' };
    return { body: file.raw, encoding: null };
}

/**
 * Sends a file (revalidated on every load: the playground is rebuilt often). Resolves false when
 * there is no such file.
 */
export function sendFile(
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
    contentType: string = contentTypeOf(path)
): boolean {
    let stat;
    try {
        stat = statSync(path);
    } catch {
        return false;
    }
    if (!stat.isFile()) return false;
    const version = `${stat.size}-${Math.floor(stat.mtimeMs)}`;
    const etag = `"${version}"`;
    const headers: Record<string, string> = {
        'Content-Type': contentType,
        'Cache-Control': 'no-cache',
        ETag: etag,
        Vary: 'Accept-Encoding'
    };
    if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, headers);
        response.end();
        return true;
    }
    const variant = pick(
        load(path, version, contentType),
        String(request.headers['accept-encoding'] ?? '')
    );
    if (variant.encoding) headers['Content-Encoding'] = variant.encoding;
    headers['Content-Length'] = String(variant.body.length);
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : variant.body);
    return true;
}

/** Sizes of a file as served: raw, gzip and brotli bytes. */
export function servedSizes(path: string): { raw: number; gzip: number; br: number } {
    const stat = statSync(path);
    const file = load(path, `${stat.size}-${Math.floor(stat.mtimeMs)}`, contentTypeOf(path));
    return {
        raw: file.raw.length,
        gzip: (file.gzip ?? file.raw).length,
        br: (file.br ?? file.raw).length
    };
}
