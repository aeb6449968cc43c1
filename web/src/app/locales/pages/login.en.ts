import type { PageLoginTexts } from './login.sv';

/** English texts of the login page: the same keys as login.sv.ts, fetched when English is chosen. */
const texts: PageLoginTexts = {
  login: {
    title: 'Log in',
    heading: 'Log in',
    lead: 'For the region’s officers, administrators, auditors and analysts, and for the providers’ staff. The public does not need to log in to see the programme, indicators and providers.',
    needed: 'Log in to see the page you asked for.',
    email: 'Email address',
    password: 'Password',
    showPassword: 'Show the password',
    submit: 'Log in',
    submitting: 'Logging in…',
    emailMissing: 'Enter your email address.',
    passwordMissing: 'Enter your password.',
    failed: 'Wrong email address or password. Check them and try again.',
    rateLimited: 'Too many failed attempts to log in. Wait {{wait}} and then try again.',
    unavailable: 'Insyn cannot be reached right now. Check your internet connection and try again.',
    loggedOut: 'You are now logged out.',
    alreadySignedIn: 'You are already logged in as {{name}}.',
    continue: 'Continue',
    forgotHeading: 'Forgotten your password?',
    forgot: 'Contact the region’s administrator. You will get a temporary password, which you change the first time you log in.',
  },
  duration: {
    seconds_one: '{{count}} second',
    seconds_other: '{{count}} seconds',
    minutes_one: '{{count}} minute',
    minutes_other: '{{count}} minutes',
  },
};

export default texts;
