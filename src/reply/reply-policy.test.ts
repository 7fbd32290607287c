import { describe, expect, it } from 'vitest';
import { mayReply, type ReplyPolicyInput, type ReplyRefusal } from './reply-policy.js';

const base: ReplyPolicyInput = {
  fromAddress: 'ivanova.tn@mail.ru', headers: {}, ownAddresses: ['info@khab.dvec.ru'], recentRepliesToSender: 0, maxPerDay: 3,
};

describe('mayReply', () => {
  it('answers a person', () => {
    expect(mayReply(base)).toEqual({ allowed: true });
  });

  const refusals: [string, Partial<ReplyPolicyInput>, ReplyRefusal][] = [
    ['no sender', { fromAddress: null }, 'no_sender'],
    ['an unusable sender', { fromAddress: 'ivanova' }, 'no_sender'],
    ['our own address', { fromAddress: 'INFO@khab.dvec.ru' }, 'own_address'],
    ['our own address with a tag', { fromAddress: 'info+test@khab.dvec.ru' }, 'own_address'],
    ['an auto-reply', { headers: { 'auto-submitted': ['auto-replied'] } }, 'machine_mail'],
    ['a vacation notice', { headers: { 'x-autoreply': ['yes'] } }, 'machine_mail'],
    ['bulk mail', { headers: { precedence: ['bulk'] } }, 'machine_mail'],
    ['a bounce', { contentType: 'multipart/report' }, 'machine_mail'],
    ['a null return path', { headers: { 'return-path': ['<>'] } }, 'machine_mail'],
    ['mailer-daemon', { fromAddress: 'MAILER-DAEMON@mx.mail.ru' }, 'machine_mail'],
    ['noreply', { fromAddress: 'noreply@gosuslugi.ru' }, 'robot_sender'],
    ['no-reply', { fromAddress: 'no-reply@bank.ru' }, 'robot_sender'],
    ['no_reply', { fromAddress: 'no_reply@bank.ru' }, 'robot_sender'],
    ['do-not-reply', { fromAddress: 'do-not-reply@shop.ru' }, 'robot_sender'],
    ['bounces', { fromAddress: 'bounces+123@lists.example.org' }, 'robot_sender'],
    ['a sender who suppressed auto-responses', { headers: { 'x-auto-response-suppress': ['OOF, AutoReply'] } }, 'reply_suppressed'],
  ];

  it.each(refusals)('refuses %s', (_name, over, reason) => {
    expect(mayReply({ ...base, ...over })).toEqual({ allowed: false, reason });
  });

  it('keeps answering when Auto-Submitted says no', () => {
    expect(mayReply({ ...base, headers: { 'auto-submitted': ['no'] } })).toEqual({ allowed: true });
  });

  it('caps replies per sender per day; 0 turns replies off', () => {
    expect(mayReply({ ...base, recentRepliesToSender: 2 })).toEqual({ allowed: true });
    expect(mayReply({ ...base, recentRepliesToSender: 3 })).toEqual({ allowed: false, reason: 'rate_limited' });
    expect(mayReply({ ...base, maxPerDay: 0 })).toEqual({ allowed: false, reason: 'rate_limited' });
  });
});
