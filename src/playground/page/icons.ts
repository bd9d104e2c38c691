/**
 * The SLDS icons the record page draws, inlined from the design system's SVG files (so the page
 * makes no request for them): the standard object icons and a few utility icons of the header.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const STANDARD = ['account', 'contact', 'event'] as const;
const UTILITY = [
    'search',
    'apps',
    'favorite',
    'add',
    'question',
    'setup',
    'notification',
    'chevrondown',
    'down'
] as const;

export type PageIconName = (typeof STANDARD)[number] | (typeof UTILITY)[number] | 'logo';

/** Inline SVG by name, hidden from assistive technology (the page labels each icon). */
export type PageIcons = Readonly<Record<PageIconName, string>>;

function inline(file: string): string {
    return readFileSync(file, 'utf8')
        .replace('<svg ', '<svg aria-hidden="true" focusable="false" ')
        .trim();
}

/** Reads the icons from the design system's assets folder. */
export function loadPageIcons(sldsAssets: string): PageIcons {
    const icons: Partial<Record<PageIconName, string>> = {
        logo: inline(join(sldsAssets, 'images', 'logo-noname.svg'))
    };
    for (const name of STANDARD)
        icons[name] = inline(join(sldsAssets, 'icons', 'standard', `${name}.svg`));
    for (const name of UTILITY)
        icons[name] = inline(join(sldsAssets, 'icons', 'utility', `${name}.svg`));
    return icons as PageIcons;
}

/** An icon as SLDS draws it: `svg` with the given classes added. */
export function icon(svg: string, classes: string): string {
    return svg.replace('<svg ', `<svg class="${classes}" `);
}
