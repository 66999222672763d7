import { expect } from '@open-wc/testing';
import { formatCount, formatDateRange, formatDateTime, formatDuration, formatHour, formatHourRange, formatLocalDate, formatPercent, formatWeekday } from './format.js';
import { loadMessages, messagesFor } from './messages.js';
import { intlLocale, languageOf } from './lang.js';

describe('formatters', () => {
  it('formats counts per locale', () => {
    expect(formatCount(1234567, 'en')).to.equal('1,234,567');
    expect(formatCount(1234567, 'fr')).to.equal(new Intl.NumberFormat('fr').format(1234567));
    expect(formatCount(0, 'zh')).to.equal('0');
  });

  it('prints the snapshot percent (tenths) with exactly one decimal', () => {
    expect(formatPercent(57.1, 'en')).to.equal('57.1%');
    expect(formatPercent(100, 'en')).to.equal('100.0%');
    expect(formatPercent(0.3, 'en')).to.equal('0.3%');
    expect(formatPercent(33.3, 'fr')).to.equal(new Intl.NumberFormat('fr', { style: 'percent', minimumFractionDigits: 1 }).format(0.333));
  });

  it('formats durations as mm:ss under an hour, hh:mm:ss from an hour, null as -', () => {
    expect(formatDuration(0, 'en')).to.equal('00:00');
    expect(formatDuration(59_499, 'en')).to.equal('00:59');
    expect(formatDuration(61_000, 'en')).to.equal('01:01');
    expect(formatDuration(3_599_000, 'en')).to.equal('59:59');
    expect(formatDuration(3_600_000, 'en')).to.equal('01:00:00');
    expect(formatDuration(90_061_000, 'en')).to.equal('25:01:01');
    expect(formatDuration(-61_000, 'en')).to.equal('-01:01');
    expect(formatDuration(null, 'en')).to.equal('-');
  });

  it('names weekdays with 0 = Monday, hours and local dates without shifting zones', () => {
    expect(formatWeekday(0, 'en')).to.equal('Monday');
    expect(formatWeekday(6, 'en', 'short')).to.equal('Sun');
    expect(formatWeekday(0, 'fr')).to.equal('lundi');
    expect(formatHour(9, 'en')).to.equal('09:00');
    expect(formatHourRange(23, 'en')).to.equal('23:00–00:00');
    expect(formatLocalDate('2024-11-20', 'en')).to.equal('Nov 20, 2024');
    expect(formatDateRange('2024-10-22', '2024-11-20', 'en')).to.equal('Oct 22 – Nov 20, 2024');
    // An instant in the widget's zone.
    expect(formatDateTime(Date.UTC(2024, 10, 20, 23, 30), 'en', 'Europe/Paris')).to.equal('Nov 21, 2024, 12:30 AM');
  });

  it('has every UI string in English, French and Chinese', async () => {
    // French and Chinese load on demand (their own chunks): English stands in until they land.
    await Promise.all([loadMessages('fr'), loadMessages('zh')]);
    const keys = (language: 'en' | 'fr' | 'zh') => Object.keys(messagesFor(language)).sort();
    expect(keys('fr')).to.deep.equal(keys('en'));
    expect(keys('zh')).to.deep.equal(keys('en'));
    expect(messagesFor('fr').empty).to.equal('Aucune donnée pour les filtres choisis');
    expect(languageOf('fr-CA')).to.equal('fr');
    expect(languageOf('zh-Hans-CN')).to.equal('zh');
    expect(languageOf('de')).to.equal('en');
    expect(intlLocale('not a locale!')).to.equal('en');
  });
});
