/**
 * A small strict XML parser for tests (no XML library is a dependency): elements, attributes, text
 * and the five entities plus numeric references. Throws on anything not well-formed: an unclosed or
 * mismatched tag, a raw `<` or `&` in text or an attribute, an unquoted or duplicate attribute.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.-]*/;

export function parseXml(source: string): XmlElement {
  let pos = 0;
  const fail = (what: string): never => {
    throw new Error(`not well-formed XML at offset ${pos}: ${what} (near ${JSON.stringify(source.slice(pos, pos + 30))})`);
  };
  const skipSpace = () => {
    while (/\s/.test(source[pos] ?? '')) pos++;
  };
  const decode = (raw: string): string => {
    if (raw.includes('<')) fail('raw < in text or attribute');
    return raw.replace(/&([^;]*);?/g, (match, body: string) => {
      if (!match.endsWith(';')) fail(`bare & (${match})`);
      const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
      if (body in named) return named[body]!;
      const code = /^#x([0-9a-f]+)$/i.exec(body)?.[1] ?? /^#(\d+)$/.exec(body)?.[1];
      if (code === undefined) fail(`unknown entity &${body};`);
      return String.fromCodePoint(body.startsWith('#x') ? parseInt(code!, 16) : Number(code));
    });
  };
  const element = (): XmlElement => {
    if (source[pos] !== '<') fail('expected <');
    pos++;
    const name = NAME.exec(source.slice(pos))?.[0] ?? fail('expected a tag name');
    pos += name.length;
    const node: XmlElement = { name, attributes: {}, children: [], text: '' };
    for (;;) {
      skipSpace();
      if (source.startsWith('/>', pos)) {
        pos += 2;
        return node;
      }
      if (source[pos] === '>') break;
      const attr = NAME.exec(source.slice(pos))?.[0] ?? fail('expected an attribute name');
      pos += attr.length;
      if (source[pos] !== '=' || (source[pos + 1] !== '"' && source[pos + 1] !== "'")) fail(`attribute ${attr} not quoted`);
      const quote = source[pos + 1]!;
      const end = source.indexOf(quote, pos + 2);
      if (end < 0) fail('unterminated attribute');
      if (attr in node.attributes) fail(`duplicate attribute ${attr}`);
      node.attributes[attr] = decode(source.slice(pos + 2, end));
      pos = end + 1;
    }
    pos++;
    for (;;) {
      const next = source.indexOf('<', pos);
      if (next < 0) fail(`unclosed <${name}>`);
      node.text += decode(source.slice(pos, next));
      pos = next;
      if (source.startsWith('</', pos)) {
        const close = `</${name}>`;
        if (!source.startsWith(close, pos)) fail(`expected ${close}`);
        pos += close.length;
        return node;
      }
      node.children.push(element());
    }
  };
  if (source.startsWith('<?xml')) pos = source.indexOf('?>') + 2;
  skipSpace();
  const root = element();
  skipSpace();
  if (pos !== source.length) fail('content after the root element');
  return root;
}

/** Every element named `name` under `root` (depth first). */
export function findAll(root: XmlElement, name: string): XmlElement[] {
  return [...(root.name === name ? [root] : []), ...root.children.flatMap((child) => findAll(child, name))];
}
