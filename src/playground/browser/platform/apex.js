// `@salesforce/apex/Class.method` for the playground: the method POSTs its parameters to the
// playground server, which answers from the emulated org. Failures reject with the shape Lightning
// gives imperative Apex errors ({ status, statusText, ok: false, body: { message, ... } }), so the
// component's error handling runs as it does in an org. The function also works with @wire.
const ENDPOINT = '/__playground/apex/';

async function callApex(name, params) {
    let response;
    try {
        response = await fetch(ENDPOINT + encodeURIComponent(name), {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
            body: JSON.stringify(params ?? {})
        });
    } catch (error) {
        // No answer at all (server gone, connection reset).
        throw {
            status: 0,
            statusText: 'Network error',
            ok: false,
            headers: {},
            body: { message: error.message }
        };
    }
    const text = await response.text();
    let body = null;
    try {
        body = text ? JSON.parse(text) : null;
    } catch {
        body = { message: text };
    }
    if (!response.ok) {
        throw {
            status: response.status,
            statusText: response.statusText,
            ok: false,
            headers: {},
            body
        };
    }
    return body;
}

const adapters = new WeakMap();

/** The adapter behind `@wire(apexMethod, params)`: provisions { data, error }. */
function wireAdapterFor(name) {
    return class ApexWireAdapter {
        constructor(dataCallback) {
            this.dataCallback = dataCallback;
            this.config = undefined;
            this.connected = false;
        }
        connect() {
            this.connected = true;
        }
        disconnect() {
            this.connected = false;
        }
        update(config) {
            this.config = config;
            const values = Object.values(config ?? {});
            if (values.some((value) => value === undefined)) return;
            this.fetch();
        }
        fetch() {
            return callApex(name, this.config).then(
                (data) => this.emit({ data, error: undefined }),
                (error) => this.emit({ data: undefined, error })
            );
        }
        emit(value) {
            adapters.set(value, this);
            this.dataCallback(value);
        }
    };
}

/** Used by `refreshApex` in ./apexSupport.js. */
export function refreshWiredValue(value) {
    const adapter = adapters.get(value);
    return adapter ? adapter.fetch() : Promise.resolve();
}

export function apexMethod(className, methodName) {
    const name = `${className}.${methodName}`;
    const invoke = (params) => callApex(name, params);
    invoke.adapter = wireAdapterFor(name);
    return invoke;
}
