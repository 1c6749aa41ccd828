//! Spellings of one word that the stemmer keeps apart: "U.S." and "US",
//! "knives" and "knife", "Syrian" and "Syria". Each is brought to one form
//! before stemming, so that a tweet and a fact-check that spell a word
//! their own way still share it.

/// An initialism written with stops ("U.S", "D.C", "U.K": the tokenizer
/// has taken the last stop) as it is written without ("US", "DC", "UK"),
/// so that the two spellings are one word.
pub(super) fn undotted(word: &str) -> Option<(String, String)> {
    let bytes = word.as_bytes();
    let letters = bytes.len().div_ceil(2);
    let dotted = bytes.len() >= 3
        && bytes.iter().enumerate().all(|(i, b)| {
            if i % 2 == 0 {
                b.is_ascii_uppercase()
            } else {
                *b == b'.'
            }
        });
    if !dotted {
        return None;
    }
    let joined: String = bytes.iter().step_by(2).map(|&b| char::from(b)).collect();
    debug_assert_eq!(joined.len(), letters);
    let lower = joined.to_ascii_lowercase();
    Some((joined, lower))
}

/// English plurals the stemmer does not bring to their singular's stem
/// ("knives" stems to "knive", "knife" to "knife"; "women" stays "women"):
/// the singular, for these few common nouns.
pub(super) fn singular_of_irregular(lower: &str) -> Option<&'static str> {
    // Every plural below ends so; most words are let through at once.
    if !matches!(
        lower.as_bytes().last(),
        Some(b'n' | b't' | b'h' | b'e' | b's')
    ) {
        return None;
    }
    Some(match lower {
        "men" => "man",
        "women" => "woman",
        "children" => "child",
        "feet" => "foot",
        "teeth" => "tooth",
        "mice" => "mouse",
        "geese" => "goose",
        "knives" => "knife",
        "wives" => "wife",
        "lives" => "life",
        "wolves" => "wolf",
        "halves" => "half",
        "thieves" => "thief",
        "shelves" => "shelf",
        "calves" => "calf",
        "loaves" => "loaf",
        "selves" => "self",
        _ => return None,
    })
}

/// Demonyms and their countries, in the demonyms' order.
const DEMONYMS: &[(&str, &str)] = &[
    ("afghan", "afghanistan"),
    ("american", "america"),
    ("argentine", "argentina"),
    ("argentinian", "argentina"),
    ("australian", "australia"),
    ("austrian", "austria"),
    ("belgian", "belgium"),
    ("brazilian", "brazil"),
    ("british", "britain"),
    ("canadian", "canada"),
    ("chilean", "chile"),
    ("chinese", "china"),
    ("colombian", "colombia"),
    ("cuban", "cuba"),
    ("danish", "denmark"),
    ("dutch", "netherlands"),
    ("egyptian", "egypt"),
    ("english", "england"),
    ("ethiopian", "ethiopia"),
    ("european", "europe"),
    ("filipino", "philippines"),
    ("finnish", "finland"),
    ("french", "france"),
    ("german", "germany"),
    ("greek", "greece"),
    ("haitian", "haiti"),
    ("hungarian", "hungary"),
    ("indian", "india"),
    ("indonesian", "indonesia"),
    ("iranian", "iran"),
    ("iraqi", "iraq"),
    ("irish", "ireland"),
    ("israeli", "israel"),
    ("italian", "italy"),
    ("japanese", "japan"),
    ("jordanian", "jordan"),
    ("kenyan", "kenya"),
    ("korean", "korea"),
    ("lebanese", "lebanon"),
    ("libyan", "libya"),
    ("mexican", "mexico"),
    ("moroccan", "morocco"),
    ("nigerian", "nigeria"),
    ("norwegian", "norway"),
    ("pakistani", "pakistan"),
    ("palestinian", "palestine"),
    ("peruvian", "peru"),
    ("polish", "poland"),
    ("portuguese", "portugal"),
    ("romanian", "romania"),
    ("russian", "russia"),
    ("saudi", "saudi"),
    ("scottish", "scotland"),
    ("serbian", "serbia"),
    ("somali", "somalia"),
    ("spanish", "spain"),
    ("sudanese", "sudan"),
    ("swedish", "sweden"),
    ("swiss", "switzerland"),
    ("syrian", "syria"),
    ("taiwanese", "taiwan"),
    ("thai", "thailand"),
    ("turkish", "turkey"),
    ("ugandan", "uganda"),
    ("ukrainian", "ukraine"),
    ("venezuelan", "venezuela"),
    ("vietnamese", "vietnam"),
    ("welsh", "wales"),
    ("yemeni", "yemen"),
    ("zimbabwean", "zimbabwe"),
];

/// Countries and the words for their people and things ("Syrian
/// strikes" are strikes in Syria, "Mexican troops" Mexico's), which the
/// stemmer keeps apart: the country, for the demonyms of the countries most
/// in the news (a demonym's plural too: "Syrians").
pub(super) fn country_of_demonym(lower: &str) -> Option<&'static str> {
    let find = |w: &str| {
        DEMONYMS
            .binary_search_by(|(demonym, _)| demonym.cmp(&w))
            .ok()
            .map(|i| DEMONYMS[i].1)
    };
    find(lower).or_else(|| lower.strip_suffix('s').and_then(find))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_demonym_is_its_country() {
        assert!(DEMONYMS.is_sorted_by_key(|(demonym, _)| *demonym));
        assert_eq!(country_of_demonym("syrians"), Some("syria"));
        assert_eq!(country_of_demonym("mexican"), Some("mexico"));
        assert_eq!(country_of_demonym("republican"), None);
    }

    #[test]
    fn stops_and_irregular_plurals() {
        assert_eq!(undotted("U.S"), Some(("US".into(), "us".into())));
        assert_eq!(undotted("D.C"), Some(("DC".into(), "dc".into())));
        assert_eq!(undotted("U"), None);
        assert_eq!(undotted("U.s"), None);
        assert_eq!(undotted("Mr"), None);
        assert_eq!(singular_of_irregular("knives"), Some("knife"));
        assert_eq!(singular_of_irregular("women"), Some("woman"));
        assert_eq!(singular_of_irregular("knife"), None);
    }
}
