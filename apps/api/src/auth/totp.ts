import * as OTPAuth from 'otpauth';
import { toString as qrCodeToString } from 'qrcode';

/** What authenticator apps show above the code. */
export const AUTHENTICATOR_ISSUER = 'Leadership portfolio';
const periodSeconds = 30;
const digits = 6;
/** One time-step either side, for a phone clock a little out and a code typed as it changes. */
const acceptedDrift = 1;

function totpFor(secret: string, accountName = ''): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: AUTHENTICATOR_ISSUER,
    label: accountName,
    algorithm: 'SHA1',
    digits,
    period: periodSeconds,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
}

/** A new 160-bit secret (RFC 4226's recommended length), in base32. */
export function newAuthenticatorSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

export function otpauthUri(secret: string, accountName: string): string {
  return totpFor(secret, accountName).toString();
}

/** The QR code of an otpauth:// URI, as an SVG image in a data: URI (the CSP allows data: images). */
export async function qrCodeImage(uri: string): Promise<string> {
  const svg = await qrCodeToString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

export function timeStepAt(timestampMs: number): number {
  return Math.floor(timestampMs / 1000 / periodSeconds);
}

/** The time-step whose code `code` is, within the accepted drift of `timestampMs`; null when it is none. */
export function matchingTimeStep(secret: string, code: string, timestampMs = Date.now()): number | null {
  const delta = totpFor(secret).validate({ token: code, timestamp: timestampMs, window: acceptedDrift });
  return delta === null ? null : timeStepAt(timestampMs) + delta;
}

/** The code of a time-step: what an authenticator app shows during it. */
export function codeForTimeStep(secret: string, timeStep: number): string {
  return totpFor(secret).generate({ timestamp: timeStep * periodSeconds * 1000 });
}
