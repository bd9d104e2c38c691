// Parses every Apex class with the Apex grammar and fails on any syntax error.
// The parser's own check() reports success even with errors, so errors are
// counted with a listener of our own.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';
import { apexFiles } from './apex-files.mjs';
import { isMain, projectRoot } from './project.mjs';

class CollectingErrorListener extends ApexErrorListener {
    constructor(file) {
        super();
        this.file = file;
        this.errors = [];
    }
    apexSyntaxError(line, column, message) {
        this.errors.push(`${this.file}:${line}:${column} ${message.slice(0, 200)}`);
    }
}

/** Returns every lexer and parser error of one Apex source. */
export function parseApex(source, file = '<source>') {
    const listener = new CollectingErrorListener(file);
    const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
    if (file.endsWith('.trigger')) parser.triggerUnit();
    else parser.compilationUnit();
    return listener.errors;
}

if (isMain(import.meta.url)) {
    const files = apexFiles();
    const errors = files.flatMap((file) =>
        parseApex(readFileSync(file, 'utf8'), relative(projectRoot, file))
    );
    if (files.length === 0) {
        console.error('No Apex files found.');
        process.exit(1);
    }
    if (errors.length > 0) {
        console.error(errors.join('\n'));
        console.error(`Apex syntax: ${errors.length} error(s) in ${files.length} file(s).`);
        process.exit(1);
    }
    console.log(`Apex syntax: ${files.length} file(s) parse cleanly.`);
}
