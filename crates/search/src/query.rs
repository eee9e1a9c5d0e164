//! Turning what a person typed into a tantivy query: every word must match
//! somewhere; a word may match exactly (best), with typos (allowed by word
//! length), as a prefix (the last word, as people type), or as a skill alias.

use std::sync::Arc;

use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Term};
use tantivy::tokenizer::{TextAnalyzer, TokenStream};

use crate::automata::Automata;
use crate::bound::ScoreBound;
use crate::schema::{Fields, prose_analyzer, text_analyzer};
use crate::word::{Variants, WordInField};

/// Edits allowed in a word of `chars` characters, as Meilisearch allows
/// them: none under 5 ("leeds" is not "led"), one up to 8, two from 9.
pub(crate) fn typo_budget(chars: usize) -> u8 {
    match chars {
        0..=4 => 0,
        5..=8 => 1,
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

/// The words of `q` as the index reads them (lower case, folded, "co-op"
/// as one word): what a caller looks for places and names in.
pub fn query_words(q: &str) -> Vec<String> {
    words(q)
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

/// A query and the bound of its score.
pub(crate) struct Bounded {
    pub query: Box<dyn Query>,
    pub bound: ScoreBound,
}

/// A skill (canonical slug) as a word or phrase matches it: read without
/// frequencies, boosted like a name.
fn skill_term(fields: &Fields, slug: &str) -> Bounded {
    let term = Term::from_field_text(fields.skills, slug);
    Bounded {
        bound: ScoreBound::term(term.clone(), 6.0, false),
        query: boosted(TermQuery::new(term, IndexRecordOption::Basic), 6.0),
    }
}

/// The ways one word may match.
pub(crate) fn word_query(
    fields: &Fields,
    word: &str,
    is_last: bool,
    skill: Option<&str>,
) -> Bounded {
    let stemmed = stem(word);
    let mut automata = Automata::default();
    let mut options: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut bound = ScoreBound::default();
    for (field, weight, prose) in weighted(fields) {
        // Typos are counted on what the field holds: a stem is shorter than its word.
        let text = if prose { stemmed.as_str() } else { word };
        let budget = typo_budget(text.chars().count());
        let mut variants = |distance: u8, prefix: bool| {
            // Distances are at most two, which tantivy always builds.
            automata
                .automaton(field, text, distance, prefix)
                .ok()
                .map(|automaton| Variants {
                    automaton,
                    boost: weight * 0.5,
                })
        };
        let typos = (budget > 0).then(|| variants(budget, false)).flatten();
        let prefix = is_last.then(|| variants(0, true)).flatten();
        let word = WordInField {
            field,
            text: text.to_owned(),
            boost: weight * 2.0,
            typos,
            prefix,
            found: Arc::default(),
        };
        bound.add(ScoreBound::word(word.clone()));
        options.push((Occur::Should, Box::new(word)));
    }
    if let Some(slug) = skill {
        let skill = skill_term(fields, slug);
        options.push((Occur::Should, skill.query));
        bound.add(skill.bound);
    }
    Bounded {
        query: Box::new(BooleanQuery::new(options)),
        bound,
    }
}

/// Most words of a query whose neighbours are also tried as one.
const JOINED_UP_TO: usize = 6;

/// The ways two neighbouring words may match as one: written together in a
/// name ("web architects" is Webarchitects), or as a skill of two words
/// ("react native" is `react-native`).
fn pair_query(
    fields: &Fields,
    pair: (&str, &str),
    skill_of: &dyn Fn(&str) -> Option<String>,
) -> Bounded {
    let joined = Term::from_field_text(fields.title, &format!("{}{}", pair.0, pair.1));
    let mut bound = ScoreBound::term(joined.clone(), 6.0, true);
    // Exactly: two words written as one are a guess already, and a typo
    // automaton per pair would cost every query of several words.
    let mut options: Vec<(Occur, Box<dyn Query>)> = vec![(
        Occur::Should,
        boosted(TermQuery::new(joined, IndexRecordOption::WithFreqs), 6.0),
    )];
    if let Some(slug) = skill_of(&format!("{} {}", pair.0, pair.1)) {
        let skill = skill_term(fields, &slug);
        options.push((Occur::Should, skill.query));
        bound.add(skill.bound);
    }
    Bounded {
        query: Box::new(BooleanQuery::new(options)),
        bound,
    }
}

/// The query for `q`; `skill_of` maps a word or the whole query to a canonical
/// skill slug ("postgres" → postgresql), so that aliases match. With
/// `every_word`, each word must match, or two neighbours as one (see
/// [`pair_query`]); otherwise any may, and documents matching more words
/// score higher.
pub(crate) fn text_query(
    fields: &Fields,
    q: &str,
    skill_of: &dyn Fn(&str) -> Option<String>,
    every_word: bool,
) -> Option<Bounded> {
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
    let each: Vec<Bounded> = words
        .iter()
        .enumerate()
        .map(|(i, word)| word_query(fields, word, i + 1 == count, skill_of(word).as_deref()))
        .collect();
    let mut bound = ScoreBound::default();
    // The words but the pair starting at `skip`, and their bound.
    let mut all_of = |skip: Option<usize>| -> Vec<(Occur, Box<dyn Query>)> {
        each.iter()
            .enumerate()
            .filter(|(i, _)| skip.is_none_or(|first| *i != first && *i != first + 1))
            .map(|(_, word)| {
                bound.add(word.bound.clone());
                (occur, word.query.box_clone())
            })
            .collect()
    };
    let mut ways: Vec<(Occur, Box<dyn Query>)> =
        vec![(Occur::Should, Box::new(BooleanQuery::new(all_of(None))))];
    let mut pairs = ScoreBound::default();
    if every_word && (2..=JOINED_UP_TO).contains(&count) {
        for first in 0..count - 1 {
            let mut way = all_of(Some(first));
            let pair = pair_query(fields, (&words[first], &words[first + 1]), skill_of);
            way.push((Occur::Must, pair.query));
            pairs.add(pair.bound);
            ways.push((Occur::Should, Box::new(BooleanQuery::new(way))));
        }
    }
    bound.add(pairs);
    // A phrase that names one skill ("ruby on rails") also matches that skill.
    if let Some(slug) = (count > 1).then(|| skill_of(q)).flatten() {
        let skill = skill_term(fields, &slug);
        ways.push((Occur::Should, skill.query));
        bound.add(skill.bound);
    }
    Some(Bounded {
        query: Box::new(BooleanQuery::new(ways)),
        bound,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_are_allowed_by_word_length() {
        assert_eq!(
            [
                typo_budget(4),
                typo_budget(5),
                typo_budget(8),
                typo_budget(9)
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
