//! The search query string (`GET /api/v1/search`) and the query the index
//! makes of what it accepts.

use std::sync::LazyLock;

use coophub_search::{DocKind, SearchDocument, SearchIndex, word_count};
use proptest::prelude::*;

use super::assert_plain_words;
use crate::problem::ApiError;
use crate::routes::search::params::{MAX_WORDS, parse};

/// Two documents, one with a place, so that every sort and filter has
/// something to work on.
static INDEX: LazyLock<SearchIndex> = LazyLock::new(|| {
    let index = SearchIndex::in_ram().unwrap();
    let document = |id: &str, title: &str, location| SearchDocument {
        kind: DocKind::Coop,
        id: id.into(),
        slug: Some(id.into()),
        title: title.into(),
        summary: "web sites and data".into(),
        description: "We build accessible web sites.".into(),
        clients: vec!["A council".into()],
        skills: Vec::new(),
        region: Some("Yorkshire".into()),
        country: Some("GB".into()),
        legal_form: Some("worker-cooperative".into()),
        location,
        public: true,
        standing: None,
        availability: None,
        updated: 100,
        expires: None,
    };
    let documents = [
        document("leeds-web", "Leeds Web", Some((53.8, -1.55))),
        document("nowhere", "Nowhere Data", None),
    ];
    index.apply_at(1, &documents, &[]).unwrap();
    index
});

/// A parameter name: mostly the ones the endpoint reads.
fn any_name() -> impl Strategy<Value = String> {
    const NAMES: &[&str] = &[
        "q",
        "type",
        "skill",
        "region",
        "country",
        "legal_form",
        "near",
        "radius_km",
        "available_from",
        "available_to",
        "min_days_per_week",
        "sort",
        "page",
        "per_page",
    ];
    prop_oneof![
        6 => prop::sample::select(NAMES).prop_map(str::to_owned),
        1 => any::<String>(),
    ]
}

/// A value: sometimes well-formed for some parameter, often not.
fn any_value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z ,.-]{0,40}",
        "-?[0-9]{1,4}(\\.[0-9]{1,3})?,-?[0-9]{1,4}(\\.[0-9]{1,3})?",
        "-?[0-9]{0,12}(\\.[0-9]{0,3})?",
        "20[0-9]{2}-[01][0-9]-[0-3][0-9]",
        prop::sample::select(
            &[
                "relevance",
                "distance",
                "updated",
                "coop,person",
                "NaN",
                "inf"
            ][..]
        )
        .prop_map(str::to_owned),
        any::<String>(),
        "[a-z]{1,3}([ ,;/+][a-z]{1,3}){20,60}",
    ]
}

/// What people type, and what they should not: words between all sorts of
/// separators, long runs, control characters, any Unicode.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z]{1,3}([ ,;/+.-][a-z]{1,3}){0,60}",
        "[a-zà-ÿ]{1,12}( [a-zà-ÿ]{1,12}){0,40}",
        any::<String>(),
    ]
}

/// Reads `query` (which quotes `sent`); an accepted one is answered by the
/// index when `search` says so.
fn check(query: &str, sent: &[String], search: bool) {
    match parse(query) {
        Ok(params) => {
            assert!(word_count(&params.q) <= MAX_WORDS, "{:?}", params.q);
            assert!((1..=100).contains(&params.per_page));
            for network in [false, true].into_iter().filter(|_| search) {
                let request = params
                    .clone()
                    .into_request(Vec::new(), network, Vec::new(), 0, 200);
                let answer = INDEX.search(&request, &|_| None);
                assert!(answer.is_ok(), "{query}: {answer:?}");
            }
        }
        Err(ApiError::InvalidParameters(problems)) => {
            assert!(!problems.is_empty());
            for (_, message) in problems {
                // Messages quote what was sent, or a part of it (the
                // latitude of `near`, one name of `type`); the rest must be
                // plain words. Longest first: `q` must not eat the `q` of `q::`.
                let mut quoted: Vec<&str> = sent
                    .iter()
                    .flat_map(|value| std::iter::once(value.as_str()).chain(value.split(',')))
                    .flat_map(|piece| [piece, piece.trim()])
                    .filter(|piece| !piece.is_empty())
                    .collect();
                quoted.sort_by_key(|piece| std::cmp::Reverse(piece.len()));
                let own = quoted
                    .into_iter()
                    .fold(message, |m, piece| m.replace(piece, ""));
                assert_plain_words(&own);
            }
        }
        Err(other) => panic!("{query} is answered {other:?}"),
    }
}

proptest! {
    #[test]
    fn any_query_string_is_read_or_refused_by_name(
        pairs in prop::collection::vec((any_name(), any_value()), 0..8)
    ) {
        let query = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(&pairs)
            .finish();
        let sent: Vec<String> = pairs.into_iter().flat_map(|(k, v)| [k, v]).collect();
        check(&query, &sent, true);
    }

    #[test]
    fn any_raw_query_string_is_read_or_refused(query in any::<String>()) {
        let sent: Vec<String> = form_urlencoded::parse(query.as_bytes())
            .flat_map(|(k, v)| [k.into_owned(), v.into_owned()])
            .collect();
        check(&query, &sent, true);
    }
}

proptest! {
    // Only read: long texts of up to 32 words, many long enough for two
    // typos, cost ~25 ms a search here; the targets above search.
    #[test]
    fn any_text_to_look_for_is_read_within_the_word_limit_or_refused(q in any_text()) {
        let query = form_urlencoded::Serializer::new(String::new())
            .append_pair("q", &q)
            .finish();
        check(&query, &[q], false);
    }
}
