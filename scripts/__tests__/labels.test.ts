/** The Custom Labels file deploys: Salesforce's field limits, one entry per name, sorted. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = join(__dirname, '../../force-app/main/default/labels/CustomLabels.labels-meta.xml');
const xml = readFileSync(FILE, 'utf8');
const labels = [...xml.matchAll(/<labels>([\s\S]*?)<\/labels>/g)].map(([, body]) => ({
    name: /<fullName>(.*?)<\/fullName>/.exec(body)?.[1] ?? '',
    shortDescription: /<shortDescription>([\s\S]*?)<\/shortDescription>/.exec(body)?.[1] ?? '',
    value: /<value>([\s\S]*?)<\/value>/.exec(body)?.[1] ?? ''
}));

describe('Custom Labels', () => {
    it('fit Salesforce limits: a short description of at most 80 characters, a value of at most 1,000', () => {
        const tooLong = labels.filter(
            (label) => label.shortDescription.length > 80 || label.value.length > 1000
        );
        expect(tooLong.map((label) => label.name)).toEqual([]);
        expect(labels.length).toBeGreaterThan(100);
    });

    it('are listed once each, sorted by name', () => {
        const names = labels.map((label) => label.name);
        expect(new Set(names).size).toBe(names.length);
        expect(names).toEqual([...names].sort());
    });
});
