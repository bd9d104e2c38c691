import {
    DEFAULT_MESSAGES,
    format,
    messageText,
    resolveMessages,
    type MessageKey
} from '../messages';

describe('format', () => {
    it('fills numbered placeholders, in any order and repeated', () => {
        expect(format('{1} then {0}, again {1}', 'a', 'b')).toBe('b then a, again b');
    });

    it('leaves placeholders without an argument and blanks null and undefined', () => {
        expect(format('{0}-{1}-{2}', null, undefined)).toBe('--{2}');
    });

    it('inserts replacement patterns literally', () => {
        expect(format('x {0} y', '$& $1')).toBe('x $& $1 y');
    });
});

describe('resolveMessages', () => {
    it('gives the defaults without overrides', () => {
        expect(resolveMessages()).toEqual(DEFAULT_MESSAGES);
    });

    it('applies non-blank overrides only', () => {
        const resolved = resolveMessages({
            itemRequested: 'Synchronisation demandée',
            itemFailed: '  ',
            itemSkipped: null
        });
        expect(resolved.itemRequested).toBe('Synchronisation demandée');
        expect(resolved.itemFailed).toBe(DEFAULT_MESSAGES.itemFailed);
        expect(resolved.itemSkipped).toBe(DEFAULT_MESSAGES.itemSkipped);
    });
});

describe('messageText', () => {
    it('formats the default template', () => {
        expect(messageText('selectionTooMany', undefined, 8, 12)).toBe(
            DEFAULT_MESSAGES.selectionTooMany.replace('{0}', '8').replace('{1}', '12')
        );
    });

    it('formats an override template', () => {
        expect(messageText('selectionTooMany', { selectionTooMany: 'Encore {0} min' }, 5)).toBe(
            'Encore 5 min'
        );
    });
});

describe('DEFAULT_MESSAGES', () => {
    it("is frozen, so no component can change another one's texts", () => {
        expect(Object.isFrozen(DEFAULT_MESSAGES)).toBe(true);
    });

    it('holds only non-blank single-line texts that fit a Custom Label (1000 characters)', () => {
        for (const key of Object.keys(DEFAULT_MESSAGES) as MessageKey[]) {
            const text = DEFAULT_MESSAGES[key];
            expect(text.trim()).not.toBe('');
            expect(text).not.toMatch(/\n/);
            expect(text.length).toBeLessThanOrEqual(1000);
        }
    });

    it('words the API request warning for a sales rep', () => {
        expect(format(DEFAULT_MESSAGES.limitDailyApiRequests, 92)).toBe(
            "Your org has used 92% of today's API requests; syncs may fail until tomorrow."
        );
    });
});
