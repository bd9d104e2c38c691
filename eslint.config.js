const js = require('@eslint/js');
const globals = require('globals');
const tseslint = require('typescript-eslint');
const lwcConfig = require('@salesforce/eslint-config-lwc');
const jestPlugin = require('eslint-plugin-jest');

// Lint, by kind of source:
// - Lightning web components: Salesforce's recommended LWC rules.
// - TypeScript (bridge, command line, emulated org): typescript-eslint.
// - Node scripts: ESLint's recommended rules.
module.exports = [
    {
        ignores: [
            'node_modules/**',
            'coverage/**',
            'dist/**',
            '.tmp/**',
            '.sf/**',
            '.sfdx/**',
            'test-results/**',
            'force-app/main/default/staticresources/**'
        ]
    },
    ...lwcConfig.configs.recommended.map((config) => ({
        ...config,
        files: ['force-app/**/lwc/**/*.js']
    })),
    {
        files: ['force-app/**/lwc/**/__tests__/**/*.js', 'force-app/test/**/*.js'],
        ...jestPlugin.configs['flat/recommended'],
        languageOptions: {
            globals: { ...globals.node, ...globals.jest, ...globals.browser }
        }
    },
    ...tseslint.configs.recommended.map((config) => ({
        ...config,
        files: ['src/**/*.ts']
    })),
    {
        files: ['src/**/*.ts'],
        rules: {
            'no-eval': 'error',
            'no-new-func': 'error',
            '@typescript-eslint/no-unused-vars': [
                'error',
                { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
            ]
        }
    },
    {
        files: [
            'scripts/**/*.{js,mjs}',
            'bin/**/*.js',
            '*.config.js',
            '*.config.mjs',
            '.ci/**/*.mjs'
        ],
        ...js.configs.recommended,
        languageOptions: {
            ecmaVersion: 2022,
            sourceType: 'module',
            globals: { ...globals.node }
        }
    },
    {
        files: ['src/playground/browser/**/*.js'],
        ...js.configs.recommended,
        languageOptions: {
            ecmaVersion: 2022,
            sourceType: 'module',
            globals: { ...globals.browser }
        }
    },
    {
        files: ['*.config.js', 'bin/**/*.js', 'force-app/test/**/*.js'],
        languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } }
    }
];
