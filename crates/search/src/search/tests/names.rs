//! Names and words as people type them: two words for a name written as one,
//! "co-op" however spelt, a skill of two words, typos by length, clients.

use super::*;

fn named(id: &str, title: &str, skills: Vec<SkillEntry>) -> SearchDocument {
    coop(id, title, "A worker co-op", skills, "North", (53.8, -1.5))
}

fn names() -> SearchIndex {
    let index = SearchIndex::in_ram().unwrap();
    let mut local = named("local", "Local Web", vec![skill("drupal", "Drupal", 3)]);
    local.clients = vec!["LocalGov Drupal".into(), "A council".into()];
    // As `coop_document` writes it: the clients are searched in the description.
    local.description = local.clients.join("\n");
    let docs = vec![
        named(
            "webarchitects",
            "Webarchitects",
            vec![skill("hosting", "Hosting", 3)],
        ),
        named("media", "Media Co-op", vec![skill("film", "Film", 3)]),
        named(
            "mobile",
            "Pocket Apps",
            vec![skill("react-native", "React Native", 3)],
        ),
        named("react", "Front Ends", vec![skill("react", "React", 3)]),
        named("led", "Worker-led Design", vec![]),
        local,
    ];
    index.apply(&docs, &[]).unwrap();
    index
}

fn two_word_skills(text: &str) -> Option<String> {
    (text == "react native").then(|| "react-native".into())
}

fn found(index: &SearchIndex, text: &str) -> Vec<String> {
    let request = SearchRequest {
        limit: 50,
        ..q(text)
    };
    index
        .search(&request, &two_word_skills)
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect()
}

#[test]
fn two_words_find_a_name_written_as_one() {
    let index = names();
    assert_eq!(found(&index, "web architects"), ["webarchitects"]);
    assert_eq!(found(&index, "web architects hosting"), ["webarchitects"]);
}

#[test]
fn co_op_is_one_word_in_names_and_queries() {
    let index = names();
    for text in ["media coop", "media co-op", "Media Co op"] {
        assert_eq!(found(&index, text), ["media"], "{text}");
    }
}

#[test]
fn a_skill_of_two_words_is_one_skill() {
    let index = names();
    assert_eq!(
        found(&index, "react native"),
        ["mobile"],
        "not React alone, with native unmatched"
    );
}

#[test]
fn short_words_allow_no_typo() {
    let index = names();
    assert!(
        found(&index, "leeds").is_empty(),
        "five letters allow one typo, and led is two away"
    );
    assert_eq!(
        found(&index, "wbarchitcts"),
        ["webarchitects"],
        "nine allow two"
    );
}

#[test]
fn a_hit_from_a_client_says_so() {
    let index = names();
    let request = SearchRequest {
        limit: 5,
        ..q("localgov")
    };
    let results = index.search(&request, &two_word_skills).unwrap();
    let hit = &results.hits[0];
    assert_eq!(hit.id, "local");
    assert_eq!(
        hit.highlights.get("clients"),
        Some(&vec!["<mark>LocalGov</mark> Drupal".to_owned()])
    );
    assert_eq!(hit.legal_form.as_deref(), Some("cooperative_society"));
}
