/**
 * The Custom Labels the service's messages come from: the same names as the Apex code's, with
 * the values of force-app's CustomLabels.labels-meta.xml, read from that file when this module
 * loads, so the emulated org answers with exactly the org's text. `parseCustomLabels` reads a
 * labels file, to answer with another set of values.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from '../bridge/messages';
import { projectRoot } from './project-root';

/** The labels the emulated service uses; each must exist in the project's labels file. */
export const LABEL_NAMES = [
    'OnDemandSync_Error_JobNotFound',
    'OnDemandSync_Error_NoSyncableBillingAccounts',
    'OnDemandSync_Job_AbortedInSetup',
    'OnDemandSync_Job_BudgetReached',
    'OnDemandSync_Job_ExecutionFailed',
    'OnDemandSync_Job_NotificationBody',
    'OnDemandSync_Job_NotificationTitleFinished',
    'OnDemandSync_Job_NotificationTitleStopped',
    'OnDemandSync_Job_Pending',
    'OnDemandSync_Job_StoppedBeforeSent',
    'OnDemandSync_Error_JobAccountAndIds',
    'OnDemandSync_Error_AccountNotFound',
    'OnDemandSync_Error_CalloutLimit',
    'OnDemandSync_Error_EmptyRequest',
    'OnDemandSync_Error_FieldNotReadable',
    'OnDemandSync_Error_InsufficientAccess',
    'OnDemandSync_Error_InvalidAccountId',
    'OnDemandSync_Error_InvalidId',
    'OnDemandSync_Error_InvalidObjectType',
    'OnDemandSync_Error_InvalidZuoraId',
    'OnDemandSync_Error_MalformedRequest',
    'OnDemandSync_Error_NoDataAccess',
    'OnDemandSync_Error_NotFound',
    'OnDemandSync_Error_NotThisAccount',
    'OnDemandSync_Error_PendingWork',
    'OnDemandSync_Error_TooManyIds',
    'OnDemandSync_Error_Unexpected',
    'OnDemandSync_Error_ZuoraNotConfigured',
    'OnDemandSync_Item_Claimed',
    'OnDemandSync_Item_CoolingDown',
    'OnDemandSync_Item_InProgress',
    'OnDemandSync_Item_NoResult',
    'OnDemandSync_Item_NoZuoraId',
    'OnDemandSync_Item_NotFound',
    'OnDemandSync_Item_NotVisible',
    'OnDemandSync_Item_Requested',
    'OnDemandSync_Item_UnsyncedNotPermitted',
    'OnDemandSync_Item_ZuoraError',
    'OnDemandSync_Item_ZuoraRefused'
] as const;

export type LabelName = (typeof LABEL_NAMES)[number];
export type Labels = { readonly [K in LabelName]: string };

/** Where the project's Custom Labels live. */
export const PROJECT_LABELS_FILE = join(
    projectRoot(),
    'force-app',
    'main',
    'default',
    'labels',
    'CustomLabels.labels-meta.xml'
);

function loadProjectLabels(): Labels {
    const values = parseCustomLabels(readFileSync(PROJECT_LABELS_FILE, 'utf8'));
    const labels = {} as { [K in LabelName]: string };
    for (const name of LABEL_NAMES) {
        const value = values[name];
        if (value === undefined) {
            throw new Error(`Custom Label ${name} is missing from ${PROJECT_LABELS_FILE}`);
        }
        labels[name] = value;
    }
    return Object.freeze(labels);
}

/** The labels with every non-blank override applied (unknown names are ignored). */
export function resolveLabels(overrides: Readonly<Record<string, string>> = {}): Labels {
    const labels: { [K in LabelName]: string } = { ...DEFAULT_LABELS };
    for (const name of LABEL_NAMES) {
        const value = overrides[name];
        if (typeof value === 'string' && value.trim() !== '') {
            labels[name] = value;
        }
    }
    return Object.freeze(labels);
}

/** A label's text with its `{0}` ... placeholders filled. */
export function label(labels: Labels, name: LabelName, ...args: readonly unknown[]): string {
    return format(labels[name], ...args);
}

const XML_ENTITIES: Readonly<Record<string, string>> = {
    '&lt;': '<',
    '&gt;': '>',
    '&quot;': '"',
    '&apos;': "'",
    '&amp;': '&'
};

function unescapeXml(text: string): string {
    return text.replace(/&(?:lt|gt|quot|apos|amp);/g, (entity) => XML_ENTITIES[entity] ?? entity);
}

/** Label name to value, read from the text of a CustomLabels.labels-meta.xml file. */
export function parseCustomLabels(xml: string): Record<string, string> {
    const values: Record<string, string> = {};
    for (const [, block] of xml.matchAll(/<labels>([\s\S]*?)<\/labels>/g)) {
        const name = /<fullName>([\s\S]*?)<\/fullName>/.exec(block)?.[1]?.trim();
        const value = /<value>([\s\S]*?)<\/value>/.exec(block)?.[1];
        if (name && value !== undefined) {
            values[name] = unescapeXml(value);
        }
    }
    return values;
}

/** The project's own label values (force-app's CustomLabels.labels-meta.xml). */
export const DEFAULT_LABELS: Labels = loadProjectLabels();
