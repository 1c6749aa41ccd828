//! An article's sha256: the 32 bytes kept, the 64 hex digits shown and saved.
//!
//! The workbench keeps one per article for the whole session; as a hex
//! `String` it cost 88 bytes and an allocation, as bytes it costs 32.

use std::fmt;

#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Sha256([u8; 32]);

const HEX: &[u8; 16] = b"0123456789abcdef";

impl Sha256 {
    pub fn of(bytes: &[u8]) -> Sha256 {
        use sha2::Digest;
        Sha256(sha2::Sha256::digest(bytes).into())
    }

    /// The 64 lower-case hex digits, as annotation files and caches keep it.
    pub fn hex(&self) -> String {
        let mut out = String::with_capacity(64);
        for b in self.0 {
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
        out
    }

    /// The digest that 64 hex digits (in either case) spell; `None` for
    /// any other text.
    pub fn from_hex(hex: &str) -> Option<Sha256> {
        let digit = |c: u8| char::from(c).to_digit(16).map(|d| d as u8);
        let bytes = hex.as_bytes();
        if bytes.len() != 64 {
            return None;
        }
        let mut out = [0u8; 32];
        for (o, pair) in out.iter_mut().zip(bytes.chunks_exact(2)) {
            *o = (digit(pair[0])? << 4) | digit(pair[1])?;
        }
        Some(Sha256(out))
    }

    /// Whether `hex` spells this digest (in either case).
    pub fn is(&self, hex: &str) -> bool {
        hex.len() == 64
            && hex.as_bytes().chunks_exact(2).zip(self.0).all(|(pair, b)| {
                pair[0].eq_ignore_ascii_case(&HEX[usize::from(b >> 4)])
                    && pair[1].eq_ignore_ascii_case(&HEX[usize::from(b & 15)])
            })
    }
}

impl fmt::Display for Sha256 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.hex())
    }
}

impl fmt::Debug for Sha256 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Sha256({})", self.hex())
    }
}

/// An annotation file names its article's digest in hex.
impl PartialEq<str> for Sha256 {
    fn eq(&self, hex: &str) -> bool {
        self.is(hex)
    }
}

impl PartialEq<String> for Sha256 {
    fn eq(&self, hex: &String) -> bool {
        self.is(hex)
    }
}

impl PartialEq<Sha256> for String {
    fn eq(&self, digest: &Sha256) -> bool {
        digest.is(self)
    }
}

impl serde::Serialize for Sha256 {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.hex())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn is_the_sha256_of_the_bytes() {
        assert_eq!(
            Sha256::of(b"abc").hex(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn a_hex_digest_of_another_length_or_with_other_digits_is_not_it() {
        let d = Sha256::of(b"abc");
        let hex = d.hex();
        assert!(d.is(&hex) && d.is(&hex.to_uppercase()));
        assert!(!d.is(&hex[..63]));
        assert!(!d.is(&format!("{hex}0")));
        assert!(!d.is(&hex.replacen('b', "c", 1)));
        assert!(!d.is(""));
        assert!(!d.is(&"é".repeat(32)));
        for other in [
            &hex[..63],
            &format!("{hex}0"),
            &hex.replacen('b', "g", 1),
            "",
        ] {
            assert_eq!(Sha256::from_hex(other), None, "{other}");
        }
        assert_eq!(Sha256::from_hex(&"é".repeat(32)), None);
    }

    proptest! {
        #[test]
        fn its_hex_is_what_the_bytes_spell_and_only_that(
            a in proptest::collection::vec(any::<u8>(), 0..200),
            b in proptest::collection::vec(any::<u8>(), 0..200),
        ) {
            let (da, db) = (Sha256::of(&a), Sha256::of(&b));
            let spelled: String = da.0.iter().map(|x| format!("{x:02x}")).collect();
            prop_assert_eq!(da.hex(), spelled);
            prop_assert_eq!(Sha256::from_hex(&da.hex()), Some(da));
            prop_assert_eq!(Sha256::from_hex(&da.hex().to_uppercase()), Some(da));
            prop_assert!(da == da.hex());
            prop_assert_eq!(da.is(&db.hex()), a == b);
            prop_assert_eq!(da == db, a == b);
        }
    }
}
