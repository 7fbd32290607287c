// dovecot.conf for the local test server. Pure: the caller supplies the version, paths and ids.
// 2.3 and 2.4 differ in syntax (2.4 renamed mail_location, ssl_cert, disable_plaintext_auth, passdb args...).
import { HOST, type Layout } from './layout.js';
import { MailServerError } from './errors.js';

export interface MailOwner {
  uid: number;
  gid: number;
}

export function parseDovecotVersion(output: string): [number, number] {
  const m = /^(\d+)\.(\d+)/.exec(output.trim());
  if (!m) throw new MailServerError('DOVECOT_UNSUPPORTED', `cannot read Dovecot's version from "${output.trim()}"`);
  return [Number(m[1]), Number(m[2])];
}

export function renderDovecotConfig(version: [number, number], layout: Layout, owner: MailOwner): string {
  const [major, minor] = version;
  if (major !== 2 || minor < 3) throw new MailServerError('DOVECOT_UNSUPPORTED', `Dovecot ${major}.${minor} is not supported (need 2.3 or 2.4)`);
  const common = [
    '# Written by scripts/mailserver on every start; edits here are lost.',
    'protocols = imap',
    `listen = ${HOST}`,
    `base_dir = ${layout.runDir}`,
    `state_dir = ${layout.stateDir}`,
    'instance_name = khab-mailserver',
    `log_path = ${layout.logDir}/dovecot.log`,
    `info_log_path = ${layout.logDir}/dovecot.log`,
    'auth_verbose = yes',
    // Logins run unprivileged and mail as the `mail` user: Dovecot refuses root for both.
    'default_login_user = dovenull',
    'default_internal_user = dovecot',
    `first_valid_uid = ${owner.uid}`,
    `first_valid_gid = ${owner.gid}`,
    `mail_uid = ${owner.uid}`,
    `mail_gid = ${owner.gid}`,
    // Disposable dev data: skipping fsync keeps bulk APPEND for tests and benchmarks fast.
    'mail_fsync = never',
    'namespace inbox {',
    '  inbox = yes',
    '  separator = /',
    '}',
    'auth_mechanisms = plain login',
    'ssl = yes',
    'ssl_min_protocol = TLSv1.2',
    'service imap-login {',
    '  inet_listener imap {',
    `    address = ${HOST}`,
    `    port = ${layout.imapPort}`,
    '  }',
    '  inet_listener imaps {',
    `    address = ${HOST}`,
    `    port = ${layout.imapsPort}`,
    '    ssl = yes',
    '  }',
    '}',
    // The default of 10 per user and IP is too few for tests that reconnect and run in parallel.
    'protocol imap {',
    '  mail_max_userip_connections = 1000',
    '}',
  ];
  if (minor === 3) {
    return [
      ...common,
      'mail_location = maildir:~/Maildir:LAYOUT=fs',
      'disable_plaintext_auth = no', // plain LOGIN without TLS: loopback, dev only
      `ssl_cert = <${layout.tlsCert}`,
      `ssl_key = <${layout.tlsKey}`,
      'passdb {',
      '  driver = passwd-file',
      `  args = scheme=PLAIN username_format=%Lu ${layout.passwdFile}`,
      '}',
      'userdb {',
      '  driver = static',
      `  args = uid=${owner.uid} gid=${owner.gid} home=${layout.mailDir}/%Ld/%Ln`,
      '}',
      '',
    ].join('\n');
  }
  return [
    // 2.4 requires these two to come first.
    'dovecot_config_version = 2.4.0',
    'dovecot_storage_version = 2.4.0',
    ...common,
    'mail_driver = maildir',
    'mail_path = ~/Maildir',
    'mailbox_list_layout = fs',
    'auth_allow_cleartext = yes', // plain LOGIN without TLS: loopback, dev only
    `ssl_server_cert_file = ${layout.tlsCert}`,
    `ssl_server_key_file = ${layout.tlsKey}`,
    'passdb passwd-file {',
    `  passwd_file_path = ${layout.passwdFile}`,
    '  default_password_scheme = PLAIN',
    '}',
    'userdb static {',
    '  fields {',
    `    uid = ${owner.uid}`,
    `    gid = ${owner.gid}`,
    `    home = ${layout.mailDir}/%{user|domain|lower}/%{user|username|lower}`,
    '  }',
    '}',
    '',
  ].join('\n');
}

/** passwd-file line for the one dev account; the scheme is PLAIN because the password is public anyway. */
export function renderPasswd(user: string, password: string): string {
  return `${user.toLowerCase()}:{PLAIN}${password}::::::\n`;
}
