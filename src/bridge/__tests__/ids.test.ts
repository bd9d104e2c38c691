import fc from 'fast-check';
import {
    checkSalesforceId,
    checksumOf,
    idKey,
    isSalesforceId,
    isZuoraId,
    keyPrefixOf,
    parseIds,
    sameRecord,
    toId18
} from '../ids';

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const alnum = fc.constantFrom(...ALNUM.split(''));
const id15 = fc.stringOf(alnum, { minLength: 15, maxLength: 15 });
const hex = fc.constantFrom(...'0123456789abcdefABCDEF'.split(''));
const zuoraId = fc.stringOf(hex, { minLength: 32, maxLength: 32 });

function flipCase(char: string): string {
    return char === char.toUpperCase() ? char.toLowerCase() : char.toUpperCase();
}

describe('checksumOf', () => {
    it('computes the documented suffixes', () => {
        expect(checksumOf('001000000000001')).toBe('AAA');
        expect(checksumOf('001A0000006Vm9r')).toBe('IAC');
        expect(checksumOf('AAAAAAAAAAAAAAA')).toBe('555');
        expect(checksumOf('A0000B0000C0000')).toBe('BBB');
    });

    it('sets bit i of a block when character i is an upper-case letter', () => {
        expect(checksumOf('0000A' + '0000000000')).toBe('QAA');
        expect(checksumOf('00000' + '0B000' + '00000')).toBe('ACA');
        expect(checksumOf('00000' + '00000' + 'CD000')).toBe('AAD');
    });

    it('rejects anything but 15 letters and digits', () => {
        expect(() => checksumOf('00100000000000')).toThrow(RangeError);
        expect(() => checksumOf('00100000000000-')).toThrow(RangeError);
    });
});

describe('checkSalesforceId / isSalesforceId / toId18', () => {
    it('accepts 15-character ids and gives their 18-character form', () => {
        expect(toId18('001A0000006Vm9r')).toBe('001A0000006Vm9rIAC');
        expect(isSalesforceId('001A0000006Vm9r')).toBe(true);
    });

    it('accepts 18-character ids with a matching checksum', () => {
        expect(checkSalesforceId('001A0000006Vm9rIAC')).toEqual({
            ok: true,
            id18: '001A0000006Vm9rIAC'
        });
    });

    it('accepts a lower-case checksum and returns the canonical upper-case suffix', () => {
        expect(toId18('001A0000006Vm9riac')).toBe('001A0000006Vm9rIAC');
    });

    it('rejects an 18-character id whose checksum does not match', () => {
        expect(checkSalesforceId('001A0000006Vm9rAAA')).toEqual({
            ok: false,
            code: 'BAD_CHECKSUM',
            expected: 'IAC'
        });
        expect(toId18('001a0000006Vm9rIAC')).toBeNull();
        expect(checkSalesforceId('001A0000006Vm9r999')).toMatchObject({ code: 'BAD_CHECKSUM' });
    });

    it('rejects malformed values', () => {
        for (const value of [
            '',
            '001',
            '001A0000006Vm9',
            '001A0000006Vm9r1',
            '001A0000006Vm9rIA!',
            '001-0000006Vm9r',
            null,
            undefined,
            15,
            {}
        ]) {
            expect(checkSalesforceId(value)).toEqual({ ok: false, code: 'MALFORMED' });
            expect(isSalesforceId(value)).toBe(false);
            expect(toId18(value)).toBeNull();
        }
    });
});

describe('keyPrefixOf', () => {
    it('gives the first three characters of a valid id', () => {
        expect(keyPrefixOf('a0X000000000001')).toBe('a0X');
        expect(keyPrefixOf('001A0000006Vm9rIAC')).toBe('001');
    });

    it('gives null for an invalid id', () => {
        expect(keyPrefixOf('a0X')).toBeNull();
        expect(keyPrefixOf('001A0000006Vm9rAAA')).toBeNull();
    });
});

describe('isZuoraId', () => {
    it('accepts exactly 32 hexadecimal characters in either case', () => {
        expect(isZuoraId('2c92c0f8' + '0'.repeat(24))).toBe(true);
        expect(isZuoraId('2C92C0F8' + 'a'.repeat(24))).toBe(true);
    });

    it('rejects other lengths and characters', () => {
        expect(isZuoraId('2c92c0f8' + '0'.repeat(23))).toBe(false);
        expect(isZuoraId('2c92c0f8' + '0'.repeat(25))).toBe(false);
        expect(isZuoraId('2c92c0g8' + '0'.repeat(24))).toBe(false);
        expect(isZuoraId(null)).toBe(false);
    });
});

describe('idKey / sameRecord', () => {
    it('treats the 15- and 18-character forms as one record', () => {
        expect(sameRecord('001A0000006Vm9r', '001A0000006Vm9rIAC')).toBe(true);
        expect(idKey('001A0000006Vm9r')).toBe('001A0000006Vm9rIAC');
    });

    it('keeps 15-character ids case-sensitive', () => {
        expect(sameRecord('001A0000006Vm9r', '001a0000006Vm9r')).toBe(false);
    });

    it('compares Zuora ids case-insensitively', () => {
        expect(sameRecord('ABCDEF' + '0'.repeat(26), 'abcdef' + '0'.repeat(26))).toBe(true);
    });

    it('never matches invalid values', () => {
        expect(sameRecord('x', 'x')).toBe(false);
        expect(sameRecord(null, null)).toBe(false);
        expect(idKey(' 001A0000006Vm9r ')).toBe('001A0000006Vm9rIAC');
    });
});

describe('parseIds', () => {
    it('normalises to 18 characters and de-duplicates 15 vs 18', () => {
        const parsed = parseIds(['001A0000006Vm9r', '001A0000006Vm9rIAC', '001000000000001']);
        expect(parsed.items).toEqual(['001A0000006Vm9rIAC', '001000000000001AAA']);
        expect(parsed.duplicates).toEqual([
            { value: '001A0000006Vm9rIAC', index: 1, item: '001A0000006Vm9rIAC', firstIndex: 0 }
        ]);
        expect(parsed.errors).toEqual([]);
    });

    it('reports every bad input with its index and line, not only the first', () => {
        const parsed = parseIds([
            { value: '001A0000006Vm9r', line: 2 },
            { value: 'nope', line: 3 },
            { value: '001A0000006Vm9rAAA', line: 4 },
            { value: '  ', line: 5 },
            { value: 'a0X000000000001', line: 6 }
        ]);
        expect(parsed.items).toEqual(['001A0000006Vm9rIAC']);
        expect(parsed.errors.map((e) => [e.index, e.line, e.code])).toEqual([
            [1, 3, 'MALFORMED'],
            [2, 4, 'BAD_CHECKSUM'],
            [3, 5, 'MALFORMED'],
            [4, 6, 'MIXED_PREFIX']
        ]);
        expect(parsed.errors[1]?.message).toContain('IAC');
        expect(parsed.errors[3]?.message).toContain('a0X');
        expect(parsed.errors[3]?.message).toContain('001');
    });

    it('omits line when the input has none', () => {
        const [error] = parseIds(['bad']).errors;
        expect(error).toEqual({
            value: 'bad',
            index: 0,
            code: 'MALFORMED',
            message: expect.stringContaining('"bad"')
        });
        expect(error && 'line' in error).toBe(false);
    });

    it('checks a given key prefix (WRONG_OBJECT) instead of prefix consistency', () => {
        const parsed = parseIds(['a0X000000000001', '001000000000001', 'a0X000000000002'], {
            keyPrefix: 'a0X'
        });
        expect(parsed.items).toEqual(['a0X000000000001EAA', 'a0X000000000002EAA']);
        expect(parsed.errors.map((e) => e.code)).toEqual(['WRONG_OBJECT']);
    });

    it('skips blank inputs when asked', () => {
        const parsed = parseIds(['', ' 001000000000001 ', '\t'], { ignoreBlank: true });
        expect(parsed.items).toEqual(['001000000000001AAA']);
        expect(parsed.errors).toEqual([]);
    });

    it('keeps Zuora ids as given and de-duplicates them case-insensitively', () => {
        const upper = 'ABCDEF' + '1'.repeat(26);
        const parsed = parseIds([upper, upper.toLowerCase(), 'xyz'], { kind: 'zuora' });
        expect(parsed.items).toEqual([upper]);
        expect(parsed.duplicates).toHaveLength(1);
        expect(parsed.duplicates[0]).toMatchObject({ index: 1, firstIndex: 0, item: upper });
        expect(parsed.errors).toEqual([
            expect.objectContaining({
                index: 2,
                code: 'MALFORMED',
                message: expect.stringContaining('32')
            })
        ]);
    });

    it('uses message overrides', () => {
        const parsed = parseIds(['bad'], { messages: { idMalformed: 'Kein Id: {0}' } });
        expect(parsed.errors[0]?.message).toBe('Kein Id: bad');
    });
});

describe('id properties', () => {
    it('round trips 15 -> 18 -> 15', () => {
        fc.assert(
            fc.property(id15, (id) => {
                const long = toId18(id);
                expect(long).not.toBeNull();
                expect(long?.slice(0, 15)).toBe(id);
                expect(toId18(long)).toBe(long);
                expect(toId18(long?.slice(0, 15) + long!.slice(15).toLowerCase())).toBe(long);
            })
        );
    });

    it('changes the suffix when the case of one letter of a 15-character id changes', () => {
        fc.assert(
            fc.property(
                id15.filter((id) => /[a-zA-Z]/.test(id)),
                fc.nat(),
                (id, pick) => {
                    const letters = [...id]
                        .map((c, i) => (/[a-zA-Z]/.test(c) ? i : -1))
                        .filter((i) => i >= 0);
                    const at = letters[pick % letters.length]!;
                    const changed = id.slice(0, at) + flipCase(id.charAt(at)) + id.slice(at + 1);
                    expect(checksumOf(changed)).not.toBe(checksumOf(id));
                    expect(sameRecord(changed, id)).toBe(false);
                }
            )
        );
    });

    it('rejects every suffix but the right one', () => {
        fc.assert(
            fc.property(
                id15,
                fc.stringOf(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345'.split('')), {
                    minLength: 3,
                    maxLength: 3
                }),
                (id, suffix) => {
                    fc.pre(suffix !== checksumOf(id));
                    expect(checkSalesforceId(id + suffix)).toMatchObject({
                        ok: false,
                        code: 'BAD_CHECKSUM'
                    });
                }
            )
        );
    });

    it('de-duplicates any mix of 15- and 18-character forms', () => {
        fc.assert(
            fc.property(
                fc
                    .uniqueArray(id15, { minLength: 1, maxLength: 12 })
                    .map((ids) => ids.map((id) => '001' + id.slice(3))),
                fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 30 }),
                (ids, picks) => {
                    const distinct = [...new Set(ids)];
                    const inputs = [
                        ...distinct,
                        ...picks.map(([n, long]) => {
                            const id = distinct[n % distinct.length]!;
                            return long ? toId18(id)! : id;
                        })
                    ];
                    const parsed = parseIds(inputs);
                    expect(parsed.errors).toEqual([]);
                    expect(parsed.items).toEqual(distinct.map((id) => toId18(id)));
                    expect(parsed.duplicates).toHaveLength(picks.length);
                }
            )
        );
    });

    it('de-duplicates Zuora ids whatever their case', () => {
        fc.assert(
            fc.property(zuoraId, (id) => {
                const parsed = parseIds([id, id.toUpperCase(), id.toLowerCase()], {
                    kind: 'zuora'
                });
                expect(parsed.items).toEqual([id]);
                expect(parsed.duplicates).toHaveLength(2);
            })
        );
    });

    it('never crashes on random input and accounts for every input', () => {
        const anyInput = fc.oneof(
            fc.string(),
            fc.fullUnicodeString(),
            fc.stringOf(alnum, { minLength: 14, maxLength: 19 }),
            fc.anything()
        );
        fc.assert(
            fc.property(anyInput, anyInput, (a, b) => {
                expect(typeof isSalesforceId(a)).toBe('boolean');
                expect(typeof isZuoraId(a)).toBe('boolean');
                const long = toId18(a);
                expect(long === null || long.length === 18).toBe(true);
                keyPrefixOf(a);
                idKey(a);
                expect(typeof sameRecord(a, b)).toBe('boolean');
            })
        );
        fc.assert(
            fc.property(
                fc.array(anyInput),
                fc.constantFrom<'salesforce' | 'zuora'>('salesforce', 'zuora'),
                (inputs, kind) => {
                    const parsed = parseIds(inputs as string[], { kind });
                    expect(
                        parsed.items.length + parsed.duplicates.length + parsed.errors.length
                    ).toBe(inputs.length);
                }
            )
        );
    });
});
