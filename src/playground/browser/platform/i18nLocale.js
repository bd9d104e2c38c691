// @salesforce/i18n/locale in the playground: the user's locale from the page.
import { userSetting } from './userSettings';

export default userSetting('locale', 'en-US');
