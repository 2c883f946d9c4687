// `npm run demo:code -- <base32 secret>`: the code an authenticator app would show now for that
// secret (TOTP, SHA-1, 6 digits, 30 s), to sign in to the demo accounts without a phone.
import * as OTPAuth from 'otpauth';

const secret = process.argv[2];
if (!secret || !/^[A-Z2-7]+=*$/i.test(secret)) {
  console.error('Usage: npm run demo:code -- <base32 secret>  (npm start prints each demo account’s secret)');
  process.exit(2);
}
const totp = new OTPAuth.TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) });
const secondsLeft = Math.ceil(OTPAuth.TOTP.remaining({ period: 30 }) / 1000);
console.log(`${totp.generate()}  (changes in ${secondsLeft} s)`);
