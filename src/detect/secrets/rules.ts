import type { Severity } from '../../core/types.js';
import { isPlaceholder, looksRandom } from './entropy.js';

/**
 * One secret format. `re` is global with the `d` flag; when `group` is set, only that capture
 * (the secret itself, not the cue before it) becomes the finding's span. Every quantifier is
 * bounded so a hostile run of token characters costs at most (max length) per start position.
 */
export interface SecretRule {
  readonly name: string;
  readonly re: RegExp;
  readonly group?: number;
  readonly severity: Severity;
  readonly score: number;
  readonly explanation: string;
  /** Extra check on the captured value (entropy, placeholders). */
  readonly accept?: (value: string) => boolean;
}

const notPlaceholder = (v: string): boolean => !isPlaceholder(v.replace(/^["']|["']$/g, ''));
const hasDigitAndLetter = (v: string): boolean => /[0-9]/.test(v) && /[A-Za-z]/.test(v);

// Token tail: no word character may follow, so a match never ends inside a longer token.
const END = '(?![A-Za-z0-9_-])';
const START = '(?<![A-Za-z0-9_-])';

export const SECRET_RULES: readonly SecretRule[] = [
  { name: 'aws_access_key_id', re: new RegExp(`${START}(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z2-7]{16}${END}`, 'dg'),
    severity: 'critical', score: 0.95, explanation: 'AWS access key id' },
  { name: 'aws_secret_access_key',
    re: /(?:aws_?secret_?access_?key|aws_?secret_?key|secret_?access_?key)["']?[\t ]{0,5}[:=][\t ]{0,5}["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/dgi,
    group: 1, severity: 'critical', score: 0.95, explanation: 'AWS secret access key' },
  { name: 'github_token', re: new RegExp(`${START}gh[pousr]_[A-Za-z0-9]{36,251}${END}`, 'dg'),
    severity: 'critical', score: 0.97, explanation: 'GitHub token' },
  { name: 'github_pat', re: new RegExp(`${START}github_pat_[A-Za-z0-9_]{22,255}${END}`, 'dg'),
    severity: 'critical', score: 0.97, explanation: 'GitHub fine-grained personal access token' },
  { name: 'gitlab_token', re: new RegExp(`${START}glpat-[A-Za-z0-9_-]{20,64}${END}`, 'dg'),
    severity: 'critical', score: 0.95, explanation: 'GitLab personal access token' },
  { name: 'slack_token', re: new RegExp(`${START}xox[abprse]-[A-Za-z0-9-]{10,250}${END}`, 'dg'),
    severity: 'critical', score: 0.93, explanation: 'Slack token', accept: hasDigitAndLetter },
  { name: 'slack_webhook', re: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{6,12}\/B[A-Z0-9]{6,12}\/[A-Za-z0-9]{20,32}/dg,
    severity: 'high', score: 0.95, explanation: 'Slack incoming webhook URL' },
  { name: 'stripe_key', re: new RegExp(`${START}(?:sk|rk)_live_[A-Za-z0-9]{20,99}${END}`, 'dg'),
    severity: 'critical', score: 0.97, explanation: 'Stripe live secret key' },
  { name: 'stripe_test_key', re: new RegExp(`${START}(?:sk|rk)_test_[A-Za-z0-9]{20,99}${END}`, 'dg'),
    severity: 'high', score: 0.9, explanation: 'Stripe test secret key' },
  { name: 'anthropic_key', re: new RegExp(`${START}sk-ant-[A-Za-z0-9_-]{32,200}${END}`, 'dg'),
    severity: 'critical', score: 0.97, explanation: 'Anthropic API key' },
  { name: 'openai_key', re: new RegExp(`${START}sk-(?!ant-)(?:proj-|svcacct-|admin-|None-)?[A-Za-z0-9_-]{20,200}${END}`, 'dg'),
    severity: 'critical', score: 0.9, explanation: 'OpenAI API key',
    accept: (v) => hasDigitAndLetter(v) && looksRandom(v.replace(/^sk-(?:proj-|svcacct-|admin-|None-)?/, '').replace(/[-_]/g, '')) },
  { name: 'google_api_key', re: new RegExp(`${START}AIza[0-9A-Za-z_-]{35}${END}`, 'dg'),
    severity: 'critical', score: 0.95, explanation: 'Google API key' },
  { name: 'azure_storage_key', re: /(?:AccountKey|SharedAccessKey)=([A-Za-z0-9+/]{20,120}={0,2})/dg,
    group: 1, severity: 'critical', score: 0.95, explanation: 'Azure storage or service bus key' },
  { name: 'twilio_api_key', re: new RegExp(`${START}SK[0-9a-f]{32}${END}`, 'dg'),
    severity: 'high', score: 0.85, explanation: 'Twilio API key' },
  { name: 'sendgrid_key', re: new RegExp(`${START}SG\\.[A-Za-z0-9_-]{16,32}\\.[A-Za-z0-9_-]{30,64}${END}`, 'dg'),
    severity: 'critical', score: 0.97, explanation: 'SendGrid API key' },
  { name: 'npm_token', re: new RegExp(`${START}npm_[A-Za-z0-9]{36}${END}`, 'dg'),
    severity: 'critical', score: 0.95, explanation: 'npm access token' },
  { name: 'jwt', re: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,4096}\.eyJ[A-Za-z0-9_-]{5,8192}\.[A-Za-z0-9_-]{8,1024}(?![A-Za-z0-9_-])/dg,
    severity: 'high', score: 0.9, explanation: 'JSON Web Token' },
  { name: 'password_in_url',
    // Anchored on the literal "://" (the scheme does not matter), which keeps the scan fast.
    re: /:\/\/[^\s:/@'"]{1,128}:([^\s@/'"]{1,256})@[A-Za-z0-9[]/dg,
    group: 1, severity: 'high', score: 0.9, explanation: 'password in a connection URL', accept: notPlaceholder },
  { name: 'password_in_connection_string',
    re: /(?<![^;\s"'])(?:password|pwd)[\t ]{0,3}=[\t ]{0,3}("[^"\n]{1,256}"|'[^'\n]{1,256}'|[^;"'\s]{1,256})/dgim,
    group: 1, severity: 'high', score: 0.88, explanation: 'password in a connection string', accept: notPlaceholder },
  { name: 'password_assignment',
    re: /^[\t ]{0,40}(?:export[\t ]{1,5})?["']?[A-Za-z0-9_.-]{0,40}(?:password|passwd|passphrase)["']?[\t ]{0,5}[:=][\t ]{0,5}("[^"\n]{4,256}"|'[^'\n]{4,256}'|[^\s"'#]{4,256})/dgim,
    group: 1, severity: 'high', score: 0.85, explanation: 'password assigned in a config or environment line', accept: notPlaceholder },
  // "PWD" is also clinical shorthand ("PWD: people with dementia"), so the value must look like a password.
  { name: 'password_assignment',
    re: /^[\t ]{0,40}(?:export[\t ]{1,5})?["']?[A-Za-z0-9_.-]{0,40}pwd["']?[\t ]{0,5}[:=][\t ]{0,5}("[^"\n]{4,256}"|'[^'\n]{4,256}'|[^\s"'#]{4,256})/dgim,
    group: 1, severity: 'high', score: 0.8, explanation: 'password assigned in a config or environment line',
    accept: (v) => notPlaceholder(v) && /[^A-Za-z]/.test(v.replace(/^["']|["']$/g, '')) },
  // In prose ("the portal password is Blue$ky2024"): only a value with a digit or a symbol, so
  // "password is required" and "password was reset" stay text.
  { name: 'password_in_prose',
    re: /\b(?:password|passcode|passwd|passphrase)[\t ]{1,3}(?:is|was)[\t ]{1,3}(?:now[\t ]{1,3})?("[^"\n]{4,64}"|[^\s"']{3,63}[^\s"'.,;:!?)])/dgi,
    group: 1, severity: 'high', score: 0.8, explanation: 'password written in a sentence',
    accept: (v) => notPlaceholder(v) && /[^A-Za-z"]/.test(v) && !/-[a-z]{4,}$/.test(v) },
  { name: 'bearer_token', re: /\bBearer[\t ]{1,3}([A-Za-z0-9._~+/-]{20,2048}={0,2})(?![A-Za-z0-9._~+/=-])/dg,
    group: 1, severity: 'high', score: 0.88, explanation: 'bearer token', accept: (v) => looksRandom(v.replace(/[._~+/-]/g, '')) },
  { name: 'basic_auth', re: /\bAuthorization:[\t ]{0,3}Basic[\t ]{1,3}([A-Za-z0-9+/]{8,1024}={0,2})/dgi,
    group: 1, severity: 'high', score: 0.9, explanation: 'HTTP basic credentials' },
  { name: 'generic_secret',
    re: /\b(?:api[_-]?key|apikey|secret(?:[_-]?key)?|client[_-]?secret|access[_-]?token|auth[_-]?token|refresh[_-]?token|token|private[_-]?key|credential)s?["']?[\t ]{0,5}(?:[:=]|=>|is)[\t ]{0,5}["']?([A-Za-z0-9+/_.=-]{16,512})(?![A-Za-z0-9+/_.=-])/dgi,
    group: 1, severity: 'high', score: 0.75, explanation: 'high-entropy value next to a key/secret/token cue',
    accept: (v) => looksRandom(v.replace(/=+$/, '')) },
];
