//! Short import names. wasm-bindgen names every JS function the module imports after the
//! function and a 16-digit hash (`__wbg_getContext_9d32151c28a36ed6`), from a module named
//! after the glue (`./relu_explorer_bg.js`), and writes each name twice: in the module's import
//! section and as a key of the glue's import object. Nothing else reads them (the page, the
//! bench and course authors use the glue's exports), so the build renames both ends to a few
//! letters: hex hashes hardly compress, and this takes about 2.8 KB off the module's gzip size
//! and 1.8 KB off the glue's.

/// The module with every import renamed (its module to `a`, its names to `a`, `b`, ... `Z`,
/// `aa`, ...), and the glue with the same renaming. An error, and no output, when the module
/// is not one this can read or the glue does not name each import exactly once: a new
/// wasm-bindgen that writes its glue differently must stop the build, not break the page.
pub fn shorten(wasm: &[u8], glue: &str) -> Result<(Vec<u8>, String), String> {
    const HEADER: &[u8] = b"\0asm\x01\0\0\0";
    if !wasm.starts_with(HEADER) {
        return Err("not a WebAssembly 1 module".to_string());
    }
    let mut out = HEADER.to_vec();
    let mut glue = glue.to_string();
    let mut reader = Reader {
        bytes: wasm,
        at: HEADER.len(),
    };
    while reader.at < wasm.len() {
        let id = reader.byte()?;
        let len = reader.leb()? as usize;
        let body = reader.take(len)?;
        let body = if id == IMPORT_SECTION {
            rename_imports(body, &mut glue)?
        } else {
            body.to_vec()
        };
        out.push(id);
        push_leb(&mut out, body.len() as u64);
        out.extend(body);
    }
    Ok((out, glue))
}

/// The id of the import section.
const IMPORT_SECTION: u8 = 2;

/// The import section `body` with short names, and the same names put in `glue`.
fn rename_imports(body: &[u8], glue: &mut String) -> Result<Vec<u8>, String> {
    let mut reader = Reader { bytes: body, at: 0 };
    let count = reader.leb()?;
    let mut out = Vec::new();
    push_leb(&mut out, count);
    let mut modules: Vec<String> = Vec::new();
    for index in 0..count as usize {
        let module = reader.name()?;
        let name = reader.name()?;
        let start = reader.at;
        reader.skip_description()?;
        let description = &body[start..reader.at];

        let module_index = match modules.iter().position(|m| *m == module) {
            Some(i) => i,
            None => {
                // The glue's object of imports keys each module by its quoted name.
                let short = short_name(modules.len());
                replace_once(glue, &format!("{module:?}:"), &format!("{short:?}:"))?;
                modules.push(module);
                modules.len() - 1
            }
        };
        let short = short_name(index);
        replace_once(glue, &name, &short)?;
        push_name(&mut out, &short_name(module_index));
        push_name(&mut out, &short);
        out.extend_from_slice(description);
    }
    if reader.at != body.len() {
        return Err("the import section has bytes after its last import".to_string());
    }
    Ok(out)
}

/// The `index`th name of `a`, ..., `z`, `A`, ..., `Z`, `aa`, `ab`, ...: letters only, so that
/// each is a plain JS identifier and matches no hashed name.
fn short_name(mut index: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut name = Vec::new();
    loop {
        name.push(LETTERS[index % LETTERS.len()]);
        index /= LETTERS.len();
        if index == 0 {
            break;
        }
        index -= 1;
    }
    name.reverse();
    String::from_utf8(name).expect("letters are UTF-8")
}

/// Replaces the one occurrence of `old` in `text` that stands as a whole word (no letter,
/// digit, `_` or `$` either side); an error unless there is exactly one.
fn replace_once(text: &mut String, old: &str, new: &str) -> Result<(), String> {
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let found: Vec<usize> = text
        .match_indices(old)
        .map(|(at, _)| at)
        .filter(|&at| {
            !text[..at].chars().next_back().is_some_and(is_word)
                && !text[at + old.len()..].chars().next().is_some_and(is_word)
        })
        .collect();
    match found[..] {
        [at] => {
            text.replace_range(at..at + old.len(), new);
            Ok(())
        }
        _ => Err(format!(
            "the glue names the import {old} {} times, not once",
            found.len()
        )),
    }
}

/// Appends `value` as an unsigned LEB128 number.
fn push_leb(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Appends a wasm name: its length in bytes, then its UTF-8.
fn push_name(out: &mut Vec<u8>, name: &str) {
    push_leb(out, name.len() as u64);
    out.extend_from_slice(name.as_bytes());
}

/// Reads a module's bytes from the front.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8, String> {
        let byte = *self
            .bytes
            .get(self.at)
            .ok_or("the module ends in the middle of a section")?;
        self.at += 1;
        Ok(byte)
    }

    fn take(&mut self, len: usize) -> Result<&'a [u8], String> {
        let end = self
            .at
            .checked_add(len)
            .filter(|&end| end <= self.bytes.len())
            .ok_or("the module ends in the middle of a section")?;
        let taken = &self.bytes[self.at..end];
        self.at = end;
        Ok(taken)
    }

    /// An unsigned LEB128 number.
    fn leb(&mut self) -> Result<u64, String> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err("a number in the module is too long".to_string())
    }

    fn name(&mut self) -> Result<String, String> {
        let len = self.leb()? as usize;
        String::from_utf8(self.take(len)?.to_vec())
            .map_err(|_| "an import name is not UTF-8".to_string())
    }

    /// Skips what an import is: a function, table, memory, global or tag.
    fn skip_description(&mut self) -> Result<(), String> {
        match self.byte()? {
            // A function: its type.
            0x00 => self.leb().map(drop),
            // A table: its element type, then its limits.
            0x01 => {
                self.byte()?;
                self.skip_limits()
            }
            0x02 => self.skip_limits(),
            // A global: its value type and mutability.
            0x03 => self.take(2).map(drop),
            // A tag: its attribute and type.
            0x04 => {
                self.byte()?;
                self.leb().map(drop)
            }
            kind => Err(format!("an import of unknown kind {kind:#x}")),
        }
    }

    /// Limits: flags, the minimum, and the maximum when flag 1 says there is one.
    fn skip_limits(&mut self) -> Result<(), String> {
        let flags = self.byte()?;
        self.leb()?;
        if flags & 1 == 1 {
            self.leb()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing two functions of type 0 from `./m.js` and a memory from `env`.
    fn module() -> Vec<u8> {
        let mut imports = vec![3];
        for (module, name, description) in [
            ("./m.js", "__wbg_f_0123456789abcdef", &[0x00, 0x00][..]),
            ("./m.js", "__wbg_g_fedcba9876543210", &[0x00, 0x00][..]),
            ("env", "memory", &[0x02, 0x01, 0x01, 0x02][..]),
        ] {
            push_name(&mut imports, module);
            push_name(&mut imports, name);
            imports.extend_from_slice(description);
        }
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        // A type section with one `() -> ()`, then the imports, then an empty custom section.
        wasm.extend([1, 4, 1, 0x60, 0, 0, IMPORT_SECTION]);
        push_leb(&mut wasm, imports.len() as u64);
        wasm.extend(imports);
        wasm.extend([0, 2, 1, b'x']);
        wasm
    }

    const GLUE: &str = "const i = { __wbg_f_0123456789abcdef: function() {}, \
        __wbg_g_fedcba9876543210: () => 1 }; const e = { memory: m }; \
        return { \"./m.js\": i, \"env\": e };";

    #[test]
    fn short_names_are_distinct_letters() {
        let names: Vec<String> = (0..52 * 53 + 1).map(short_name).collect();
        assert_eq!(names[..3], ["a", "b", "c"]);
        assert_eq!(names[51..54], ["Z", "aa", "ab"]);
        assert_eq!(names[52 * 53], "aaa");
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), names.len());
        assert!(names
            .iter()
            .all(|n| n.bytes().all(|b| b.is_ascii_alphabetic())));
    }

    #[test]
    fn renames_both_ends_alike_and_keeps_the_rest() {
        let (wasm, glue) = shorten(&module(), GLUE).unwrap();
        assert_eq!(
            glue,
            "const i = { a: function() {}, b: () => 1 }; const e = { c: m }; \
             return { \"a\": i, \"b\": e };"
        );
        let mut expected = b"\0asm\x01\0\0\0".to_vec();
        expected.extend([1, 4, 1, 0x60, 0, 0, IMPORT_SECTION, 21, 3]);
        expected.extend([1, b'a', 1, b'a', 0, 0]);
        expected.extend([1, b'a', 1, b'b', 0, 0]);
        expected.extend([1, b'b', 1, b'c', 2, 1, 1, 2]);
        expected.extend([0, 2, 1, b'x']);
        assert_eq!(wasm, expected);
    }

    #[test]
    fn refuses_glue_that_does_not_name_an_import_exactly_once() {
        let missing = GLUE.replace("__wbg_g_fedcba9876543210", "other");
        assert!(shorten(&module(), &missing)
            .unwrap_err()
            .contains("__wbg_g_fedcba9876543210 0 times"));
        let twice = format!("{GLUE} __wbg_f_0123456789abcdef();");
        assert!(shorten(&module(), &twice).unwrap_err().contains("2 times"));
        // A longer name that starts with an import's name is another name.
        let longer = format!("{GLUE} __wbg_f_0123456789abcdef0();");
        assert!(shorten(&module(), &longer).is_ok());
    }

    #[test]
    fn refuses_what_is_not_a_module() {
        assert!(shorten(b"not wasm", GLUE).is_err());
        let mut truncated = module();
        truncated.truncate(truncated.len() - 3);
        assert!(shorten(&truncated, GLUE).is_err());
    }
}
