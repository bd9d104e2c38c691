const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

// Three projects: the Lightning web components (sfdx-lwc-jest, jsdom), the TypeScript sources
// (ts-jest with type checking on, Node environment), and the playground in a real browser
// (Chromium driven by playwright-core).
const typescript = {
    testEnvironment: 'node',
    transform: {
        '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }]
    }
};

module.exports = {
    projects: [
        {
            ...jestConfig,
            displayName: 'lwc',
            roots: ['<rootDir>/force-app'],
            moduleNameMapper: {
                '^@salesforce/apex/OnDemandSyncController\\.(getSyncContext|requestSync)$':
                    '<rootDir>/force-app/test/jest-mocks/apex/OnDemandSyncController.$1',
                '^lightning/platformResourceLoader$':
                    '<rootDir>/force-app/test/jest-mocks/lightning/platformResourceLoader',
                '^lightning/refresh$': '<rootDir>/force-app/test/jest-mocks/lightning/refresh',
                '^lightning/uiRecordApi$':
                    '<rootDir>/force-app/test/jest-mocks/lightning/uiRecordApi'
            },
            setupFilesAfterEnv: ['<rootDir>/force-app/test/jest-setup.js'],
            modulePathIgnorePatterns: ['<rootDir>/.localdevserver']
        },
        {
            ...typescript,
            displayName: 'ts',
            roots: ['<rootDir>/src', '<rootDir>/scripts'],
            testMatch: ['**/__tests__/**/*.test.ts'],
            testPathIgnorePatterns: ['/node_modules/', '\\.browser\\.test\\.ts$']
        },
        {
            ...typescript,
            displayName: 'browser',
            roots: ['<rootDir>/src/playground'],
            testMatch: ['**/__tests__/**/*.browser.test.ts']
        }
    ],
    coverageReporters: ['text-summary', 'lcov']
};
