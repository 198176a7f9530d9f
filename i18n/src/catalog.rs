//! One language's messages, read from its Fluent file, and the checks that hold the languages
//! together.

use std::collections::BTreeSet;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use fluent_syntax::parser;

use crate::markup;

/// One message: an id, its text, its list entries (Fluent attributes), and the translator's
/// comment above it.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    /// The message's id: hyphenated for page text, snake_case for program text.
    pub id: String,
    /// Its text, with placeholders written `{name}`; `None` for a list.
    pub value: Option<String>,
    /// A list's entries in file order, as `(name, text)`.
    pub entries: Vec<(String, String)>,
    /// The comment directly above it, if any, lines joined with spaces.
    pub comment: Option<String>,
}

impl Message {
    /// Whether it is page text (placed by the template, may carry markup) rather than program
    /// text (written by the Rust code, plain).
    pub fn is_page_text(&self) -> bool {
        is_page_id(&self.id)
    }
}

/// Whether `id` names page text: page ids have a hyphen, program ids are snake_case.
pub fn is_page_id(id: &str) -> bool {
    id.contains('-')
}

/// A language's messages in file order.
#[derive(Clone, Debug, PartialEq)]
pub struct Catalog {
    /// The language's BCP 47 tag (`en`, `zh-CN`).
    pub lang: String,
    /// Its messages, in file order.
    pub messages: Vec<Message>,
}

impl Catalog {
    /// Reads a Fluent file. Refuses syntax errors, terms, selectors and message references
    /// (the page needs none of them, and each would need a Fluent runtime in the module),
    /// repeated ids, and page text with markup outside the allowlist.
    pub fn parse(lang: &str, source: &str) -> Result<Catalog, String> {
        let resource = parser::parse(source).map_err(|(_, errors)| {
            let first = errors.first().map_or(String::new(), |e| {
                let line = source[..e.pos.start.min(source.len())].lines().count();
                format!(" near line {line}: {:?}", e.kind)
            });
            format!("{lang}.ftl: {} Fluent syntax error(s){first}", errors.len())
        })?;
        let mut messages: Vec<Message> = Vec::new();
        for entry in resource.body {
            let message = match entry {
                Entry::Message(message) => message,
                Entry::Comment(_) | Entry::GroupComment(_) | Entry::ResourceComment(_) => continue,
                Entry::Term(term) => {
                    return Err(format!(
                        "{lang}.ftl: terms are not used (-{})",
                        term.id.name
                    ))
                }
                Entry::Junk { content } => {
                    return Err(format!("{lang}.ftl: cannot read {content:?}"))
                }
            };
            let id = message.id.name.to_string();
            let at = |what: &str| format!("{lang}.ftl: {id}{what}");
            if messages.iter().any(|m| m.id == id) {
                return Err(at(" is defined twice"));
            }
            let value = message
                .value
                .as_ref()
                .map(|p| text(p).map_err(|e| at(&format!(": {e}"))))
                .transpose()?;
            let mut entries = Vec::new();
            for attribute in &message.attributes {
                let name = attribute.id.name.to_string();
                let value = text(&attribute.value).map_err(|e| at(&format!(".{name}: {e}")))?;
                entries.push((name, value));
            }
            let comment = message.comment.as_ref().map(|c| c.content.join(" "));
            let message = Message {
                id: id.clone(),
                value,
                entries,
                comment,
            };
            if message.is_page_text() {
                let Some(value) = &message.value else {
                    return Err(at(": page text needs a value"));
                };
                if !message.entries.is_empty() {
                    return Err(at(": page text has no list entries"));
                }
                markup::check(value).map_err(|e| at(&format!(": {e}")))?;
            } else if message.value.is_some() != message.entries.is_empty() {
                return Err(at(": program text is either a text or a list of entries"));
            }
            messages.push(message);
        }
        Ok(Catalog {
            lang: lang.to_string(),
            messages,
        })
    }

    /// The message with `id`.
    pub fn get(&self, id: &str) -> Option<&Message> {
        self.messages.iter().find(|m| m.id == id)
    }
}

/// Checks that every catalog has exactly the first one's messages: the same ids, the same list
/// entries in the same order, and the same placeholders in each text; and that the first (the
/// default language, which documents the Rust fields) has a comment on each program text.
pub fn check_all(catalogs: &[Catalog]) -> Result<(), String> {
    let Some((first, others)) = catalogs.split_first() else {
        return Ok(());
    };
    let mut problems: Vec<String> = first
        .messages
        .iter()
        .filter(|m| !m.is_page_text() && m.comment.is_none())
        .map(|m| {
            format!(
                "{}.ftl: {} needs a comment saying where it is shown",
                first.lang, m.id
            )
        })
        .collect();
    for other in others {
        for message in &first.messages {
            let Some(translated) = other.get(&message.id) else {
                problems.push(format!("{}.ftl is missing {}", other.lang, message.id));
                continue;
            };
            let names = |m: &Message| m.entries.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
            if names(message) != names(translated)
                || message.value.is_some() != translated.value.is_some()
            {
                problems.push(format!(
                    "{}.ftl: {} must have the same shape as in {}.ftl (value, and entries {:?} in that order)",
                    other.lang,
                    message.id,
                    first.lang,
                    names(message)
                ));
                continue;
            }
            let texts = |m: &Message| {
                m.value
                    .iter()
                    .cloned()
                    .chain(m.entries.iter().map(|(_, t)| t.clone()))
                    .collect::<Vec<_>>()
            };
            for (a, b) in texts(message).iter().zip(texts(translated).iter()) {
                if !message.is_page_text() && placeholders(a) != placeholders(b) {
                    problems.push(format!(
                        "{}.ftl: {} uses placeholders {:?}; {}.ftl uses {:?}",
                        other.lang,
                        message.id,
                        placeholders(b),
                        first.lang,
                        placeholders(a)
                    ));
                }
            }
        }
        for message in &other.messages {
            if first.get(&message.id).is_none() {
                problems.push(format!(
                    "{}.ftl has {}, which {}.ftl does not",
                    other.lang, message.id, first.lang
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// The `{name}` placeholders of a text.
pub fn placeholders(text: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut rest = text;
    while let Some((_, after)) = rest.split_once('{') {
        match after.split_once('}') {
            Some((name, tail))
                if !name.is_empty()
                    && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') =>
            {
                names.insert(name.to_string());
                rest = tail;
            }
            _ => rest = after,
        }
    }
    names
}

/// A pattern as text: variables become `{name}`, string literals their text, and each line
/// break a space, or nothing where it falls between two Chinese characters (Chinese has no
/// spaces between words).
fn text(pattern: &Pattern<&str>) -> Result<String, String> {
    let mut out = String::new();
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => out.push_str(value),
            PatternElement::Placeable { expression } => match expression {
                Expression::Inline(InlineExpression::VariableReference { id }) => {
                    out.push('{');
                    out.push_str(id.name);
                    out.push('}');
                }
                Expression::Inline(InlineExpression::StringLiteral { value }) => {
                    out.push_str(&fluent_syntax::unicode::unescape_unicode_to_string(value))
                }
                _ => return Err("only { $variable } and { \"text\" } placeables are used".into()),
            },
        }
    }
    Ok(join_lines(&out))
}

/// Joins a multi-line text into one line (see [`text`]).
fn join_lines(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        if c != '\n' {
            out.push(c);
            continue;
        }
        let before = out.chars().last();
        let after = chars.get(i + 1).copied();
        if !(before.is_some_and(is_cjk) && after.is_some_and(is_cjk)) {
            out.push(' ');
        }
    }
    out
}

/// Whether `c` is a Chinese character or Chinese/full-width punctuation.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FFF}'
        | '\u{3000}'..='\u{303F}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FFEF}'
        | '\u{201C}' | '\u{201D}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_text_placeholders_lists_and_comments() {
        let catalog = Catalog::parse(
            "en",
            "# Shown under the graph.\ngraph_alt = At x = { $x }, f is { $fx }.\n\
             # One per setting.\nnames =\n    .xmin = x min\n    .xmax = x max\n\
             intro-text = A <em>rule</em>\n    on two lines.\n",
        )
        .unwrap();
        let alt = catalog.get("graph_alt").unwrap();
        assert_eq!(alt.value.as_deref(), Some("At x = {x}, f is {fx}."));
        assert_eq!(alt.comment.as_deref(), Some("Shown under the graph."));
        let names = catalog.get("names").unwrap();
        assert_eq!(names.value, None);
        assert_eq!(
            names.entries,
            vec![
                ("xmin".into(), "x min".into()),
                ("xmax".into(), "x max".into())
            ]
        );
        assert_eq!(
            catalog.get("intro-text").unwrap().value.as_deref(),
            Some("A <em>rule</em> on two lines.")
        );
    }

    #[test]
    fn joins_chinese_lines_without_a_space() {
        let catalog = Catalog::parse(
            "zh-CN",
            "intro-text = 它把正输入\n    原样输出，\n    把 x 变成 0。\n",
        )
        .unwrap();
        assert_eq!(
            catalog.get("intro-text").unwrap().value.as_deref(),
            Some("它把正输入原样输出，把 x 变成 0。")
        );
    }

    #[test]
    fn refuses_what_the_page_cannot_use() {
        for (source, why) in [
            ("-term = x\n", "a term"),
            (
                "page-text = <script>x</script>\n",
                "markup outside the allowlist",
            ),
            ("page-text = <em>open\n", "unclosed markup"),
            ("# c\na_b = { other }\n", "a message reference"),
            ("# c\na_b = x\n# c\na_b = y\n", "a repeated id"),
            ("a b c\n", "a syntax error"),
        ] {
            assert!(Catalog::parse("en", source).is_err(), "{why} was accepted");
        }
    }

    #[test]
    fn needs_a_comment_on_default_program_text() {
        let en = Catalog::parse("en", "a_b = x\n").unwrap();
        let zh = Catalog::parse("zh-CN", "a_b = 甲\n").unwrap();
        assert!(check_all(&[en, zh])
            .unwrap_err()
            .contains("needs a comment"));
    }

    #[test]
    fn finds_missing_extra_and_mismatched_messages() {
        let en = Catalog::parse("en", "# c\nhello = Hi { $name }\n# c\nbye = Bye\n").unwrap();
        let missing = Catalog::parse("zh-CN", "# c\nhello = 你好 { $name }\n").unwrap();
        assert!(check_all(&[en.clone(), missing])
            .unwrap_err()
            .contains("missing bye"));
        let extra = Catalog::parse(
            "zh-CN",
            "# c\nhello = 你好{ $name }\n# c\nbye = 再见\n# c\nmore = 多\n",
        )
        .unwrap();
        assert!(check_all(&[en.clone(), extra])
            .unwrap_err()
            .contains("more"));
        let renamed =
            Catalog::parse("zh-CN", "# c\nhello = 你好 { $nom }\n# c\nbye = 再见\n").unwrap();
        assert!(check_all(&[en.clone(), renamed])
            .unwrap_err()
            .contains("placeholders"));
        let good =
            Catalog::parse("zh-CN", "# c\nhello = { $name }，你好\n# c\nbye = 再见\n").unwrap();
        assert_eq!(check_all(&[en, good]), Ok(()));
    }
}
