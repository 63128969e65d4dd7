// Partial English UI; missing keys fall back to zh-CN.
export default {
  app: { title: 'Tongxin', subtitle: 'Online figures work platform', demoBanner: 'Demo data present' },
  common: {
    search: 'Search', reset: 'Reset', add: 'Add', edit: 'Edit', delete: 'Delete', save: 'Save', cancel: 'Cancel',
    confirm: 'OK', back: 'Back', view: 'View', actions: 'Actions', loading: 'Loading…', noData: 'No data',
  },
  menu: {
    welcome: 'Home',
    figures: 'Online figures', figureList: 'Registry', import: 'Import', organizations: 'Organizations',
    dashboard: 'Dashboard', admin: 'Administration', users: 'Users', regions: 'Regions', orgUnits: 'Org units', dictionaries: 'Dictionaries', audit: 'Audit log',
  },
  auth: {
    loginTitle: 'Sign in', userName: 'User name', password: 'Password', signIn: 'Sign in',
    wrongCredentials: 'Wrong user name or password',
  },
};
