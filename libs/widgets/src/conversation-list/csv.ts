// CSV text (RFC 4180, CRLF lines) safe to open in a spreadsheet: a cell that a spreadsheet would
// read as a formula (=, +, -, @, or a leading tab or carriage return, OWASP "CSV injection") gets
// a leading apostrophe, so it shows as text and never runs.

const formulaStart = /^[=+\-@\t\r]/;
const needsQuotes = /[",;\r\n]|^\s|\s$/;

/** The cell's text, with a leading `'` when a spreadsheet would take it for a formula. */
export function neutralise(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/** One CSV field: neutralised, then quoted (quotes doubled) when it holds a quote, separator or line break. */
export function csvField(text: string): string {
  const safe = neutralise(text);
  return needsQuotes.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One CSV record, line break included. */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** A byte-order mark first, so spreadsheets read the file as UTF-8. */
export const csvBom = '\uFEFF';

/** Lets the browser save `blob` as `filename`. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the download has started.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
