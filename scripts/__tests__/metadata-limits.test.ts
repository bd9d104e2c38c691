/**
 * Lengths Salesforce refuses at deploy time and no local conversion checks: a permission set's or
 * custom permission's description is at most 255 characters, its label at most 80.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', 'force-app', 'main', 'default');
const FOLDERS = ['permissionsets', 'customPermissions'];

function textOf(xml: string, tag: string): string {
    const match = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xml);
    return (match?.[1] ?? '').replace(/&(lt|gt|quot|apos|amp);/g, '_');
}

const files = FOLDERS.flatMap((folder) =>
    readdirSync(join(root, folder))
        .filter((name) => name.endsWith('-meta.xml'))
        .map((name) => [`${folder}/${name}`, readFileSync(join(root, folder, name), 'utf8')])
);

describe('permission metadata fits Salesforce limits', () => {
    it('has the files', () => {
        expect(files.length).toBeGreaterThanOrEqual(6);
    });

    it.each(files)('%s: description at most 255 characters, label at most 80', (_name, xml) => {
        expect(textOf(xml, 'description').length).toBeLessThanOrEqual(255);
        const label = textOf(xml, 'label');
        expect(label.length).toBeGreaterThan(0);
        expect(label.length).toBeLessThanOrEqual(80);
    });
});
