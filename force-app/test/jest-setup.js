// Registers the accessibility matcher `toBeAccessible()` for component tests.
const { registerSa11yMatcher } = require('@sa11y/jest');

registerSa11yMatcher();
