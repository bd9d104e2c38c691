/**
 * The bridge's user-facing strings, as templates with `{0}`, `{1}` ... placeholders.
 *
 * Functions that produce text take an optional `messages` override map: the Lightning component
 * passes its Custom Label values, the command line uses the English defaults of
 * default-messages.json. A blank or missing override falls back to the default, so a partially
 * translated set never shows an empty text. The static resource is built without the defaults
 * (the component passes every text as a Custom Label): there a missing text shows its key.
 */
import ENGLISH from './default-messages.json';

/** The English default of every message. */
export const DEFAULT_MESSAGES: Readonly<typeof ENGLISH> = Object.freeze(ENGLISH);

/** The name of one message. */
export type MessageKey = keyof typeof DEFAULT_MESSAGES;

/** A complete message set. */
export type Messages = { readonly [K in MessageKey]: string };

/** A partial override map, for example Custom Label values keyed by message name. */
export type MessageOverrides = { readonly [K in MessageKey]?: string | null | undefined };

function textOf(value: unknown): string {
    if (value === null || value === undefined) {
        return '';
    }
    try {
        return String(value);
    } catch {
        return ''; // an object without a prototype has no text
    }
}

/**
 * Replaces `{0}`, `{1}` ... with the arguments. Placeholders without an argument stay as they are;
 * `null` and `undefined` arguments become empty strings.
 */
export function format(template: string, ...args: readonly unknown[]): string {
    return template.replace(/\{(\d+)\}/g, (placeholder: string, digits: string) => {
        const index = Number(digits);
        if (index >= args.length) {
            return placeholder;
        }
        return textOf(args[index]);
    });
}

/** The complete message set: the defaults with every non-blank override applied. */
export function resolveMessages(overrides?: MessageOverrides | null): Messages {
    const resolved: { [K in MessageKey]: string } = { ...DEFAULT_MESSAGES };
    if (overrides) {
        for (const key of Object.keys(DEFAULT_MESSAGES) as MessageKey[]) {
            const value = overrides[key];
            if (typeof value === 'string' && value.trim() !== '') {
                resolved[key] = value;
            }
        }
    }
    return resolved;
}

/** The text of one message with its placeholders filled in. */
export function messageText(
    key: MessageKey,
    overrides?: MessageOverrides | null,
    ...args: readonly unknown[]
): string {
    const override = overrides ? overrides[key] : undefined;
    const template =
        typeof override === 'string' && override.trim() !== ''
            ? override
            : (DEFAULT_MESSAGES[key] ?? key);
    return format(template, ...args);
}
