use super::*;
use crate::document::{SearchDocument, SkillEntry};

mod names;
mod ranking;
mod skipping;

fn skill(slug: &str, name: &str, level: u8) -> SkillEntry {
    SkillEntry {
        slug: slug.into(),
        name: name.into(),
        level,
    }
}

fn coop(
    id: &str,
    title: &str,
    summary: &str,
    skills: Vec<SkillEntry>,
    region: &str,
    at: (f64, f64),
) -> SearchDocument {
    SearchDocument {
        kind: DocKind::Coop,
        id: id.into(),
        slug: Some(id.into()),
        title: title.into(),
        summary: summary.into(),
        description: String::new(),
        clients: Vec::new(),
        skills,
        region: Some(region.into()),
        country: Some("GB".into()),
        legal_form: Some("cooperative_society".into()),
        location: Some(at),
        public: true,
        standing: None,
        availability: None,
        updated: 100,
        expires: None,
    }
}

fn person(id: &str, title: &str, skills: Vec<SkillEntry>, public: bool) -> SearchDocument {
    SearchDocument {
        kind: DocKind::Person,
        id: id.into(),
        slug: None,
        title: title.into(),
        summary: String::new(),
        description: String::new(),
        clients: Vec::new(),
        skills,
        region: None,
        country: None,
        legal_form: None,
        location: None,
        public,
        standing: None,
        availability: None,
        updated: 200,
        expires: None,
    }
}

fn corpus() -> SearchIndex {
    let index = SearchIndex::in_ram().unwrap();
    let docs = vec![
        coop(
            "agile",
            "Agile Collective",
            "Drupal and WordPress sites for charities",
            vec![
                skill("drupal", "Drupal", 3),
                skill("wordpress", "WordPress", 3),
                skill("php", "PHP", 3),
            ],
            "South East",
            (51.75, -1.26),
        ),
        coop(
            "outlandish",
            "Outlandish",
            "Web apps",
            vec![
                skill("wordpress", "WordPress", 3),
                skill("postgresql", "PostgreSQL", 3),
                skill("laravel", "Laravel", 3),
            ],
            "London",
            (51.55, -0.10),
        ),
        coop(
            "leeds-web",
            "Leeds Web",
            "React and data",
            vec![
                skill("react", "React", 3),
                skill("javascript", "JavaScript", 3),
                skill("postgresql", "PostgreSQL", 3),
            ],
            "Yorkshire and the Humber",
            (53.80, -1.55),
        ),
        coop(
            "reach",
            "Reach Out",
            "Community outreach",
            vec![],
            "Wales",
            (51.48, -3.18),
        ),
        person("ada", "Ada", vec![skill("react", "React", 5)], true),
        person("grace", "Grace", vec![skill("react", "React", 2)], true),
        person(
            "hidden",
            "Hidden Hopper",
            vec![skill("react", "React", 5)],
            false,
        ),
    ];
    index.apply(&docs, &[]).unwrap();
    index
}

fn aliases(word: &str) -> Option<String> {
    match word {
        "postgres" | "pg" => Some("postgresql".into()),
        "ruby on rails" => Some("ruby-on-rails".into()),
        _ => None,
    }
}

fn ids(index: &SearchIndex, request: SearchRequest) -> Vec<String> {
    let request = SearchRequest {
        limit: 50,
        ..request
    };
    index
        .search(&request, &aliases)
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect()
}

fn q(text: &str) -> SearchRequest {
    SearchRequest {
        q: text.into(),
        ..SearchRequest::default()
    }
}

#[test]
fn a_typo_is_forgiven_by_word_length() {
    let index = corpus();
    assert_eq!(ids(&index, q("wordpres")), ["agile", "outlandish"]);
    assert!(
        ids(&index, q("phq")).is_empty(),
        "no typos under four letters"
    );
}

#[test]
fn the_last_word_matches_as_a_prefix() {
    assert_eq!(ids(&corpus(), q("drup")), ["agile"]);
}

#[test]
fn aliases_match_the_canonical_skill() {
    let mut found = ids(&corpus(), q("postgres"));
    found.sort();
    assert_eq!(
        found,
        ["leeds-web", "outlandish"],
        "neither says \"postgres\"; both list PostgreSQL"
    );
}

#[test]
fn exact_matches_rank_above_typo_matches() {
    let found = ids(
        &corpus(),
        SearchRequest {
            kinds: vec![DocKind::Coop],
            ..q("react")
        },
    );
    assert_eq!(
        found,
        ["leeds-web", "reach"],
        "React exactly before Reach by one typo"
    );
}

#[test]
fn a_higher_skill_level_ranks_first() {
    let found = ids(
        &corpus(),
        SearchRequest {
            kinds: vec![DocKind::Person],
            ..q("react")
        },
    );
    assert_eq!(found, ["ada", "grace"]);
}

#[test]
fn skill_and_region_filters_narrow_the_matches() {
    let request = SearchRequest {
        skills: vec!["postgresql".into()],
        region: Some("yorkshire AND THE humber".into()),
        ..SearchRequest::default()
    };
    assert_eq!(ids(&corpus(), request), ["leeds-web"]);
}

#[test]
fn a_radius_keeps_what_is_near_and_distance_orders_it() {
    let index = corpus();
    let near_leeds = SearchRequest {
        near: Some((53.80, -1.55, 50.0)),
        ..SearchRequest::default()
    };
    assert_eq!(ids(&index, near_leeds), ["leeds-web"]);
    let by_distance = SearchRequest {
        near: Some((53.80, -1.55, 400.0)),
        sort: Sort::Distance,
        kinds: vec![DocKind::Coop],
        ..SearchRequest::default()
    };
    let results = index
        .search(
            &SearchRequest {
                limit: 10,
                ..by_distance
            },
            &aliases,
        )
        .unwrap();
    let order: Vec<&str> = results.hits.iter().map(|h| h.id.as_str()).collect();
    // Leeds to Oxford 229 km, to London 269 km, to Cardiff 280 km.
    assert_eq!(order, ["leeds-web", "agile", "outlandish", "reach"]);
    assert!(results.hits[1].distance_km.unwrap() > 200.0);
}

#[test]
fn a_radius_as_wide_as_the_earth_finds_every_placed_document_and_no_other() {
    let index = corpus();
    let everything = index
        .search(
            &SearchRequest {
                network: true,
                limit: 100,
                ..SearchRequest::default()
            },
            &aliases,
        )
        .unwrap();
    let placeless = everything
        .hits
        .iter()
        .filter(|h| h.kind == DocKind::Person)
        .count();
    assert!(placeless > 0, "the corpus has people without a place");
    // Centred where the stand-in for "no place" would fall if read as degrees.
    let earth = SearchRequest {
        near: Some((-80.0, -80.0, 21_000.0)),
        network: true,
        limit: 100,
        ..SearchRequest::default()
    };
    let found = index.search(&earth, &aliases).unwrap();
    assert!(
        found
            .hits
            .iter()
            .all(|h| h.distance_km.is_some_and(f64::is_finite))
    );
    assert!(found.hits.iter().all(|h| h.kind != DocKind::Person));
    assert_eq!(found.total, everything.total - placeless);
}

#[test]
fn network_only_documents_are_neither_found_nor_counted_for_outsiders() {
    let index = corpus();
    let outside = index
        .search(
            &SearchRequest {
                limit: 50,
                ..q("react")
            },
            &aliases,
        )
        .unwrap();
    assert!(outside.hits.iter().all(|h| h.id != "hidden"));
    assert_eq!(outside.facets.kind.get("person"), Some(&2));
    let inside = index
        .search(
            &SearchRequest {
                limit: 50,
                network: true,
                ..q("react")
            },
            &aliases,
        )
        .unwrap();
    assert!(inside.hits.iter().any(|h| h.id == "hidden"));
    assert_eq!(inside.facets.kind.get("person"), Some(&3));
}

#[test]
fn an_outsider_finds_its_own_hidden_coop_and_no_other_record_of_that_id() {
    let index = SearchIndex::in_ram().unwrap();
    let pending = |id: &str| SearchDocument {
        public: false,
        ..coop(id, "Pending Workers", "", vec![], "Wales", (52.4, -4.1))
    };
    // A person whose id is the co-op's: only a co-op is one's own.
    let namesake = SearchDocument {
        id: "mine".into(),
        ..person("unused", "Pending Person", vec![], false)
    };
    index
        .apply(&[pending("mine"), pending("theirs"), namesake], &[])
        .unwrap();
    let found = |own: Vec<String>| {
        ids(
            &index,
            SearchRequest {
                own,
                ..q("pending")
            },
        )
    };
    assert_eq!(found(vec!["mine".into()]), ["mine"]);
    assert_eq!(
        index
            .search(
                &SearchRequest {
                    own: vec!["mine".into()],
                    ..q("pending")
                },
                &aliases
            )
            .unwrap()
            .facets
            .kind
            .into_iter()
            .collect::<Vec<_>>(),
        [("coop".to_owned(), 1)],
        "the namesake person is neither found nor counted"
    );
    assert!(found(Vec::new()).is_empty());
}

#[test]
fn facets_count_every_match_and_highlights_mark_the_words() {
    let index = corpus();
    let results = index
        .search(
            &SearchRequest {
                limit: 1,
                ..q("drupal wordpress")
            },
            &aliases,
        )
        .unwrap();
    assert_eq!(results.total, 1);
    assert_eq!(results.facets.skill[0], ("drupal".to_owned(), 1));
    let summary = &results.hits[0].highlights["summary"][0];
    assert!(
        summary.contains("<mark>Drupal</mark>") && summary.contains("<mark>WordPress</mark>"),
        "{summary}"
    );
    let everything = index
        .search(
            &SearchRequest {
                limit: 2,
                ..SearchRequest::default()
            },
            &aliases,
        )
        .unwrap();
    assert_eq!(everything.total, 6);
    assert_eq!(everything.hits.len(), 2);
    assert_eq!(everything.facets.region.get("london"), Some(&1));
    assert_eq!(everything.facets.skill[0], ("react".to_owned(), 3));
    // The four co-ops have a legal form; the two people, without one, are not counted.
    assert_eq!(
        everything.facets.legal_form.into_iter().collect::<Vec<_>>(),
        [("cooperative_society".to_owned(), 4)]
    );
    assert_eq!(everything.facets.kind.values().sum::<u64>(), 6);
}

#[test]
fn facet_names_are_read_once_per_segment_and_stay_right_as_segments_come() {
    let index = corpus();
    let all = SearchRequest::default();
    let before = index.search(&all, &aliases).unwrap();
    assert_eq!(before.facets.region.get("wales"), Some(&1));
    let names = |index: &SearchIndex| index.facet_tables.kept();
    let first = names(&index);
    assert!(first > 0, "the segment's names are kept");
    index.search(&all, &aliases).unwrap();
    assert_eq!(names(&index), first, "a second search reads none again");
    // A new segment with a region and a skill the first one lacks.
    let newcomer = coop(
        "kernow",
        "Kernow Web",
        "Sites",
        vec![skill("elixir", "Elixir", 3)],
        "South West",
        (50.26, -5.05),
    );
    index.apply(&[newcomer], &[]).unwrap();
    let warmed = names(&index);
    assert!(warmed > first, "the reload read the new segment's tables");
    let after = index.search(&all, &aliases).unwrap();
    assert_eq!(after.facets.region.get("south west"), Some(&1));
    assert_eq!(after.facets.region.get("wales"), Some(&1));
    assert!(
        after.facets.skill.contains(&("elixir".to_owned(), 1)),
        "{:?}",
        after.facets.skill
    );
    assert!(names(&index) > first, "the new segment's names are added");
    assert_eq!(names(&index), warmed, "the search read no table itself");
}

#[test]
fn documents_are_replaced_and_deleted_by_kind_and_id() {
    let index = corpus();
    let renamed = coop(
        "agile",
        "Nimble Collective",
        "",
        vec![],
        "South East",
        (51.75, -1.26),
    );
    index
        .apply(&[renamed], &[(DocKind::Coop, "outlandish".into())])
        .unwrap();
    assert_eq!(ids(&index, q("nimble")), ["agile"]);
    assert!(ids(&index, q("agile")).is_empty());
    assert!(ids(&index, q("outlandish")).is_empty());
    assert_eq!(index.len(), 6);
}

#[test]
fn a_commit_records_the_log_position_and_schema() {
    let index = SearchIndex::in_ram().unwrap();
    assert_eq!(index.committed().unwrap(), None);
    index
        .apply_at(42, &[person("ada", "Ada", vec![], true)], &[])
        .unwrap();
    let committed = index.committed().unwrap().unwrap();
    assert_eq!(
        (committed.seq, committed.schema),
        (42, crate::SCHEMA_VERSION)
    );
    index.rebuild().unwrap().commit(43).unwrap();
    assert!(index.is_empty());
    assert_eq!(index.committed().unwrap().unwrap().seq, 43);
}

#[test]
fn an_index_stored_with_other_settings_is_not_opened_so_it_is_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    let (schema, _) = crate::schema::Fields::build();
    drop(tantivy::Index::create_in_dir(dir.path(), schema).unwrap());
    let error = SearchIndex::open_or_create(dir.path()).unwrap_err();
    assert!(
        error.to_string().contains("blocks of 16384 bytes"),
        "{error}"
    );

    let ours = tempfile::tempdir().unwrap();
    let index = SearchIndex::open_or_create(ours.path()).unwrap();
    index
        .apply_at(1, &[person("ada", "Ada", vec![], true)], &[])
        .unwrap();
    drop(index);
    let reopened = SearchIndex::open_or_create(ours.path()).unwrap();
    assert_eq!(reopened.len(), 1);
}

#[test]
fn a_rebuild_replaces_everything_in_pages_and_an_abandoned_one_changes_nothing() {
    let index = SearchIndex::in_ram().unwrap();
    index
        .apply_at(1, &[person("old", "Old Name", vec![], true)], &[])
        .unwrap();

    let mut abandoned = index.rebuild().unwrap();
    abandoned
        .add(&[person("new", "New Name", vec![], true)])
        .unwrap();
    drop(abandoned);
    assert_eq!(ids(&index, q("name")), ["old"]);
    assert_eq!(index.committed().unwrap().unwrap().seq, 1);

    let mut rebuild = index.rebuild().unwrap();
    rebuild
        .add(&[person("ada", "Ada Name", vec![], true)])
        .unwrap();
    assert_eq!(
        ids(&index, q("name")),
        ["old"],
        "not searchable before the commit"
    );
    rebuild
        .add(&[person("bob", "Bob Name", vec![], true)])
        .unwrap();
    rebuild.commit(7).unwrap();
    let mut found = ids(&index, q("name"));
    found.sort();
    assert_eq!(found, ["ada", "bob"]);
    assert_eq!(index.committed().unwrap().unwrap().seq, 7);

    index
        .apply_at(8, &[person("cy", "Cy Name", vec![], true)], &[])
        .unwrap();
    assert_eq!(index.len(), 3, "the writer works after a rebuild");
}

#[test]
fn when_no_document_has_every_word_some_words_are_enough() {
    let index = corpus();
    assert_eq!(ids(&index, q("drupal accessibility")), ["agile"]);
    assert_eq!(
        ids(&index, q("drupal wordpress")),
        ["agile"],
        "every word, when some document has them all"
    );
}

#[test]
fn availability_filters_keep_current_and_sufficient_availability() {
    use crate::document::AvailabilityEntry;
    use crate::search::AvailabilityFilter;
    let index = SearchIndex::in_ram().unwrap();
    let available = |id: &str, days: f64, from_day: i64, reconfirmed_at: i64| SearchDocument {
        availability: Some(AvailabilityEntry {
            days_per_week: days,
            from_day,
            reconfirmed_at,
        }),
        ..person(id, id, vec![], true)
    };
    index
        .apply(
            &[
                available("three-days", 3.0, 100, 1_000),
                available("one-day", 1.0, 100, 1_000),
                available("later", 4.0, 200, 1_000),
                available("stale", 5.0, 100, 10),
                person("silent", "silent", vec![], true),
            ],
            &[],
        )
        .unwrap();
    let wanted = |free_by_day, min_days_per_week| SearchRequest {
        availability: Some(AvailabilityFilter {
            free_by_day,
            min_days_per_week,
            confirmed_since: 500,
        }),
        network: true,
        limit: 10,
        ..SearchRequest::default()
    };
    let mut found = ids(&index, wanted(Some(150), Some(2.0)));
    found.sort();
    assert_eq!(
        found,
        ["three-days"],
        "enough days, free in time, reconfirmed recently"
    );
    let mut found = ids(&index, wanted(None, None));
    found.sort();
    assert_eq!(
        found,
        ["later", "one-day", "three-days"],
        "lapsed and unstated availability never match"
    );
}

#[test]
fn prose_matches_other_forms_of_a_word_but_names_do_not() {
    let index = SearchIndex::in_ram().unwrap();
    let mut described = coop(
        "builders",
        "Builders",
        "We build websites",
        vec![],
        "Wales",
        (51.48, -3.18),
    );
    described.description =
        "Accessible services, developed with charities. Post us a letter".into();
    let named = person("dev", "Developing Person", vec![], true);
    index.apply(&[described, named], &[]).unwrap();

    assert_eq!(ids(&index, q("building")), ["builders"], "summary stemmed");
    assert_eq!(
        ids(&index, q("charity")),
        ["builders"],
        "description stemmed"
    );
    assert_eq!(ids(&index, q("accessibility")), ["builders"]);
    assert_eq!(
        ids(&index, q("postgres")),
        Vec::<String>::new(),
        "typos are counted on the stem: 'postgr' (6 letters) allows one, so 'post' stays apart"
    );
    assert_eq!(
        ids(&index, q("developer")),
        ["builders"],
        "names are not stemmed: 'Developing' in a name is not 'developer'"
    );
    let highlighted = index
        .search(
            &SearchRequest {
                limit: 1,
                ..q("building")
            },
            &aliases,
        )
        .unwrap()
        .hits
        .remove(0)
        .highlights;
    assert_eq!(highlighted["summary"], ["We <mark>build</mark> websites"]);
}

/// Scores and highlights an outsider gets for `text`, by id.
fn outsider_view(
    index: &SearchIndex,
    text: &str,
) -> Vec<(String, f32, BTreeMap<String, Vec<String>>)> {
    let request = SearchRequest {
        limit: 50,
        ..q(text)
    };
    index
        .search(&request, &aliases)
        .unwrap()
        .hits
        .into_iter()
        .map(|h| (h.id, h.score, h.highlights))
        .collect()
}

#[test]
fn hidden_and_deleted_documents_do_not_move_an_outsider_s_scores() {
    let index = corpus();
    let before = outsider_view(&index, "drupal sites");
    assert!(!before.is_empty());
    let mut hidden = person(
        "secret",
        "Drupal Drupal Sites",
        vec![skill("drupal", "Drupal", 5)],
        false,
    );
    hidden.summary = "drupal sites drupal".into();
    let ghost = coop(
        "ghost",
        "Drupal Ghost",
        "Drupal sites, Drupal sites",
        vec![skill("drupal", "Drupal", 3)],
        "Wales",
        (51.5, -3.2),
    );
    index.apply(&[hidden, ghost], &[]).unwrap();
    index
        .apply(&[], &[(DocKind::Coop, "ghost".into())])
        .unwrap();
    assert_eq!(outsider_view(&index, "drupal sites"), before);
    // Inside the network the hidden profile counts, so the test can see a change.
    let inside = index
        .search(
            &SearchRequest {
                limit: 50,
                network: true,
                ..q("drupal sites")
            },
            &aliases,
        )
        .unwrap();
    let agile = |hits: &[Hit]| hits.iter().find(|h| h.id == "agile").map(|h| h.score);
    let agile_before = before.iter().find(|h| h.0 == "agile").map(|h| h.1);
    assert_ne!(agile(&inside.hits), agile_before);
}

fn first_hit(index: &SearchIndex, text: &str) -> Hit {
    let request = SearchRequest {
        limit: 5,
        ..q(text)
    };
    index
        .search(&request, &aliases)
        .unwrap()
        .hits
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no hit for {text}"))
}

#[test]
fn typo_prefix_and_alias_hits_explain_themselves() {
    let index = corpus();
    let typo = first_hit(&index, "wordpres charities");
    assert!(
        typo.matched_skills.contains(&"wordpress".to_owned()),
        "{typo:?}"
    );
    assert!(
        typo.highlights["summary"][0].contains("<mark>WordPress</mark>"),
        "{typo:?}"
    );
    assert_eq!(
        typo.highlights["skills"],
        ["<mark>WordPress</mark>"],
        "{typo:?}"
    );
    let typed = first_hit(&index, "drup");
    assert_eq!(typed.id, "agile");
    assert!(
        typed.matched_skills.contains(&"drupal".to_owned()),
        "{typed:?}"
    );
    assert!(
        typed.highlights["summary"][0].contains("<mark>Drupal</mark>"),
        "{typed:?}"
    );
    let alias = first_hit(&index, "postgres");
    assert!(
        alias.matched_skills.contains(&"postgresql".to_owned()),
        "{alias:?}"
    );
    assert!(typo.unmatched_words.is_empty() && alias.unmatched_words.is_empty());
}

#[test]
fn words_that_matched_nothing_are_named() {
    let index = corpus();
    let some = first_hit(&index, "drupal zebrafinch");
    assert_eq!(some.id, "agile");
    assert_eq!(some.unmatched_words, ["zebrafinch"]);
}

#[test]
fn co_op_names_complete_what_is_typed() {
    let index = corpus();
    let names = |typed: &str| -> Vec<String> {
        index
            .complete_coop_names(typed, false, 5)
            .unwrap()
            .into_iter()
            .map(|c| c.slug)
            .collect()
    };
    assert_eq!(names("ag"), ["agile"]);
    assert_eq!(names("agile coll"), ["agile"]);
    assert_eq!(names("le"), ["leeds-web"]);
    assert!(names("agle").is_empty(), "no typos in completion");
    assert!(names("postg").is_empty(), "skills are not names");
    assert!(names("hidden").is_empty(), "people are not co-ops");
}

#[test]
fn merging_leaves_one_segment_without_deleted_documents_and_the_same_answers() {
    let index = SearchIndex::in_ram().unwrap();
    index
        .apply_at(
            1,
            &[
                person("ada", "Shared Name", vec![], true),
                person("dan", "Shared Name", vec![], true),
            ],
            &[],
        )
        .unwrap();
    for (seq, id) in [(2, "bob"), (3, "cy")] {
        index
            .apply_at(seq, &[person(id, "Shared Name", vec![], true)], &[])
            .unwrap();
    }
    // Replacing a document deletes its old copy (a segment left with no
    // live document is dropped by tantivy; this one keeps dan).
    index
        .apply_at(4, &[person("ada", "Shared Name again", vec![], true)], &[])
        .unwrap();
    let metas = || index.index.searchable_segment_metas().unwrap();
    assert!(metas().len() > 1 && metas().iter().any(|m| m.has_deletes()));
    let mut before = ids(&index, q("shared"));
    before.sort();

    index.merge_segments().unwrap();

    assert_eq!(metas().len(), 1);
    assert!(!metas()[0].has_deletes());
    assert_eq!(metas()[0].max_doc(), 4);
    let mut after = ids(&index, q("shared"));
    after.sort();
    assert_eq!(after, before);
    assert_eq!(
        index.committed().unwrap().unwrap().seq,
        4,
        "the position stays"
    );
}

#[test]
fn merging_while_another_merge_of_some_of_the_same_segments_ends_first_still_ends_in_one_segment() {
    // tantivy's merge policy starts merges of its own after commits; the
    // explicit merge must not fail when one of those ends first with some of
    // the same segments (seen at start-up after a crash).
    let index = SearchIndex::in_ram().unwrap();
    // Two small segments for the other merge, two large ones that make the
    // explicit merge of all four end later.
    for (seq, size) in [(1, 1), (2, 1), (3, 3000), (4, 3000)] {
        let people: Vec<_> = (0..size)
            .map(|n| person(&format!("p{seq}-{n}"), "Shared Name", vec![], true))
            .collect();
        index.apply_at(seq, &people, &[]).unwrap();
    }
    let mut segments = index.index.searchable_segment_metas().unwrap();
    segments.sort_by_key(|m| m.max_doc());
    let small: Vec<_> = segments[..2].iter().map(|m| m.id()).collect();
    let other_merge = index.lock_writer().merge(&small);

    index.merge_segments().unwrap();

    let _ = other_merge.wait();
    assert_eq!(index.index.searchable_segment_metas().unwrap().len(), 1);
    assert_eq!(index.len(), 6002);
}

#[test]
fn what_expired_is_never_found_and_what_has_not_yet_is() {
    let index = SearchIndex::in_ram().unwrap();
    let expiring = |id: &str, expires: Option<i64>| SearchDocument {
        expires,
        ..person(id, "Listing", vec![], true)
    };
    index
        .apply_at(
            1,
            &[
                expiring("lapsed", Some(999)),
                expiring("lapses-now", Some(1_000)),
                expiring("later", Some(1_001)),
                expiring("never", None),
            ],
            &[],
        )
        .unwrap();
    let at = |now| {
        let mut found = ids(
            &index,
            SearchRequest {
                now,
                ..q("listing")
            },
        );
        found.sort();
        found
    };
    assert_eq!(at(1_000), ["later", "never"]);
    assert_eq!(at(998), ["lapsed", "lapses-now", "later", "never"]);
}
