/**
 * The refusal the Apex selector gives before a user-mode query on a field the user may not
 * read (a field it filters or sorts on, or the Zuora id a sync cannot do without):
 * INSUFFICIENT_ACCESS naming the field, where Salesforce itself would throw a QueryException.
 */
import {
    BILLING_ACCOUNT_LABEL,
    FIELD_LABELS,
    type FieldRole,
    type RecordSelector
} from './data/org-data';
import { serviceError } from './errors';
import { label, type Labels } from './labels';

/** Throws INSUFFICIENT_ACCESS for the first of `fields` the running user may not read. */
export function requireReadable(
    records: Pick<RecordSelector, 'isReadable'>,
    labels: Labels,
    fields: readonly FieldRole[]
): void {
    const unreadable = fields.find((field) => !records.isReadable(field));
    if (unreadable !== undefined) {
        throw serviceError(
            'INSUFFICIENT_ACCESS',
            label(
                labels,
                'OnDemandSync_Error_FieldNotReadable',
                FIELD_LABELS[unreadable],
                BILLING_ACCOUNT_LABEL
            )
        );
    }
}
