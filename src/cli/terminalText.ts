// C0 controls, DEL, C1 controls (0x9B is a CSI on terminals that read 8-bit codes) and the bidirectional marks,
// overrides and isolates that reorder what a terminal shows ("Trojan Source", CVE-2021-42574). The line feed is
// kept by escapeControls (the CLI's own lines) and escaped in a data value by escapeValue.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is escaped.
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is escaped.
const CONTROLS_AND_LINE_FEED = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// In JSON, C0 controls are escaped by JSON.stringify already; what it leaves raw is escaped as \uXXXX, which JSON
// reads back as the same character.
const JSON_RAW = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text for a terminal: every control character (an escape sequence that clears the screen, moves the cursor or
 * sets the window title, a bell, a bidirectional override) shown as `\x1b` / `\u202e` instead of acting, line
 * feeds kept, every other character (ü, 日本, emoji) as it is.
 *
 * @private
 */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, escapeOne);
}

/** One data value (a cell, a segment name, a file name) for one line of text: line feeds escaped too. @private */
export function escapeValue(text: string): string {
  return text.replace(CONTROLS_AND_LINE_FEED, escapeOne);
}

/** JSON text with the characters JSON.stringify leaves raw (DEL, C1, bidirectional controls) as `\uXXXX`. @private */
export function escapeJson(json: string): string {
  return json.replace(JSON_RAW, (character) => `\\u${hex(character, 4)}`);
}

function escapeOne(character: string): string {
  const code = character.charCodeAt(0);
  return code <= 0xff ? `\\x${hex(character, 2)}` : `\\u${hex(character, 4)}`;
}

function hex(character: string, digits: number): string {
  return character.charCodeAt(0).toString(16).padStart(digits, '0');
}
