/**
 * Serving files: content types, ETags, gzip or brotli for text (compressed once per file version
 * and kept in memory), and the stamp of each file's content for URLs that may be cached for good.
 */
import { createHash } from 'node:crypto';
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
    /** Hash of the content, for stamped URLs. */
    readonly stamp: string;
    readonly raw: Buffer;
    readonly gzip?: Buffer;
    readonly br?: Buffer;
}

const cache = new Map<string, CachedFile>();

/**
 * Cache-Control of a file under a URL stamped with its content: the URL changes whenever the
 * file does, so the browser may keep it for a year without asking again.
 */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Cache-Control of every other file: the browser asks (ETag) before each use. */
export const REVALIDATE = 'no-cache';

/** A stamp as it appears in a URL: 16 hexadecimal digits of the content's SHA-256. */
export const STAMP = /^[0-9a-f]{16}$/;

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

function versionOf(path: string): string | null {
    try {
        const stat = statSync(path);
        return stat.isFile() ? `${stat.size}-${Math.floor(stat.mtimeMs)}` : null;
    } catch {
        return null;
    }
}

function load(path: string, version: string, contentType: string): CachedFile {
    const cached = cache.get(path);
    if (cached && cached.version === version) return cached;
    const raw = readFileSync(path);
    const stamp = createHash('sha256').update(raw).digest('hex').slice(0, 16);
    const compress = COMPRESSIBLE.test(contentType) && raw.length > 1024;
    const file: CachedFile = compress
        ? {
              version,
              stamp,
              raw,
              gzip: gzipSync(raw, { level: 9 }),
              br: brotliCompressSync(raw, {
                  params: {
                      [zlib.BROTLI_PARAM_QUALITY]: 9,
                      [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length
                  }
              })
          }
        : { version, stamp, raw };
    cache.set(path, file);
    return file;
}

/** True when `stamp` (from a URL) is the stamp of the file's current content. */
export function isCurrentStamp(path: string, stamp: string | undefined): boolean {
    return stamp !== undefined && STAMP.test(stamp) && stamp === stampOf(path);
}

/** The stamp of a file's current content, or null when there is no such file. */
export function stampOf(path: string): string | null {
    const version = versionOf(path);
    return version === null ? null : load(path, version, contentTypeOf(path)).stamp;
}

function pick(file: CachedFile, acceptEncoding: string): Variant {
    if (file.br && /\bbr\b/.test(acceptEncoding)) return { body: file.br, encoding: 'br' };
    if (file.gzip && /\bgzip\b/.test(acceptEncoding)) return { body: file.gzip, encoding: 'gzip' };
    return { body: file.raw, encoding: null };
}

export interface SendOptions {
    /** Default: by the file's extension. */
    readonly contentType?: string | undefined;
    /**
     * True when the URL carries the stamp of the content sent (see isCurrentStamp): IMMUTABLE
     * caching. Otherwise (no stamp, or an old one) REVALIDATE.
     */
    readonly immutable?: boolean | undefined;
}

/** Sends a file. Resolves false when there is no such file. */
export function sendFile(
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
    options: SendOptions = {}
): boolean {
    const version = versionOf(path);
    if (version === null) return false;
    const contentType = options.contentType ?? contentTypeOf(path);
    const file = load(path, version, contentType);
    const etag = `"${file.stamp}"`;
    const headers: Record<string, string> = {
        'Content-Type': contentType,
        'Cache-Control': options.immutable ? IMMUTABLE : REVALIDATE,
        ETag: etag,
        Vary: 'Accept-Encoding'
    };
    if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, headers);
        response.end();
        return true;
    }
    const variant = pick(file, String(request.headers['accept-encoding'] ?? ''));
    if (variant.encoding) headers['Content-Encoding'] = variant.encoding;
    headers['Content-Length'] = String(variant.body.length);
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : variant.body);
    return true;
}

/** Sizes of a file as served: raw, gzip and brotli bytes. */
export function servedSizes(path: string): { raw: number; gzip: number; br: number } {
    const version = versionOf(path);
    if (version === null) throw new Error(`No file ${path}`);
    const file = load(path, version, contentTypeOf(path));
    return {
        raw: file.raw.length,
        gzip: (file.gzip ?? file.raw).length,
        br: (file.br ?? file.raw).length
    };
}
