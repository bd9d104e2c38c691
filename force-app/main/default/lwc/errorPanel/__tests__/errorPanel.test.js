import { createElement } from 'lwc';
import ErrorPanel from 'c/errorPanel';

jest.mock('../labels', () =>
    require('../../../../../test/jest-mocks/customLabels').withLabelTexts(
        jest.requireActual('../labels')
    )
);

const $ = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);

function render(props) {
    const element = createElement('c-error-panel', { is: ErrorPanel });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

describe('c-error-panel', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('shows the title, the message and the details for an admin', async () => {
        const element = render({
            title: 'Billing accounts could not be loaded',
            message: 'Salesforce could not be reached.',
            details: ['Failed to fetch', 'ECONNRESET']
        });
        await Promise.resolve();

        expect($(element, 'panel').getAttribute('role')).toBe('alert');
        expect($(element, 'title').textContent).toBe('Billing accounts could not be loaded');
        expect($(element, 'message').textContent).toBe('Salesforce could not be reached.');
        const details = $(element, 'details');
        expect(details.querySelector('summary').textContent).toBe('Details for your admin');
        expect([...details.querySelectorAll('li')].map((item) => item.textContent)).toEqual([
            'Failed to fetch',
            'ECONNRESET'
        ]);
        await expect(element).toBeAccessible();
    });

    it('leaves out what it was not given', async () => {
        const element = render({ title: 'The sync request failed' });
        await Promise.resolve();
        expect($(element, 'message')).toBeNull();
        expect($(element, 'details')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
