const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

// Two projects: the Lightning web components (sfdx-lwc-jest, jsdom) and the
// TypeScript sources (ts-jest with type checking on, Node environment).
module.exports = {
    projects: [
        {
            ...jestConfig,
            displayName: 'lwc',
            roots: ['<rootDir>/force-app'],
            moduleNameMapper: {
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
            displayName: 'ts',
            testEnvironment: 'node',
            roots: ['<rootDir>/src', '<rootDir>/scripts'],
            testMatch: ['**/__tests__/**/*.test.ts'],
            transform: {
                '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }]
            }
        }
    ],
    coverageReporters: ['text-summary', 'lcov']
};
