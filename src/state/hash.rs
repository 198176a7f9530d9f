//! The state's URL-hash form: `key=value` pairs joined by `&`, one per setting that differs
//! from the default, so that shared links stay short. Reading goes through the same setters
//! as the controls, so a link can set nothing that a control could not.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use super::{Problem, Setting, State};

impl State {
    /// The state as a URL hash (without the leading `#`), listing only what differs from the
    /// default. [`State::from_hash`] reads it back as the same state with no problems.
    pub fn to_hash(&self) -> String {
        let default = State::default();
        let mut parts = Vec::new();
        for setting in Setting::ALL {
            let value = self.value_text(setting);
            if value != default.value_text(setting) {
                parts.push(format!("{}={}", setting.key(), percent_encode(&value)));
            }
        }
        parts.join("&")
    }

    /// Reads a URL hash (with or without the leading `#`) over the defaults. Unknown keys are
    /// ignored; each bad value keeps the last good one and is reported; a repeated key applies
    /// each time, in order.
    ///
    /// Decoded as a form is (`+` is a space, `%XX` a byte, invalid UTF-8 replaced), as the
    /// browser's URLSearchParams reads it. The work is linear in the hash's length.
    pub fn from_hash(hash: &str) -> (State, Vec<Problem>) {
        let mut state = State::default();
        let mut problems = Vec::new();
        // Applied after the rest, whatever their place in the link: the range as a pair (so
        // that `xmin=20&xmax=30` is not judged against the default x max), then x inside it,
        // and fuzzing's numbers once `fuzz` has been read.
        let mut range = (state.x_min, state.x_max);
        let mut later = Vec::new();
        for (key, text) in form_urlencoded::parse(hash.trim_start_matches('#').as_bytes()) {
            let Some(setting) = Setting::from_key(&key) else {
                continue;
            };
            let outcome = match setting {
                Setting::XMin => state.read_number(setting, &text).map(|v| range.0 = v),
                Setting::XMax => state.read_number(setting, &text).map(|v| range.1 = v),
                Setting::X | Setting::FuzzRate | Setting::FuzzSeed => {
                    later.push((setting, text.into_owned()));
                    Ok(())
                }
                _ => state.set_text(setting, &text),
            };
            problems.extend(outcome.err());
        }
        problems.extend(state.set_range(range.0, range.1).err());
        for (setting, text) in later {
            problems.extend(state.set_text(setting, &text).err());
        }
        (state, problems)
    }

    /// A number read from `text` and allowed by `setting`'s domain, without applying it.
    fn read_number(&self, setting: Setting, text: &str) -> Result<f64, Problem> {
        match super::parse_number(text) {
            Some(value) if !value.is_nan() => self.check(setting, value),
            _ => Err(self.unreadable(setting, text)),
        }
    }
}

/// What a value keeps unescaped in a link: letters, digits, `-._~` (never escaped in a URL)
/// and the comma, so that `tx=-1.0,0.0,1.0` stays readable where a form encoder would write
/// `%2C`.
const VALUE_TEXT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b',');

/// Percent-encodes a value for the URL hash.
fn percent_encode(text: &str) -> String {
    utf8_percent_encode(text, VALUE_TEXT).to_string()
}
