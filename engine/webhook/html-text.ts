/**
 * Plain text from an activity's HTML Body (Creatio's email editor writes HTML, IsHtmlBody = true).
 * A small stripper of our own (no HTML library is installed, and the engine takes only pure ones):
 * drops script/style/head and comments, turns block ends and <br> into line breaks, removes every
 * other tag and decodes entities. Good enough for an agent's reply; not an HTML sanitizer.
 */
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', copy: '©', reg: '®', trade: '™',
  euro: '€', pound: '£', yen: '¥', cent: '¢', deg: '°', middot: '·', bull: '•', times: '×', shy: '',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

const BLOCK = 'p|div|tr|h[1-6]|blockquote|pre|table|ul|ol|section|article|header|footer';

export function htmlToText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?(-->|$)/g, '')
    .replace(/<(script|style|head|title)\b[^>]*>[\s\S]*?(<\/\1\s*>|$)/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<hr\b[^>]*>/gi, '\n')
    .replace(new RegExp(`</(${BLOCK})\\s*>`, 'gi'), '\n')
    .replace(new RegExp(`<(${BLOCK})\\b[^>]*>`, 'gi'), '\n')
    .replace(/<li\b[^>]*>/gi, '\n')
    .replace(/<\/li\s*>/gi, '')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '');
  return decodeEntities(text)
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
