//! Decoding raw article bytes into the canonical text every offset refers to.

/// The result of decoding one file: canonical text plus what had to be repaired.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    /// Number of invalid UTF-8 sequences replaced by U+FFFD.
    pub replaced: usize,
}

/// Decodes bytes as UTF-8 (replacing invalid sequences), drops a BOM and turns
/// CRLF and lone CR into LF. Offsets everywhere count `char`s of this text.
/// It takes the bytes read for the purpose: valid UTF-8 becomes the text
/// without a copy (a second copy of every article cost a corpus's reading
/// as much again in fresh memory touched).
pub fn decode_owned(mut bytes: Vec<u8>) -> Decoded {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let (text, replaced) = match String::from_utf8(bytes) {
        Ok(s) => (s, 0),
        Err(e) => {
            let bytes = e.into_bytes();
            let lossy = String::from_utf8_lossy(&bytes).into_owned();
            let replaced = count_invalid_sequences(&bytes);
            (lossy, replaced)
        }
    };
    Decoded {
        text: normalize_newlines(text),
        replaced,
    }
}

fn count_invalid_sequences(mut bytes: &[u8]) -> usize {
    let mut count = 0;
    loop {
        match std::str::from_utf8(bytes) {
            Ok(_) => return count,
            Err(e) => {
                count += 1;
                let skip = e.valid_up_to() + e.error_len().unwrap_or(bytes.len() - e.valid_up_to());
                bytes = &bytes[skip..];
            }
        }
    }
}

pub fn normalize_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

/// Maps char offsets to byte offsets without storing one entry per char:
/// a checkpoint every `STRIDE` chars keeps memory at a few percent of the text.
#[derive(Debug, Clone, Default)]
pub struct CharIndex {
    /// Empty for an ASCII text, where a char offset is a byte offset. Every
    /// article keeps one all session: 24 bytes, as u32s and a boxed slice.
    checkpoints: Box<[u32]>,
    char_len: u32,
}

const STRIDE: usize = 64;

impl CharIndex {
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return Self {
                checkpoints: Box::default(),
                char_len: super::offset(text.len()),
            };
        }
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut n = 0;
        for (byte, _) in text.char_indices() {
            if n % STRIDE == 0 {
                checkpoints.push(byte as u32);
            }
            n += 1;
        }
        // Not empty: a text that is not ASCII has a first char.
        Self {
            checkpoints: checkpoints.into_boxed_slice(),
            char_len: super::offset(n),
        }
    }

    pub fn char_len(&self) -> usize {
        self.char_len as usize
    }

    fn ascii(&self) -> bool {
        self.checkpoints.is_empty()
    }

    /// Byte offset of char `idx`; `idx` past the end clamps to the text's end.
    pub fn byte_of(&self, text: &str, idx: usize) -> usize {
        if idx >= self.char_len() {
            return text.len();
        }
        if self.ascii() {
            return idx;
        }
        let base = self.checkpoints[idx / STRIDE] as usize;
        let rest = idx % STRIDE;
        match text[base..].char_indices().nth(rest) {
            Some((b, _)) => base + b,
            None => text.len(),
        }
    }

    /// The text between two char offsets (clamped, never panics).
    pub fn slice<'t>(&self, text: &'t str, start: usize, end: usize) -> &'t str {
        let s = self.byte_of(text, start);
        let e = self.byte_of(text, end.max(start));
        &text[s..e]
    }

    /// Char offset of a byte offset that lies on a char boundary.
    pub fn char_of_byte(&self, text: &str, byte: usize) -> usize {
        if self.ascii() {
            return byte.min(text.len());
        }
        let byte = byte.min(text.len());
        let cp = self.checkpoints.partition_point(|&b| (b as usize) <= byte);
        let cp = cp.saturating_sub(1);
        let base = self.checkpoints.get(cp).copied().unwrap_or(0) as usize;
        cp * STRIDE + text[base..byte].chars().count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_and_cr_become_lf() {
        assert_eq!(decode_owned(b"a\r\nb\rc\n".to_vec()).text, "a\nb\nc\n");
        assert_eq!(decode_owned(b"\r\r\n".to_vec()).text, "\n\n");
    }

    #[test]
    fn bom_is_dropped_and_invalid_bytes_counted() {
        let d = decode_owned(b"\xEF\xBB\xBFok".to_vec());
        assert_eq!((d.text.as_str(), d.replaced), ("ok", 0));
        let d = decode_owned(b"a\xFFb\xC3(c".to_vec());
        assert_eq!(d.replaced, 2);
        assert_eq!(d.text, "a\u{FFFD}b\u{FFFD}(c");
    }

    #[test]
    fn char_index_round_trips() {
        let text = "héllo wörld ".repeat(40) + "日本語テキスト🙂";
        let idx = CharIndex::new(&text);
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        assert_eq!(idx.char_len(), chars.len());
        for (i, (b, _)) in chars.iter().enumerate() {
            assert_eq!(idx.byte_of(&text, i), *b);
            assert_eq!(idx.char_of_byte(&text, *b), i);
        }
        assert_eq!(idx.byte_of(&text, chars.len() + 5), text.len());
        assert_eq!(idx.slice(&text, 1, 4), "éll");
    }
}
