// Which layout the card uses: the table in a wide region, the compact list on a phone (form
// factor Small) and in a narrow region of a record page such as its right-hand column
// (flexipageRegionWidth SMALL), where seven columns would each get a few letters.
import FORM_FACTOR from '@salesforce/client/formFactor';

/**
 * @param {string} formFactor 'Large', 'Medium' or 'Small'
 * @param {string} regionWidth on a record page 'SMALL', 'MEDIUM' or 'LARGE'; undefined elsewhere
 * @returns {boolean} whether the compact list shows instead of the table
 */
export function isCompact(formFactor, regionWidth) {
    return formFactor === 'Small' || regionWidth === 'SMALL';
}

/** The compact list for this device and a region width. */
export function isCompactRegion(regionWidth) {
    return isCompact(FORM_FACTOR, regionWidth);
}
