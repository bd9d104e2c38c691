/**
 * Security properties of the Apex metadata that no Apex test can show from inside an org:
 * users get read-only access to the audit trail (the service writes it in system mode), and
 * test-only Apex never runs or counts in a production org.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const root = join(__dirname, '..', '..');
const permissionSets = join(root, 'force-app/main/default/permissionsets');
const forceApp = join(root, 'force-app');
/** Every Apex class of force-app, whatever folder it sits in (paths relative to force-app). */
const classes = (readdirSync(forceApp, { recursive: true }) as string[]).filter((file) =>
    file.endsWith('.cls')
);

function permissionSet(name: string): string {
    return readFileSync(join(permissionSets, `${name}.permissionset-meta.xml`), 'utf8');
}

describe('the audit trail', () => {
    const xml = permissionSet('Zuora_On_Demand_Sync');
    const log =
        /<objectPermissions>((?:(?!<\/objectPermissions>)[\s\S])*On_Demand_Sync_Log__c[\s\S]*?)<\/objectPermissions>/.exec(
            xml
        );

    it('is read-only for users: no create, edit or delete on the log', () => {
        expect(log).not.toBeNull();
        const block = log?.[1] ?? '';
        expect(block).toContain('<allowRead>true</allowRead>');
        for (const right of ['allowCreate', 'allowEdit', 'allowDelete', 'modifyAllRecords']) {
            expect(block).toContain(`<${right}>false</${right}>`);
        }
    });

    it('grants no editable field of the log', () => {
        const logFields = xml.match(
            /<fieldPermissions>\s*<editable>(true|false)<\/editable>\s*<field>On_Demand_Sync_Log__c\.[^<]+<\/field>/g
        );
        expect(logFields?.length).toBeGreaterThan(0);
        expect((logFields ?? []).filter((field) => field.includes('<editable>true'))).toEqual([]);
    });

    it('the sync permission set does not grant syncing accounts that are not in Salesforce', () => {
        expect(xml).not.toContain('Zuora_On_Demand_Sync_Unsynced_Accounts');
        expect(permissionSet('Zuora_On_Demand_Sync_Unsynced_Accounts')).toContain(
            '<name>Zuora_On_Demand_Sync_Unsynced_Accounts</name>'
        );
    });
});

describe('test-only Apex', () => {
    const testOnly = classes.filter((file) =>
        /^(OnDemandSync(Fake\w*|Stub\w*|TestData)|\w+_Tests)\.cls$/.test(basename(file))
    );

    it('covers the test doubles and the test data factory', () => {
        expect(testOnly.map((file) => basename(file))).toEqual(
            expect.arrayContaining([
                'OnDemandSyncFakeSelector.cls',
                'OnDemandSyncStubGateway.cls',
                'OnDemandSyncTestData.cls'
            ])
        );
    });

    it.each(testOnly)('%s is @IsTest, so it never runs or counts in production', (file) => {
        const source = readFileSync(join(forceApp, file), 'utf8');
        const declaration = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
        expect(declaration).toMatch(/^\s*@IsTest\b[\s\S]*?\bclass\s/i);
    });
});
