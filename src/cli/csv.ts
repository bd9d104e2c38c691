/**
 * A small RFC 4180 reader: quoted fields (with commas, doubled quotes and line breaks), CRLF or LF,
 * and the line each record starts on, so that a bad id is reported with its line.
 */

export interface CsvRecord {
    /** 1-based line of the file the record starts on. */
    readonly line: number;
    readonly fields: string[];
}

/** The delimiter of a header line: comma, semicolon or tab (outside quotes), or null for none. */
export function delimiterOf(headerLine: string): string | null {
    let quoted = false;
    for (const char of headerLine) {
        if (char === '"') {
            quoted = !quoted;
        } else if (!quoted && (char === ',' || char === ';' || char === '\t')) {
            return char;
        }
    }
    return null;
}

/** Reads every record of a delimited text. Blank lines give no record. */
export function parseCsv(text: string, delimiter = ','): CsvRecord[] {
    const records: CsvRecord[] = [];
    let fields: string[] = [];
    let field = '';
    let quoted = false;
    let line = 1;
    let recordLine = 1;
    let recordHasContent = false;

    const endRecord = (): void => {
        fields.push(field);
        if (recordHasContent || fields.length > 1 || field.trim() !== '') {
            records.push({ line: recordLine, fields });
        }
        fields = [];
        field = '';
        recordHasContent = false;
    };

    for (let index = 0; index < text.length; index++) {
        const char = text.charAt(index);
        if (quoted) {
            if (char === '"') {
                if (text.charAt(index + 1) === '"') {
                    field += '"';
                    index++;
                } else {
                    quoted = false;
                }
            } else {
                if (char === '\n') {
                    line++;
                }
                field += char;
            }
            continue;
        }
        if (char === '"') {
            quoted = true;
            recordHasContent = true;
        } else if (char === delimiter) {
            fields.push(field);
            field = '';
            recordHasContent = true;
        } else if (char === '\n' || char === '\r') {
            if (char === '\r' && text.charAt(index + 1) === '\n') {
                index++;
            }
            endRecord();
            line++;
            recordLine = line;
        } else {
            field += char;
        }
    }
    if (field !== '' || fields.length > 0 || recordHasContent) {
        endRecord();
    }
    return records;
}
