/**
 * Test support only (not re-exported): parse an export back with fast-xml-parser and check an
 * element's children against an XSD sequence.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** A parsed XML element: qualified name, attributes, element children and text. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly text: string;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true,
});

type RawNode = Record<string, unknown> & { ':@'?: Record<string, string> };

function convert(node: RawNode): XmlElement {
  const name = Object.keys(node).find((k) => k !== ':@') as string;
  const raw = (node[name] as RawNode[]) ?? [];
  const children = raw.filter((c) => !('#text' in c)).map(convert);
  const text = raw.filter((c) => '#text' in c).map((c) => String(c['#text'])).join('');
  return { name, attributes: node[':@'] ?? {}, children, text };
}

/** The document's root element; throws when the text is not well-formed XML. */
export function parseXml(xml: string): XmlElement {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}`);
  const nodes = parser.parse(xml) as RawNode[];
  const roots = nodes.filter((n) => !('?xml' in n) && !('#text' in n));
  if (roots.length !== 1) throw new Error(`expected one root element, found ${roots.length}`);
  return convert(roots[0]);
}

/** Children named `name`. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

/** The one child named `name`; throws when there is none or more than one. */
export function childNamed(element: XmlElement, name: string): XmlElement {
  const found = childrenNamed(element, name);
  if (found.length !== 1) throw new Error(`<${element.name}> has ${found.length} <${name}> children, expected 1`);
  return found[0];
}

/** [element name, minOccurs, maxOccurs] of an XSD sequence. */
export type SequenceItem = readonly [string, number, number];

/** Problems (empty when none) with `element`'s children against an XSD sequence. */
export function sequenceProblems(element: XmlElement, sequence: readonly SequenceItem[]): string[] {
  const problems: string[] = [];
  const names = element.children.map((c) => c.name);
  let at = 0;
  for (const [name, min, max] of sequence) {
    let count = 0;
    while (at < names.length && names[at] === name) { at++; count++; }
    if (count < min) problems.push(`<${element.name}>: <${name}> occurs ${count} times, at least ${min} required`);
    if (count > max) problems.push(`<${element.name}>: <${name}> occurs ${count} times, at most ${max} allowed`);
  }
  if (at < names.length) problems.push(`<${element.name}>: unexpected <${names[at]}> at child ${at}`);
  return problems;
}
