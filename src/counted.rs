//! A number with its noun in the English-only error messages of the JS API and the kernels,
//! singular for one: "1 output", "3 outputs". Course authors read these in the console and
//! match them in their tests, in English, so one rule for the plural does.

use std::fmt;

/// `count` and `noun`, with the noun's plural unless `count` is 1.
pub struct Counted(pub usize, pub &'static str);

impl fmt::Display for Counted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Counted(count, noun) = *self;
        let ending = if count == 1 { "" } else { "s" };
        write!(f, "{count} {noun}{ending}")
    }
}

#[cfg(test)]
mod tests {
    use super::Counted;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(Counted(1, "output").to_string(), "1 output");
        assert_eq!(Counted(0, "value").to_string(), "0 values");
        assert_eq!(Counted(2, "layer").to_string(), "2 layers");
    }
}
