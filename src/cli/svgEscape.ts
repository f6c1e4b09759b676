const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes a string for HTML or SVG text and for a double- or single-quoted attribute value: `&`, `<`, `>`, `"`
 * and `'` become entities, so data such as a customer id `<script>` shows as text and never becomes markup.
 *
 * Formula: each of & < > " ' replaced by its entity; every other character kept.
 * Units: none. Source: the HTML standard's escaping rules for text and attribute values.
 * Edge cases: the empty string stays empty; escaping twice escapes the ampersands again (call it once).
 *
 * @private
 */
export function svgEscape(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character]!);
}
