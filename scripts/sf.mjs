// Runs the project's own Salesforce CLI with the settings that keep it
// offline and quiet: no telemetry, no version check, no self-update.
import { join } from 'node:path';
import { projectRoot } from './project.mjs';

export const sfBinary = join(projectRoot, 'node_modules', '.bin', 'sf');

export function sfEnvironment(extra = {}) {
    return {
        ...process.env,
        SF_DISABLE_TELEMETRY: 'true',
        SF_SKIP_NEW_VERSION_CHECK: 'true',
        SF_DISABLE_AUTOUPDATE: 'true',
        ...extra
    };
}
