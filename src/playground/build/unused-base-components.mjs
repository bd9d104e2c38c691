// A rollup plugin that answers base components the playground page never draws with an empty
// component, so that app.js does not carry them. lightning-input and lightning-datatable name
// every kind of input and inline editor in their templates; the card uses a search box and a
// read-only table, so the date, time, colour and file inputs and the table's inline editors
// are never created. (An org has every base component already: this is the playground's only.)
// A page that did draw one would show nothing in its place; the browser tests would see it.
const UNUSED = [
    'lightning/datepicker',
    'lightning/datetimepicker',
    'lightning/timepicker',
    'lightning/calendar',
    'lightning/primitiveInputColor',
    'lightning/colorPickerCustom',
    'lightning/colorPickerPanel',
    'lightning/primitiveColorpickerButton',
    'lightning/colorSwatch',
    'lightning/primitiveInputFile',
    'lightning/primitiveFileDroppableZone',
    'lightning/primitiveDatatableIeditPanel',
    'lightning/primitiveDatatableIeditTypeFactory',
    'lightning/primitiveDatatableIeditInputWrapper',
    'lightning/primitiveTreegridCellToggle'
];

const PREFIX = '\0playground-unused:';

/** @returns {import('rollup').Plugin} */
export function unusedBaseComponents(names = UNUSED) {
    const unused = new Set(names);
    return {
        name: 'playground-unused-base-components',
        resolveId: (source) => (unused.has(source) ? PREFIX + source : null),
        load: (id) =>
            id.startsWith(PREFIX)
                ? "import { LightningElement } from 'lwc';\nexport default class Unused extends LightningElement {}\n"
                : null
    };
}
