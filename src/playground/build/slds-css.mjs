// The SLDS style sheet for the page. The npm build of SLDS 2.26x leaves some properties as
// annotations: `/*! @css-var-fallback padding-left */--slds-c-card-body-spacing-inline-start: ...`
// sets the styling hook but not the property itself, so `slds-card__body_inner` has no padding
// and some colours are missing. The style sheet Lightning Experience serves has them applied;
// this applies each annotation (adds `padding-left: var(--slds-c-...)` next to the hook).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const ANNOTATION = /\/\*! @css-var-fallback ([a-z-]+) \*\/\s*(--[\w-]+)\s*:/g;

/** Index just after the value that starts at `from` (the `;` or the `}` ending it). */
function valueEnd(css, from) {
    let depth = 0;
    for (let index = from; index < css.length; index++) {
        const character = css[index];
        if (character === '(') depth += 1;
        else if (character === ')') depth -= 1;
        else if (depth === 0 && (character === ';' || character === '}')) return index;
    }
    return css.length;
}

/** The CSS with every `@css-var-fallback` annotation applied. */
export function applyVarFallbacks(css) {
    let out = '';
    let last = 0;
    for (const match of css.matchAll(ANNOTATION)) {
        const [whole, property, variable] = match;
        const end = valueEnd(css, match.index + whole.length);
        const declarationEnd = css[end] === ';' ? end + 1 : end;
        const separator = css[end] === ';' ? '' : ';';
        out += `${css.slice(last, declarationEnd)}${separator}${property}:var(${variable});`;
        last = declarationEnd;
    }
    return out + css.slice(last);
}

export function sldsAssetsDir() {
    const require = createRequire(import.meta.url);
    return join(dirname(require.resolve('@salesforce-ux/design-system/package.json')), 'assets');
}

/** The page's SLDS style sheet, ready to serve from /assets/styles/. */
export function buildSldsCss() {
    const file = join(sldsAssetsDir(), 'styles', 'salesforce-lightning-design-system.min.css');
    return applyVarFallbacks(readFileSync(file, 'utf8'));
}
