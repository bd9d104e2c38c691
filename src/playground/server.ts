/**
 * The playground server: the mock Account record page with the real onDemandSync component,
 * the Apex methods it calls, the static resources it loads, and, on the same port, the emulated
 * org's Apex REST contract (/services/apexrest/zuora/ondemandsync/v1/...) and control endpoint
 * (/__emulator/...), so the command line works against the same org the page shows.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import {
    createEmulatedOrg,
    createOrgRequestHandler,
    parseCustomLabels,
    SAMPLE_ACCOUNT_IDS,
    SAMPLE_ACCOUNTS,
    type EmulatedOrg,
    type EmulatedOrgOptions
} from '../org-emulator';
import { closeServer, listen } from '../org-emulator/http/listen';
import { toId18 } from '../bridge/ids';
import { answerApex, APEX_BASE } from './apex-routes';
import { accountPageFields, PLAYGROUND_USER } from './page/account-fields';
import { loadPageIcons, type PageIcons } from './page/icons';
import {
    renderPage,
    renderRecordPage,
    type PageAssets,
    type PageChrome,
    type SampleLink
} from './page/page';
import { isCurrentStamp, safeJoin, sendFile, stampOf } from './static-files';

export interface PlaygroundOptions {
    /** Default 0: a free port. */
    readonly port?: number;
    /** Default 127.0.0.1. */
    readonly host?: string;
    /** Serve this org; default a new one with the samples and the project's Custom Labels. */
    readonly org?: EmulatedOrg;
    /** Options of the org created when `org` is not given. */
    readonly orgOptions?: EmulatedOrgOptions;
    /** The repository root; default two folders above this file. */
    readonly projectRoot?: string;
    /** Where the build put app.js; default <projectRoot>/dist/playground. */
    readonly appDir?: string;
    /** How long dismissible toasts stay, as in Lightning Experience. Default 3000. */
    readonly toastDurationMs?: number;
    /** Static resources answered 503, to show the component's error state. */
    readonly failingResources?: readonly string[];
    /** Milliseconds every static resource takes (a slow network for the bridge). Default 0. */
    readonly resourceLatencyMs?: number;
    /** Extra Accounts listed in the switcher after the samples. */
    readonly extraSamples?: readonly SampleLink[];
    /** The user's Salesforce time zone; default this machine's. */
    readonly timeZone?: string;
    /** The user's Salesforce locale; default en-US. */
    readonly locale?: string;
}

export interface RunningPlayground {
    /** e.g. http://127.0.0.1:3000 */
    readonly url: string;
    readonly port: number;
    /** The org the page and the REST API answer from (a new one after reset()). */
    readonly org: EmulatedOrg;
    /** Starts again with a new org (samples, project labels, real time), e.g. between tests. */
    reset(orgOptions?: EmulatedOrgOptions): EmulatedOrg;
    readonly server: Server;
    /** Static resources currently answered 503 (add or delete names). */
    readonly failingResources: Set<string>;
    /** Milliseconds every static resource takes from now on. */
    resourceLatencyMs: number;
    close(): Promise<void>;
}

interface Paths {
    readonly root: string;
    readonly appDir: string;
    readonly staticResources: string;
    readonly sldsAssets: string;
    readonly labels: string;
}

function pathsOf(options: PlaygroundOptions): Paths {
    const root = options.projectRoot ?? join(__dirname, '..', '..');
    const defaults = join(root, 'force-app', 'main', 'default');
    return {
        root,
        appDir: options.appDir ?? join(root, 'dist', 'playground'),
        staticResources: join(defaults, 'staticresources'),
        sldsAssets: join(
            dirname(require.resolve('@salesforce-ux/design-system/package.json')),
            'assets'
        ),
        labels: join(defaults, 'labels', 'CustomLabels.labels-meta.xml')
    };
}

/** The org's Custom Label values, so the emulated org answers with the org's own texts. */
function projectLabels(paths: Paths): Record<string, string> {
    return existsSync(paths.labels) ? parseCustomLabels(readFileSync(paths.labels, 'utf8')) : {};
}

function sendText(
    response: ServerResponse,
    status: number,
    text: string,
    type = 'text/plain; charset=utf-8'
): void {
    response.writeHead(status, {
        'Content-Type': type,
        'Content-Length': Buffer.byteLength(text),
        'Cache-Control': 'no-store'
    });
    response.end(text);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
    sendText(response, status, JSON.stringify(body), 'application/json;charset=UTF-8');
}

function readBody(request: IncomingMessage): Promise<string> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        request.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > 1024 * 1024) {
                reject(new RangeError('The request body is larger than 1 MB.'));
                request.destroy();
                return;
            }
            chunks.push(chunk);
        });
        request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        request.on('error', reject);
    });
}

/** A static resource file by name (`OnDemandSyncBridge` -> OnDemandSyncBridge.js) and its type. */
function staticResource(paths: Paths, name: string): { file: string; type: string } | null {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name) || !existsSync(paths.staticResources)) return null;
    const file = readdirSync(paths.staticResources).find(
        (entry) => entry.startsWith(`${name}.`) && !entry.endsWith('.resource-meta.xml')
    );
    if (!file) return null;
    const meta = join(paths.staticResources, `${name}.resource-meta.xml`);
    const declared = existsSync(meta)
        ? /<contentType>([^<]+)<\/contentType>/.exec(readFileSync(meta, 'utf8'))?.[1]
        : undefined;
    const type =
        declared && declared.startsWith('application/javascript')
            ? 'application/javascript; charset=utf-8'
            : declared;
    return { file: join(paths.staticResources, file), type: type ?? 'application/octet-stream' };
}

/** The names of the static resources (OnDemandSyncBridge.js -> OnDemandSyncBridge). */
function staticResourceNames(paths: Paths): string[] {
    if (!existsSync(paths.staticResources)) return [];
    return readdirSync(paths.staticResources)
        .filter((entry) => !entry.endsWith('.resource-meta.xml'))
        .map((entry) => entry.replace(/\.[^.]*$/, ''));
}

/**
 * The URLs a page loads, each stamped with its file's content so that the browser may cache it
 * for good: app.js, the SLDS style sheet (under a stamped /assets/ folder, so that its relative
 * image URLs are stamped too) and every static resource. A file that is not built yet keeps its
 * plain URL, which answers why.
 */
function pageAssets(paths: Paths): PageAssets {
    const stamped = (file: string, url: (stamp: string) => string, plain: string): string => {
        const stamp = stampOf(file);
        return stamp === null ? plain : url(stamp);
    };
    const resources: Record<string, string> = {};
    for (const name of staticResourceNames(paths)) {
        const found = staticResource(paths, name);
        if (found) {
            resources[name] = stamped(
                found.file,
                (stamp) => `/resource/${stamp}/${name}`,
                `/resource/${name}`
            );
        }
    }
    return {
        app: stamped(join(paths.appDir, 'app.js'), (stamp) => `/app/${stamp}/app.js`, '/app.js'),
        css: stamped(
            join(paths.appDir, 'slds.css'),
            (stamp) => `/assets/${stamp}/styles/slds.css`,
            '/assets/styles/slds.css'
        ),
        resources
    };
}

/** The page for one Account: its fields from the org, the switcher, the record for LDS. */
function pageFor(org: EmulatedOrg, params: URLSearchParams, context: PageContext): string {
    const accountId = params.get('account') ?? SAMPLE_ACCOUNT_IDS.threeBillingAccounts;
    const id18 = toId18(accountId);
    const account = id18 === null ? null : org.data.account(id18);
    const shown = account
        ? accountPageFields(account, org.data.billingAccountsOf(account.id).length)
        : { highlights: [{ label: 'Record Id', value: accountId }], details: [], contacts: [] };
    const record = account
        ? {
              apiName: 'Account',
              id: account.id,
              fields: {
                  Name: { value: account.name, displayValue: null },
                  Industry: { value: account.industry ?? null, displayValue: null },
                  BillingCity: { value: account.billingCity ?? null, displayValue: null }
              }
          }
        : null;
    return renderPage({
        chrome: chromeOf(context),
        accountId: account ? account.id : accountId,
        accountName: account ? account.name : null,
        fields: shown.highlights,
        details: shown.details,
        contacts: shown.contacts,
        samples: [...SAMPLE_ACCOUNTS, ...context.extraSamples],
        tabsScript: context.tabsScript,
        toastDurationMs: context.toastDurationMs,
        record,
        origin: context.origin(),
        assets: context.assets(),
        user: context.user,
        regionWidth: params.get('region')?.toLowerCase() === 'small' ? 'SMALL' : undefined
    });
}

function chromeOf(context: PageContext): PageChrome {
    return {
        css: context.css,
        stylesheet: context.assets().css,
        icons: context.icons,
        userName: PLAYGROUND_USER
    };
}

/**
 * Record URLs (/lightning/r/<id>/view, /lightning/r/<Object>/<id>/view, /<id>): an Account opens
 * its playground page; a billing account a plain page with its fields; anything else is unknown.
 */
function recordPage(
    org: EmulatedOrg,
    id: string,
    context: PageContext
): { redirect?: string; html?: string } | null {
    const id18 = toId18(id);
    if (id18 === null) return null;
    if (org.data.account(id18)) return { redirect: `/?account=${id18}` };
    const billing = org.data.billingAccounts().find((row) => row.id === id18);
    if (!billing) return null;
    const parent = billing.accountId ? org.data.account(billing.accountId) : null;
    return {
        html: renderRecordPage({
            objectLabel: 'Billing Account',
            name: billing.name,
            fields: [
                { label: 'Account Number', value: billing.accountNumber ?? '' },
                { label: 'Zuora Id', value: billing.zuoraId ?? '' },
                { label: 'Status', value: billing.status ?? '' },
                {
                    label: 'Balance',
                    value:
                        billing.balance === null
                            ? ''
                            : `${billing.currency ?? ''} ${billing.balance.toFixed(2)}`.trim()
                },
                { label: 'Last Modified', value: billing.lastModified ?? '' }
            ],
            back: parent
                ? { href: `/?account=${parent.id}`, label: `Back to ${parent.name}` }
                : { href: '/', label: 'Back to the playground' },
            chrome: chromeOf(context)
        })
    };
}

const RECORD_PATH =
    /^\/(?:lightning\/r\/(?:[A-Za-z_]+\/)?([A-Za-z0-9]{15,18})\/view|([A-Za-z0-9]{15}|[A-Za-z0-9]{18}))\/?$/;

interface PageContext {
    readonly css: string;
    readonly tabsScript: string;
    readonly assets: () => PageAssets;
    readonly icons: PageIcons;
    readonly toastDurationMs: number;
    readonly extraSamples: readonly SampleLink[];
    readonly origin: () => string;
    readonly user: { readonly timeZone: string; readonly locale: string };
}

/** How long the playground's async queue waits before it runs an enqueued background execution. */
export const BACKGROUND_EXECUTION_DELAY_MS = 1500;

/** Starts the playground on `host:port` and resolves once it listens. */
export async function startPlayground(options: PlaygroundOptions = {}): Promise<RunningPlayground> {
    const paths = pathsOf(options);
    const labels = projectLabels(paths);
    // Background executions run by themselves, a little apart, so a rep can watch a job's progress.
    const user = {
        timeZone: options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
        locale: options.locale ?? 'en-US'
    };
    // The org's messages give times as Apex does, in the same user's zone and locale as the page.
    const orgDefaults = {
        labels,
        backgroundExecutionDelayMs: BACKGROUND_EXECUTION_DELAY_MS,
        user
    };
    let org = options.org ?? createEmulatedOrg({ ...orgDefaults, ...options.orgOptions });
    let handleOrg = createOrgRequestHandler(org);
    const failingResources = new Set(options.failingResources ?? []);
    let resourceLatencyMs = options.resourceLatencyMs ?? 0;
    const host = options.host ?? '127.0.0.1';
    let origin = '';
    const pageDir = join(paths.root, 'src', 'playground', 'page');
    const context: PageContext = {
        css: readFileSync(join(pageDir, 'page.css'), 'utf8'),
        tabsScript: readFileSync(join(pageDir, 'record-tabs.js'), 'utf8'),
        icons: loadPageIcons(paths.sldsAssets),
        toastDurationMs: options.toastDurationMs ?? 3000,
        extraSamples: options.extraSamples ?? [],
        origin: () => origin,
        assets: () => pageAssets(paths),
        user
    };

    async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
        const arrivedAt = performance.now();
        const url = new URL(request.url ?? '/', 'http://localhost');
        const path = url.pathname;
        const method = (request.method ?? 'GET').toUpperCase();
        if (await handleOrg(request, response)) return;
        if (path.startsWith(APEX_BASE)) {
            if (method !== 'POST') return sendJson(response, 405, { message: 'Use POST.' });
            let params: unknown = {};
            try {
                const text = await readBody(request);
                params = text.trim() === '' ? {} : JSON.parse(text);
            } catch (error) {
                return sendJson(response, 400, {
                    message: `The request body is not JSON: ${String(error)}`
                });
            }
            const name = decodeURIComponent(path.slice(APEX_BASE.length));
            const answer = await answerApex(org, name, params, arrivedAt);
            return sendJson(response, answer.status, answer.body);
        }
        if (method !== 'GET' && method !== 'HEAD')
            return sendText(response, 405, 'Method not allowed');
        if (path === '/' || path === '/index.html') {
            return sendText(
                response,
                200,
                pageFor(org, url.searchParams, context),
                'text/html; charset=utf-8'
            );
        }
        const app = /^\/(?:app\/([^/]+)\/)?app\.js$/.exec(path);
        if (app) {
            const file = join(paths.appDir, 'app.js');
            if (sendFile(request, response, file, { immutable: isCurrentStamp(file, app[1]) }))
                return;
            return sendText(
                response,
                503,
                'The playground is not built: run `npm start` (or node src/playground/build.mjs).'
            );
        }
        const record = RECORD_PATH.exec(path);
        if (record) {
            const found = recordPage(org, record[1] ?? record[2], context);
            if (found?.redirect) {
                response.writeHead(302, { Location: found.redirect, 'Cache-Control': 'no-store' });
                response.end();
                return;
            }
            if (found?.html) return sendText(response, 200, found.html, 'text/html; charset=utf-8');
        }
        const resource = /^\/resource\/(?:([0-9a-z]+)\/)?([^/]+)$/.exec(path);
        if (resource) {
            const [, stamp, name] = resource;
            if (resourceLatencyMs > 0)
                await new Promise((resolve) => setTimeout(resolve, resourceLatencyMs));
            if (failingResources.has(name))
                return sendText(response, 503, `${name} is unavailable (injected fault).`);
            const found = staticResource(paths, name);
            const immutable = found !== null && isCurrentStamp(found.file, stamp);
            if (
                found &&
                sendFile(request, response, found.file, { contentType: found.type, immutable })
            )
                return;
            return sendText(response, 404, `No static resource ${name}. Run \`npm run build\`.`);
        }
        const assets = /^\/assets\/(?:([0-9a-f]{16})\/)?(.+)$/.exec(path);
        if (assets) {
            // /assets/<stamp>/... carries the stamp of the SLDS style sheet the page links, so
            // that the style sheet and the files it names relative to itself are cached together.
            const [, stamp, relative] = assets;
            const sldsCss = join(paths.appDir, 'slds.css');
            const immutable = isCurrentStamp(sldsCss, stamp);
            // Served next to SLDS's own styles so that its relative ../images/ URLs resolve.
            const file =
                relative === 'styles/slds.css' ? sldsCss : safeJoin(paths.sldsAssets, relative);
            if (file && sendFile(request, response, file, { immutable })) return;
        }
        return sendText(response, 404, 'Not found');
    }

    const server = createServer((request, response) => {
        route(request, response).catch((error: unknown) => {
            if (!response.headersSent)
                sendText(response, 500, `Playground error: ${String(error)}`);
            else response.destroy();
        });
    });
    const listening = await listen(server, options.port ?? 0, host);
    origin = listening.url;
    return {
        url: origin,
        port: listening.port,
        get org() {
            return org;
        },
        reset(orgOptions?: EmulatedOrgOptions) {
            org = createEmulatedOrg({ ...orgDefaults, ...(orgOptions ?? options.orgOptions) });
            handleOrg = createOrgRequestHandler(org);
            return org;
        },
        server,
        failingResources,
        get resourceLatencyMs() {
            return resourceLatencyMs;
        },
        set resourceLatencyMs(value: number) {
            resourceLatencyMs = value;
        },
        close: () => closeServer(server)
    };
}
