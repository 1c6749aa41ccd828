//! The records the workbench keeps for every article, sentence and link of
//! a corpus, all session: on 17,491 articles each byte of one costs 17 KB
//! to 190 KB of resident memory. A field that grows one fails here, so that
//! the growth is chosen, not stumbled into (see the README's "Large corpora").

use std::mem::size_of;

#[test]
fn the_records_kept_for_a_whole_corpus_stay_their_size() {
    // Per sentence (about eleven an article).
    assert_eq!(size_of::<claimdesk::text::Sentence>(), 24);
    // Per link (about three an article), and each of its two ends.
    assert_eq!(size_of::<claimdesk::links::Link>(), 48);
    assert_eq!(size_of::<claimdesk::links::SentenceRef>(), 8);
    // Per article.
    assert_eq!(size_of::<claimdesk::corpus::Sha256>(), 32);
    assert_eq!(size_of::<claimdesk::corpus::CharIndex>(), 24);
    assert_eq!(size_of::<claimdesk::corpus::Metadata>(), 88);
    assert_eq!(size_of::<claimdesk::corpus::Article>(), 248);
    assert_eq!(size_of::<claimdesk::store::ArticleAnnotations>(), 200);
}
