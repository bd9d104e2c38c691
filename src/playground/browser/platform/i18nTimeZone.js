// @salesforce/i18n/timeZone in the playground: the user's time zone from the page.
import { userSetting } from './userSettings';

export default userSetting('timeZone', 'America/Los_Angeles');
