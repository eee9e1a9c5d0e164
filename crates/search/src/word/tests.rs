use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, FuzzyTermQuery, Occur};
use tantivy::schema::{Schema, TEXT};
use tantivy::{Index, IndexWriter, Searcher, doc};

use super::*;
use crate::automata::Automata;

const TEXTS: [&str; 9] = [
    "javascript",
    "javascripts",
    "javascript javascripts",
    "javasript",
    "java",
    "python and javascript",
    "javascript javascript rocks",
    "rocks",
    "javascriptish rocks",
];

fn index() -> (Searcher, Field, Field) {
    let mut schema = Schema::builder();
    let title = schema.add_text_field("title", TEXT);
    let tags = schema.add_text_field("tags", TEXT);
    let index = Index::create_in_ram(schema.build());
    let mut writer: IndexWriter = index.writer(15_000_000).unwrap();
    for (n, text) in TEXTS.iter().enumerate() {
        let tag = if n % 2 == 0 { "even" } else { "odd" };
        writer
            .add_document(doc!(title => *text, tags => tag))
            .unwrap();
    }
    writer.commit().unwrap();
    (index.reader().unwrap().searcher(), title, tags)
}

/// What the word query was before: the term, its typo automaton and its
/// prefix automaton as three queries.
fn three_queries(field: Field, text: &str, typos: u8, last: bool) -> Box<dyn Query> {
    let term = Term::from_field_text(field, text);
    let mut options: Vec<(Occur, Box<dyn Query>)> = vec![(
        Occur::Should,
        Box::new(BoostQuery::new(
            Box::new(TermQuery::new(term.clone(), IndexRecordOption::WithFreqs)),
            2.0,
        )),
    )];
    if typos > 0 {
        let fuzzy = FuzzyTermQuery::new(term.clone(), typos, true);
        options.push((
            Occur::Should,
            Box::new(BoostQuery::new(Box::new(fuzzy), 0.5)),
        ));
    }
    if last {
        let prefix = FuzzyTermQuery::new_prefix(term, 0, true);
        options.push((
            Occur::Should,
            Box::new(BoostQuery::new(Box::new(prefix), 0.5)),
        ));
    }
    Box::new(BooleanQuery::new(options))
}

fn one_query(field: Field, text: &str, typos: u8, last: bool) -> Box<dyn Query> {
    let mut automata = Automata::default();
    let mut variants = |distance, prefix| {
        Some(Variants {
            automaton: automata.automaton(field, text, distance, prefix).unwrap(),
            boost: 0.5,
        })
    };
    Box::new(WordInField {
        field,
        text: text.to_owned(),
        boost: 2.0,
        typos: (typos > 0).then(|| variants(typos, false)).flatten(),
        prefix: last.then(|| variants(0, true)).flatten(),
        found: Arc::default(),
    })
}

/// Every match of `query` and its score, by document.
fn scored(searcher: &Searcher, query: &dyn Query) -> Vec<(u32, f32)> {
    let mut all: Vec<(u32, f32)> = searcher
        .search(query, &TopDocs::with_limit(100).order_by_score())
        .unwrap()
        .into_iter()
        .map(|(score, address)| (address.doc_id, score))
        .collect();
    all.sort_by_key(|(doc, _)| *doc);
    all
}

fn assert_same(before: &[(u32, f32)], after: &[(u32, f32)]) {
    let docs = |all: &[(u32, f32)]| all.iter().map(|(doc, _)| *doc).collect::<Vec<_>>();
    assert_eq!(docs(before), docs(after));
    for ((doc, a), (_, b)) in before.iter().zip(after) {
        assert!(
            (a - b).abs() <= 1e-5 * a.abs(),
            "document {doc}: {a} then {b}"
        );
    }
}

#[test]
fn scores_are_those_of_the_term_and_its_automata_as_three_queries() {
    let (searcher, title, _) = index();
    for (text, typos, last) in [
        ("javascript", 2, true),
        ("javascript", 2, false),
        ("javascript", 0, true),
        ("java", 0, true),
        ("java", 0, false),
        ("javasript", 1, false),
        ("rocks", 1, true),
        ("nothing", 1, true),
    ] {
        let before = scored(&searcher, three_queries(title, text, typos, last).as_ref());
        let after = scored(&searcher, one_query(title, text, typos, last).as_ref());
        assert!(!before.is_empty() || text == "nothing", "{text} matches");
        assert_same(&before, &after);
    }
}

#[test]
fn seeking_inside_an_intersection_finds_the_same_documents() {
    let (searcher, title, tags) = index();
    let and_even = |query: Box<dyn Query>| {
        let even = TermQuery::new(
            Term::from_field_text(tags, "even"),
            IndexRecordOption::Basic,
        );
        BooleanQuery::new(vec![(Occur::Must, query), (Occur::Must, Box::new(even))])
    };
    let before = scored(
        &searcher,
        &and_even(three_queries(title, "javascript", 2, true)),
    );
    let docs: Vec<u32> = before.iter().map(|(doc, _)| *doc).collect();
    assert_eq!(docs, [0, 2, 6, 8]);
    let after = scored(
        &searcher,
        &and_even(one_query(title, "javascript", 2, true)),
    );
    assert_same(&before, &after);
}
