use super::*;

fn one(s: &str) -> Quantity {
    let q = extract(s);
    assert!(!q.is_empty(), "no quantity in {s:?}");
    q[0].clone()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

#[test]
fn masses_in_tonnes_with_qualifiers() {
    let q = one("Police seized 28 tons of cocaine.");
    assert_eq!(
        (q.value, q.unit, q.surface.as_str(), q.qualifier),
        (28.0, UnitClass::Mass, "28 tons", None)
    );
    let q = one("they seized 27.64 tonnes at the port");
    assert!(close(q.value, 27.64) && q.unit == UnitClass::Mass && q.surface == "27.64 tonnes");
    let q = one("a record shipment of almost 11 tons overnight");
    assert_eq!(
        (q.value, q.qualifier, q.surface.as_str()),
        (11.0, Some(Qualifier::Nearly), "11 tons")
    );
    let q = one("more than two tons of drugs");
    assert_eq!((q.value, q.qualifier), (2.0, Some(Qualifier::Over)));
}

#[test]
fn money_with_currency() {
    let qs = extract("a street value of 1.4 billion euros ($1.65 billion), police said");
    assert_eq!(qs.len(), 2);
    assert!(
        close(qs[0].value, 1.4e9)
            && qs[0].currency == Some("EUR")
            && qs[0].surface == "1.4 billion euros"
    );
    assert!(
        close(qs[1].value, 1.65e9)
            && qs[1].currency == Some("USD")
            && qs[1].surface == "$1.65 billion"
    );
    let q = one("seized £54 million in cash");
    assert!(close(q.value, 54e6) && q.currency == Some("GBP") && q.unit == UnitClass::Money);
    let q = one("nearly $2 billion worth of cocaine");
    assert_eq!(
        (q.value, q.qualifier, q.currency),
        (2e9, Some(Qualifier::Nearly), Some("USD"))
    );
    let q = one("seized €1.2 million in cash");
    assert!(close(q.value, 1.2e6) && q.currency == Some("EUR"));
}

#[test]
fn counts_of_people_and_objects() {
    let q = one("special units involving 1,500 officers in all");
    assert_eq!(
        (q.value, q.unit, q.unit_text.as_str()),
        (1500.0, UnitClass::People, "officers")
    );
    let q = one("said to be installed on 171,000 phones worldwide");
    assert_eq!(
        (q.value, q.unit, q.unit_text.as_str()),
        (171000.0, UnitClass::Objects, "phones")
    );
    let q = one("police seized 15 illegal firearms");
    assert_eq!((q.value, q.unit_text.as_str()), (15.0, "firearms"));
    let q = one("intercepted hundreds of millions of messages");
    assert_eq!(
        (q.unit, q.qualifier, q.unit_text.as_str()),
        (UnitClass::Objects, None, "messages")
    );
    assert_eq!((q.value, q.value_to.map(|v| v < 1e9)), (1e8, Some(true)));
}

#[test]
fn durations_and_dates() {
    let q = one("during a two-year investigation");
    assert_eq!(
        (q.value, q.unit, q.surface.as_str()),
        (730.0, UnitClass::Duration, "two-year")
    );
    let q = one("in the six weeks since");
    assert_eq!((q.value, q.unit), (42.0, UnitClass::Duration));
    let q = one("which was seized by police on April 3.");
    assert_eq!(
        (q.value, q.unit, q.surface.as_str()),
        (403.0, UnitClass::Date, "April 3")
    );
    let q = one("a record shipment of almost 11 tons overnight from 2-3 April, said police");
    assert_eq!(q.unit, UnitClass::Mass);
    let d =
        &extract("a record shipment of almost 11 tons overnight from 2-3 April, said police")[1];
    assert_eq!(
        (d.value, d.value_to, d.surface.as_str()),
        (402.0, Some(403.0), "from 2-3 April")
    );
    let d = &extract("shipped overnight from the 2nd to the 3rd of April according to")[0];
    assert_eq!((d.value, d.value_to), (402.0, Some(403.0)));
    let d = one("In 2020 Belgian authorities seized over 65 tonnes");
    assert_eq!((d.value, d.unit), (2020.0, UnitClass::Date));
    let d = one("took place across Belgium on March 9, 2021.");
    assert_eq!((d.value, d.surface.as_str()), (309.0, "March 9, 2021"));
}

#[test]
fn percentages_and_nothing_from_words() {
    let q = one("a rise of 14% in a year");
    assert_eq!((q.value, q.unit), (14.0, UnitClass::Percentage));
    assert!(extract("Police said investigations continue.").is_empty());
    assert!(extract("It was a big operation.").is_empty());
}

#[test]
fn every_figure_of_a_line_of_thousands_keeps_its_own_words() {
    let line = format!(
        "{}nothing else.",
        "costs rose by $5 million and 7 percent, ".repeat(3000)
    );
    let qs = extract(&line);
    assert_eq!(qs.len(), 6000);
    for pair in qs.chunks(2) {
        assert_eq!(&line[pair[0].start..pair[0].end], "$5 million");
        assert_eq!(pair[0].surface, "$5 million");
        assert_eq!(pair[1].surface, "7 percent");
    }
    assert_eq!(qs[5999].start, 2999 * 40 + 29);
}

#[test]
fn the_quick_number_word_filter_lets_every_number_word_through() {
    for (w, _) in SMALL.iter().chain(VAGUE) {
        assert!(may_be_number_word(w), "{w}");
    }
    for w in ["and", "police", "", "é", "thousandsfold", "Two"] {
        assert!(!may_be_number_word(w), "{w}");
    }
    // What it lets through is still looked up: "the" is no number.
    assert!(extract("the police said the ten men fled").len() == 1);
}
