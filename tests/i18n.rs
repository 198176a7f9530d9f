//! The translations: both languages complete, every message used, every list in the order the
//! code reads it, and the string tests changing every string.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

use relu_explorer::depth::ACTIVATIONS;
use relu_explorer::lab::Preset;
use relu_explorer::neuron::Stage;
use relu_explorer::state::Setting;
use relu_explorer::text::{entries, strings, Lang, EN, ZH_CN};
#[cfg(feature = "fuzz")]
use relu_explorer::text::{StringTest, XSS_PREFIX};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

#[test]
fn both_languages_have_every_message() {
    // The build script refuses a mismatch too; this says which message, as a test.
    let catalogs = relu_i18n::load(&root().join("i18n")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(catalogs.len(), Lang::ALL.len());
    for (catalog, lang) in catalogs.iter().zip(Lang::ALL) {
        assert_eq!(catalog.lang, lang.tag());
    }
}

#[test]
fn every_message_is_used_by_the_page_or_the_code() {
    let catalogs = relu_i18n::load(&root().join("i18n")).unwrap();
    let template = fs::read_to_string(root().join("i18n/page.html")).unwrap();
    let in_template = relu_i18n::page::used_ids(&template);
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let code: String = files
        .iter()
        .map(|f| fs::read_to_string(f).unwrap())
        .collect();
    let used_in_code = |id: &str| {
        code.match_indices(&format!(".{id}")).any(|(at, m)| {
            !code[at + m.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
        })
    };
    let unused: Vec<&str> = catalogs[0]
        .messages
        .iter()
        .map(|m| m.id.as_str())
        .filter(|id| !in_template.contains(*id) && !used_in_code(id))
        .collect();
    assert!(unused.is_empty(), "messages nothing uses: {unused:?}");
    // And the template renders: every id it names exists.
    relu_i18n::page::render(&template, &catalogs).unwrap();
}

#[test]
fn lists_are_in_the_order_the_code_reads_them() {
    let keys: Vec<&str> = Setting::ALL.iter().map(|s| s.key()).collect();
    assert_eq!(entries::SETTING_NAMES.to_vec(), keys);
    let presets: Vec<&str> = Preset::ALL.iter().map(|p| p.key()).collect();
    assert_eq!(entries::LAB_PRESETS.to_vec(), presets);
    let stages: Vec<&str> = Stage::ALL.iter().map(|s| s.key()).collect();
    assert_eq!(entries::NEURON_CAPTIONS.to_vec(), stages);
    let activations: Vec<&str> = ACTIVATIONS.iter().map(|(key, _)| *key).collect();
    assert_eq!(entries::DEPTH_LEGEND.to_vec(), activations);
}

#[test]
fn each_language_has_its_own_text() {
    assert_eq!(strings(Lang::En), &EN);
    assert_eq!(strings(Lang::ZhCn), &ZH_CN);
    // A translation, not a copy: the texts with words in them differ.
    assert_ne!(EN.graph_title, ZH_CN.graph_title);
    assert_ne!(EN.lab_status, ZH_CN.lab_status);
    assert!(ZH_CN.graph_title.contains("导数"));
}

/// The string tests are in the test-tools build (feature `fuzz`); `cargo xtask test` runs the
/// native tests with it.
#[cfg(feature = "fuzz")]
#[test]
fn string_tests_change_every_string() {
    let long = StringTest::Long.strings(&EN);
    let xss = StringTest::Xss.strings(&ZH_CN);
    assert_eq!(long.graph_title, format!("{0}{0}", EN.graph_title));
    assert_eq!(
        xss.graph_title,
        format!("{XSS_PREFIX}{}", ZH_CN.graph_title)
    );
    for (i, name) in xss.setting_names.iter().enumerate() {
        assert_eq!(*name, format!("{XSS_PREFIX}{}", ZH_CN.setting_names[i]));
    }
    assert_eq!(
        long.lookup("page_title"),
        Some(&*format!("{0}{0}", EN.page_title))
    );
    assert_eq!(EN.lookup("no_such_id"), None);
}

/// Words the template may hold outside the translations: names that read the same in every
/// language (activation functions, initialisations, the language names on the switch) and
/// symbols.
const NEUTRAL_WORDS: [&str; 14] = [
    "ReLU",
    "Leaky",
    "sigmoid",
    "tanh",
    "He",
    "Xavier",
    "English",
    "简体中文",
    "sin",
    "πx",
    "print",
    "grad",
    "torch",
    "relu",
];

#[test]
fn the_template_holds_no_words_outside_the_translations() {
    let template = fs::read_to_string(root().join("i18n/page.html")).unwrap();
    // Code, formulas and the head's machinery are not prose.
    let mut text = template.clone();
    for (open, close) in [
        ("<pre", "</pre>"),
        ("<code", "</code>"),
        ("<math", "</math>"),
        ("<script", "</script>"),
        ("<head", "</head>"),
        ("{{", "}}"),
        ("<", ">"),
        ("&", ";"),
    ] {
        while let Some(start) = text.find(open) {
            let Some(length) = text[start..].find(close) else {
                break;
            };
            text.replace_range(start..start + length + close.len(), " ");
        }
    }
    let stray: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || "()[]:,.|=·+−-0123456789".contains(c) || c == '/')
        .filter(|word| word.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .filter(|word| !NEUTRAL_WORDS.contains(word))
        .collect();
    assert!(
        stray.is_empty(),
        "words in i18n/page.html that are in no translation (put them in i18n/*.ftl): {stray:?}"
    );
}
