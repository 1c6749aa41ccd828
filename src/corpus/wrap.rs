//! Hard-wrapped text (wire copy, e-mail, transcripts broken at 70 columns):
//! which line breaks are soft, so that sentences may run across them.
//!
//! A break is soft when the line before it is "full": the first word of the
//! next line would not have fitted on it within the block's width. That is
//! how a line-wrapping program decides where to break, so it holds whatever
//! the width; a short line (a headline, the end of a paragraph) never joins.
//! Captions, bylines, list items and other lines that stand alone keep their
//! breaks.

use super::chrome::LineKind;

/// The narrowest and widest wrap widths taken for hard wrapping: below, lines
/// are too short to tell wrapping from a list; above, a line is a paragraph.
const MIN_WIDTH: usize = 30;
const MAX_WIDTH: usize = 120;

fn width(line: &str) -> usize {
    line.trim_end().chars().count()
}

/// Lines that stand alone whatever their length: list items and quoted
/// replies start a new line on purpose.
fn starts_apart(line: &str) -> bool {
    let t = line.trim_start();
    let marker = t.split_whitespace().next().unwrap_or("");
    let digits = marker.bytes().take_while(u8::is_ascii_digit).count();
    t.starts_with(['-', '*', '•', '>', '|', '#'])
        || (digits > 0 && digits <= 3 && matches!(&marker[digits..], "." | ")" | ".)"))
}

/// For each line, whether its break to the next line is soft. `alone[i]` is
/// `classify_alone` of line `i`, computed once by the caller.
pub fn soft_breaks(lines: &[&str], body_start: usize, alone: &[LineKind]) -> Vec<bool> {
    let mut soft = vec![false; lines.len()];
    let mut i = body_start;
    while i < lines.len() {
        if lines[i].trim().is_empty() {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < lines.len() && !lines[j].trim().is_empty() {
            j += 1;
        }
        let block = &lines[i..j];
        let widest = block.iter().map(|l| width(l)).max().unwrap_or(0);
        if block.len() >= 2 && (MIN_WIDTH..=MAX_WIDTH).contains(&widest) {
            for k in 0..block.len() - 1 {
                let (here, next) = (block[k], block[k + 1]);
                let next_word = next
                    .split_whitespace()
                    .next()
                    .map_or(0, |w| w.chars().count());
                let full = width(here) + 1 + next_word > widest && width(here) * 2 >= widest;
                let apart = |l: usize| matches!(alone[l], LineKind::Chrome(_));
                soft[i + k] = full && !starts_apart(next) && !apart(i + k) && !apart(i + k + 1);
            }
        }
        i = j;
    }
    soft
}

#[cfg(test)]
mod tests {
    use super::*;

    fn breaks(text: &str) -> Vec<bool> {
        let lines: Vec<&str> = text.split('\n').collect();
        let alone: Vec<LineKind> = lines
            .iter()
            .map(|l| super::super::chrome::classify_alone(l))
            .collect();
        soft_breaks(&lines, 0, &alone)
    }

    #[test]
    fn wrapped_wire_copy_joins_and_its_paragraph_end_does_not() {
        let text = "Police in Belgium said on Monday they had seized 28 tons of\n\
                    cocaine worth 1.4 billion euros after cracking an encrypted\n\
                    phone network used by criminal gangs across Europe.\n\
                    \n\
                    The raids followed.";
        assert_eq!(breaks(text), vec![true, true, false, false, false]);
    }

    #[test]
    fn headlines_lists_and_short_lines_keep_their_breaks() {
        assert_eq!(
            breaks(
                "Record cocaine haul\nPolice in Belgium said on Monday they had seized 28 tons of cocaine."
            ),
            vec![false, false],
            "a headline above the text"
        );
        assert_eq!(
            breaks(
                "The seizures this year were made at these ports around\n- Antwerp in Belgium and at the port of Rotterdam\n- Hamburg"
            ),
            vec![false, false, false],
            "list items stand alone"
        );
        let one_sentence_per_line = "First short line.\nSecond one.\nThird.";
        assert_eq!(breaks(one_sentence_per_line), vec![false, false, false]);
    }

    #[test]
    fn captions_and_bylines_stay_apart() {
        let text = "Photo: Reuters/John Smith, the port of Antwerp in Belgium at night\n\
                    Police said on Monday they had seized 28 tons of cocaine in total.";
        assert!(!breaks(text)[0]);
    }
}
