// Reads the JDK references out of a Java class file's constant pool (JVM spec, chapter 4.4):
// the classes it names and the methods and fields it calls or reads, as
// `java/util/List` or `java/util/List.add:(Ljava/lang/Object;)Z`.

const UTF8 = 1;
const CLASS = 7;
const FIELD_REF = 9;
const METHOD_REF = 10;
const INTERFACE_METHOD_REF = 11;
const NAME_AND_TYPE = 12;
/** Size in bytes after the tag, for the entries this reader skips. */
const FIXED_SIZES = { 3: 4, 4: 4, 5: 8, 6: 8, 8: 2, 15: 3, 16: 2, 17: 4, 18: 4, 19: 2, 20: 2 };

function readPool(bytes) {
    if (bytes.readUInt32BE(0) !== 0xcafebabe) throw new Error('not a class file');
    const count = bytes.readUInt16BE(8);
    const pool = new Array(count);
    let offset = 10;
    for (let index = 1; index < count; index++) {
        const tag = bytes[offset];
        if (tag === UTF8) {
            const length = bytes.readUInt16BE(offset + 1);
            pool[index] = { tag, text: bytes.toString('utf8', offset + 3, offset + 3 + length) };
            offset += 3 + length;
        } else if (tag === CLASS) {
            pool[index] = { tag, name: bytes.readUInt16BE(offset + 1) };
            offset += 3;
        } else if (
            tag === FIELD_REF ||
            tag === METHOD_REF ||
            tag === INTERFACE_METHOD_REF ||
            tag === NAME_AND_TYPE
        ) {
            pool[index] = {
                tag,
                first: bytes.readUInt16BE(offset + 1),
                second: bytes.readUInt16BE(offset + 3)
            };
            offset += 5;
        } else if (FIXED_SIZES[tag] !== undefined) {
            pool[index] = { tag };
            offset += 1 + FIXED_SIZES[tag];
            // Long and double entries take two slots.
            if (tag === 5 || tag === 6) index++;
        } else {
            throw new Error(`unknown constant pool tag ${tag}`);
        }
    }
    return pool;
}

/** The JDK (java/…, javax/…, jdk/…, sun/…) classes and members a class file references. */
export function jdkReferences(bytes) {
    const pool = readPool(bytes);
    const text = (index) => pool[index].text;
    const className = (index) => text(pool[index].name);
    const isJdk = (name) => /^(java|javax|jdk|sun)\//.test(name.replace(/^\[*L/, ''));
    const references = new Set();
    for (const entry of pool) {
        if (!entry) continue;
        if (entry.tag === CLASS) {
            const name = text(entry.name).replace(/^\[*L/, '').replace(/;$/, '');
            if (isJdk(name)) references.add(name);
        } else if (
            entry.tag === FIELD_REF ||
            entry.tag === METHOD_REF ||
            entry.tag === INTERFACE_METHOD_REF
        ) {
            const owner = className(entry.first);
            if (!isJdk(owner)) continue;
            const nameAndType = pool[entry.second];
            references.add(`${owner}.${text(nameAndType.first)}:${text(nameAndType.second)}`);
        }
    }
    return references;
}
