//! Turning what a person typed into a tantivy query: every word must match
//! somewhere; a word may match exactly (best), with typos (allowed by word
//! length), as a prefix (the last word, as people type), or as a skill alias.

use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Term};
use tantivy::tokenizer::{TextAnalyzer, TokenStream};

use crate::automata::Automata;
use crate::schema::{Fields, prose_analyzer, text_analyzer};

/// Edits allowed in a word of `chars` characters: none under 4, one up to 7, two from 8.
pub(crate) fn typo_budget(chars: usize) -> u8 {
    match chars {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// The tokens `analyzer` makes of `text`.
fn tokens(mut analyzer: TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

/// The words of `q`, analysed like the indexed text.
pub(crate) fn words(q: &str) -> Vec<String> {
    tokens(text_analyzer(), q)
}

/// How many words the index reads in `q`: what a limit on query words must
/// count, since `a,b,c` is one word between spaces but three to search for.
pub fn word_count(q: &str) -> usize {
    words(q).len()
}

/// The English stem of an analysed word, as the prose fields index it.
pub(crate) fn stem(word: &str) -> String {
    tokens(prose_analyzer(), word)
        .pop()
        .unwrap_or_else(|| word.to_owned())
}

/// Text fields, how much a match in each counts, and whether it is prose (stemmed).
fn weighted(fields: &Fields) -> [(Field, f32, bool); 4] {
    [
        (fields.title, 3.0, false),
        (fields.skills_text, 3.0, false),
        (fields.summary, 2.0, true),
        (fields.description, 1.0, true),
    ]
}

fn boosted(query: impl Query, boost: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(Box::new(query), boost))
}

/// The ways one word may match.
pub(crate) fn word_query(
    fields: &Fields,
    word: &str,
    is_last: bool,
    skill: Option<&str>,
) -> Box<dyn Query> {
    let stemmed = stem(word);
    let mut automata = Automata::default();
    let mut options: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for (field, weight, prose) in weighted(fields) {
        // Typos are counted on what the field holds: a stem is shorter than its word.
        let text = if prose { stemmed.as_str() } else { word };
        let budget = typo_budget(text.chars().count());
        let term = Term::from_field_text(field, text);
        options.push((
            Occur::Should,
            boosted(
                TermQuery::new(term, IndexRecordOption::WithFreqs),
                weight * 2.0,
            ),
        ));
        // Distances are at most two, which tantivy always builds.
        if budget > 0
            && let Ok(typos) = automata.query(field, text, budget, false)
        {
            options.push((Occur::Should, boosted(typos, weight * 0.5)));
        }
        if is_last && let Ok(prefix) = automata.query(field, text, 0, true) {
            options.push((Occur::Should, boosted(prefix, weight * 0.5)));
        }
    }
    if let Some(slug) = skill {
        let term = Term::from_field_text(fields.skills, slug);
        options.push((
            Occur::Should,
            boosted(TermQuery::new(term, IndexRecordOption::Basic), 6.0),
        ));
    }
    Box::new(BooleanQuery::new(options))
}

/// The query for `q`; `skill_of` maps a word or the whole query to a canonical
/// skill slug ("postgres" → postgresql), so that aliases match. With
/// `every_word`, each word must match; otherwise any may, and documents
/// matching more words score higher.
pub(crate) fn text_query(
    fields: &Fields,
    q: &str,
    skill_of: &dyn Fn(&str) -> Option<String>,
    every_word: bool,
) -> Option<Box<dyn Query>> {
    let words = words(q);
    let count = words.len();
    if count == 0 {
        return None;
    }
    let occur = if every_word {
        Occur::Must
    } else {
        Occur::Should
    };
    let each: Vec<(Occur, Box<dyn Query>)> = words
        .iter()
        .enumerate()
        .map(|(i, word)| {
            (
                occur,
                word_query(fields, word, i + 1 == count, skill_of(word).as_deref()),
            )
        })
        .collect();
    let every_word: Box<dyn Query> = Box::new(BooleanQuery::new(each));
    // A phrase that names one skill ("ruby on rails") also matches that skill.
    match (count > 1).then(|| skill_of(q)).flatten() {
        Some(slug) => {
            let skill = boosted(
                TermQuery::new(
                    Term::from_field_text(fields.skills, &slug),
                    IndexRecordOption::Basic,
                ),
                6.0,
            );
            Some(Box::new(BooleanQuery::new(vec![
                (Occur::Should, every_word),
                (Occur::Should, skill),
            ])))
        }
        None => Some(every_word),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_are_allowed_by_word_length() {
        assert_eq!(
            [
                typo_budget(3),
                typo_budget(4),
                typo_budget(7),
                typo_budget(8)
            ],
            [0, 1, 1, 2]
        );
    }

    #[test]
    fn prose_words_are_stemmed_like_the_prose_fields() {
        assert_eq!(
            ["developing", "developers", "accessibility", "drupal"].map(stem),
            ["develop", "develop", "access", "drupal"]
        );
    }

    #[test]
    fn queries_are_analysed_like_the_text() {
        assert_eq!(
            words("Café  DRUPAL, accessibility!"),
            ["cafe", "drupal", "accessibility"]
        );
    }
}
