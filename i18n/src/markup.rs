//! The inline markup page text may carry, and escaping for everything else.
//!
//! Page text is written by the project's translators and rendered into the page at build time;
//! nothing a reader or a link supplies ever goes through here (that is set with `textContent`
//! at run time). Still, a translation is checked: only the elements and attributes prose needs
//! (emphasis, code, links within the page, MathML), balanced, with the entities HTML needs, so
//! that a slip in a translation cannot break the page or smuggle in a script.

/// The elements page text may use.
const ELEMENTS: [&str; 27] = [
    "em", "strong", "code", "kbd", "sub", "sup", "a", "abbr", "span", "math", "mrow", "mi", "mn",
    "mo", "mtext", "mfrac", "msup", "msub", "msubsup", "munder", "mover", "mspace", "mtable",
    "mtr", "mtd", "msqrt", "mstyle",
];

/// The attributes they may carry (`href` only to a place on the page).
const ATTRIBUTES: [&str; 8] = [
    "display",
    "stretchy",
    "columnalign",
    "width",
    "href",
    "mathvariant",
    "title",
    "lang",
];

/// The named entities page text may use.
const ENTITIES: [&str; 5] = ["lt", "gt", "amp", "quot", "nbsp"];

/// Checks that `text` uses only allowed, balanced markup and known entities.
pub fn check(text: &str) -> Result<(), String> {
    let mut open: Vec<&str> = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(['<', '&']) {
        let after = &rest[i..];
        if let Some(entity) = after.strip_prefix('&') {
            let (name, tail) = entity
                .split_once(';')
                .filter(|(name, _)| !name.contains(char::is_whitespace))
                .ok_or_else(|| format!("a bare & (write &amp;) in {:?}", excerpt(after)))?;
            let numeric = name
                .strip_prefix("#x")
                .map(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_hexdigit()))
                .or_else(|| {
                    name.strip_prefix('#')
                        .map(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
                })
                .unwrap_or(false);
            if !numeric && !ENTITIES.contains(&name) {
                return Err(format!("unknown entity &{name};"));
            }
            rest = tail;
            continue;
        }
        let tag_end = after
            .find('>')
            .ok_or_else(|| format!("a bare < (write &lt;) in {:?}", excerpt(after)))?;
        let tag = &after[1..tag_end];
        rest = &after[tag_end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            match open.pop() {
                Some(top) if top == name => continue,
                top => return Err(format!("</{name}> closes {top:?}")),
            }
        }
        let mut parts = tag.splitn(2, char::is_whitespace);
        let name = parts.next().unwrap_or_default();
        if !ELEMENTS.contains(&name) {
            return Err(format!("<{name}> is not allowed in page text"));
        }
        check_attributes(name, parts.next().unwrap_or_default())?;
        open.push(name);
    }
    match open.last() {
        Some(name) => Err(format!("<{name}> is never closed")),
        None => Ok(()),
    }
}

/// Checks a tag's attributes: `name="value"` pairs from the allowlist.
fn check_attributes(element: &str, mut attributes: &str) -> Result<(), String> {
    loop {
        attributes = attributes.trim_start();
        if attributes.is_empty() {
            return Ok(());
        }
        let (name, after) = attributes
            .split_once("=\"")
            .ok_or_else(|| format!("<{element}>: write attributes as name=\"value\""))?;
        let (value, tail) = after
            .split_once('"')
            .ok_or_else(|| format!("<{element} {name}>: unclosed quote"))?;
        if !ATTRIBUTES.contains(&name) {
            return Err(format!("<{element}>: the attribute {name} is not allowed"));
        }
        if name == "href" && !value.starts_with('#') {
            return Err(format!(
                "<a href=\"{value}\">: links stay on the page (#id)"
            ));
        }
        if value.contains(['<', '>']) {
            return Err(format!("<{element} {name}>: < or > inside a value"));
        }
        attributes = tail;
    }
}

/// The start of `text`, for an error message.
fn excerpt(text: &str) -> String {
    text.chars().take(30).collect()
}

/// `text` escaped for HTML text and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_prose_markup() {
        for text in [
            "plain",
            "x &lt; 0 &amp; y &#8722; &#x2212;",
            "<em>dead</em> and <code>torch.relu</code>",
            "<math><mi>x</mi><mo stretchy=\"false\">(</mo><mspace width=\"0.5em\"></mspace></math>",
            "see <a href=\"#graph\">the graph</a>",
        ] {
            assert_eq!(check(text), Ok(()), "{text}");
        }
    }

    #[test]
    fn refuses_scripts_handlers_links_out_and_broken_markup() {
        for text in [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<em onclick=\"x()\">a</em>",
            "<a href=\"https://example.com\">out</a>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<em>open",
            "<em>a</strong>",
            "a < b",
            "fish & chips",
            "&bogus;",
            "</em>",
        ] {
            assert!(check(text).is_err(), "{text} was accepted");
        }
    }

    #[test]
    fn escapes_markup_characters() {
        assert_eq!(
            escape("<b onclick=\"x\">&</b>"),
            "&lt;b onclick=&quot;x&quot;&gt;&amp;&lt;/b&gt;"
        );
    }
}
