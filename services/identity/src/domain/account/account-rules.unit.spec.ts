import { describe, expect, it } from 'vitest';
import { checkName } from './display-name.js';
import { checkEmail, emailKey } from './email.js';
import { checkPassword, normalizePassword } from './password-policy.js';

const account = { email: 'ada.lovelace@example.com', name: 'Ada Lovelace' };
const refusal = (password: string) => checkPassword(password, account);

describe('password policy', () => {
  it('accepts a long passphrase with no composition rules', () => {
    expect(refusal('correct horse battery staple')).toBeNull();
    expect(refusal('tr0ub4dor&3x')).toBeNull();
  });

  it('refuses fewer than 10 characters, counting characters rather than bytes', () => {
    expect(refusal('short-pw1')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password', message: expect.stringMatching(/at least 10/) });
    expect(refusal('été à żółć')).toBeNull(); // 10 characters, 16 bytes
  });

  it('refuses more than 128 characters', () => {
    expect(refusal('long-words '.repeat(11))).toBeNull();
    expect(refusal('x1y2z3'.repeat(22))).toMatchObject({ field: 'password', message: expect.stringMatching(/at most 128/) });
  });

  it('refuses common passwords whatever their case, and a few characters repeated', () => {
    expect(refusal('Password123')).toMatchObject({ message: expect.stringMatching(/common/) });
    expect(refusal('aaaaaaaaaaaa')).toMatchObject({ message: expect.stringMatching(/repeated/) });
    expect(refusal('abababababab')).toMatchObject({ message: expect.stringMatching(/repeated/) });
  });

  it("refuses the account's own email, name or the app's name inside the password", () => {
    expect(refusal('my-ada.lovelace-2030')).toMatchObject({ message: expect.stringMatching(/email/) });
    expect(refusal('lovelace-forever')).toMatchObject({ message: expect.stringMatching(/name/) });
    expect(refusal('MindFlow rocks 42')).toMatchObject({ message: expect.stringMatching(/app/) });
  });

  it('compares passwords in NFKC form', () => {
    expect(normalizePassword('ｐａｓｓ１')).toBe('pass1');
    expect(normalizePassword('e\u0301')).toBe(normalizePassword('\u00e9'));
  });
});

describe('email', () => {
  it('keys accounts regardless of case and surrounding spaces', () => {
    expect(emailKey('  Ada@Example.COM ')).toBe('ada@example.com');
  });

  it('keeps the address as typed (trimmed) and refuses what is not one', () => {
    expect(checkEmail(' Ada@Example.com ')).toEqual({ email: 'Ada@Example.com' });
    for (const bad of ['', 'ada', 'ada@', '@example.com', 'ada@example', 'a da@example.com', 'ada@@example.com']) {
      expect(checkEmail(bad)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    }
    expect(checkEmail(`${'a'.repeat(250)}@example.com`)).toMatchObject({ field: 'email', message: expect.stringMatching(/254/) });
  });
});

describe('display name', () => {
  it('is optional: absent or blank is none', () => {
    expect(checkName(undefined)).toEqual({ name: null });
    expect(checkName('   ')).toEqual({ name: null });
    expect(checkName('  Ada ')).toEqual({ name: 'Ada' });
  });

  it('is bounded and free of control characters', () => {
    expect(checkName('x'.repeat(101))).toMatchObject({ field: 'name' });
    expect(checkName('Ada\u0000')).toMatchObject({ field: 'name' });
  });
});
