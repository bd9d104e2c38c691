/**
 * The playground's own strip above the Lightning chrome: a badge saying what this is, and the
 * sample Accounts, each its name as the link and, on a second line, the situation it shows.
 */
import { escapeHtml } from './html';

export interface SampleLink {
    readonly id: string;
    readonly name: string;
    readonly situation: string;
}

export function switcher(samples: readonly SampleLink[], currentId: string): string {
    const items = samples
        .map((sample) => {
            const current = sample.id === currentId ? ' aria-current="page"' : '';
            return (
                `<li class="pg-sample"><a href="/?account=${encodeURIComponent(sample.id)}"${current}>` +
                `${escapeHtml(sample.name)}</a>` +
                `<span class="pg-sample__situation slds-text-body_small slds-text-color_weak">` +
                `${escapeHtml(sample.situation)}</span></li>`
            );
        })
        .join('');
    return (
        `<nav class="pg-samples slds-grid slds-grid_vertical-align-start" aria-label="Sample Accounts">` +
        `<div class="pg-samples__title"><span class="slds-badge slds-badge_inverse">Playground</span>` +
        `<span class="slds-text-body_small slds-m-left_x-small">Emulated org with sample data. Sample Accounts:</span></div>` +
        `<ul>${items}</ul></nav>`
    );
}
