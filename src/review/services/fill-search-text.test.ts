import { describe, expect, it } from 'vitest';
import { searchText } from './fill-search-text.js';

describe('searchText', () => {
  it('is the sender, the accounts and meters of the decision and the subject, lower-case', () => {
    expect(searchText({
      fromAddress: 'Ivanova.TN@mail.ru', subject: 'Показания ЕМ',
      decision: { readings: [{ account: '2701004512', meter: 'ЕМ-123456' }, { account: '2701004512', meter: '011234567' }] },
    })).toBe('ivanova.tn@mail.ru 2701004512 ем-123456 011234567 показания ем');
    expect(searchText({ fromAddress: null, subject: null, decision: null })).toBe('');
  });
});
