// Why a catalogue file could not be read at all, kept apart from the readers so the importer can name the
// failure without loading SheetJS or mammoth before a file needs them.

/** An .xls/.et whose bytes are no workbook (a renamed text file, an empty file). */
export class NotAWorkbookError extends Error {}

/** A .docx that is damaged, empty, or really a legacy .doc or an encrypted document. */
export class NotAWordDocumentError extends Error {}
