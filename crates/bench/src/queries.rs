//! The query set every engine answers: one and two words, about a quarter
//! with a typo, a fifth with an unfinished last word, kind and region
//! filters, radius and distance order; the same seed gives the same set.

use coophub_domain::skills::SEED;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::corpus::{self, pick};

/// What a query tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Whole words as written in the corpus.
    Plain,
    /// A word with one letter dropped, doubled, swapped or changed.
    Typo,
    /// The last word cut short, as typed so far.
    Partial,
    /// Only a place and a radius, nearest first.
    Radius,
}

/// One query: its query string (without `?`) and shape.
#[derive(Debug, Clone)]
pub struct Query {
    /// The query string, URL-encoded.
    pub query: String,
    /// What it tests.
    pub shape: Shape,
    /// For a typo, the same query spelt right: what the person meant.
    pub intended: Option<String>,
}

/// `count` queries drawn with `seed`.
pub fn query_set(count: usize, seed: u64) -> Vec<Query> {
    let mut rng = StdRng::seed_from_u64(seed);
    (0..count)
        .map(|n| {
            let shape = match n % 20 {
                0..=4 => Shape::Typo,
                5..=8 => Shape::Partial,
                9..=10 => Shape::Radius,
                _ => Shape::Plain,
            };
            one(&mut rng, shape)
        })
        .collect()
}

fn word(rng: &mut StdRng) -> String {
    // Skills on the same long tail as the corpus, people's and towns' names.
    match rng.random_range(0..10) {
        0..=5 => SEED[corpus::skill_index(rng)].name.to_lowercase(),
        6 => pick(rng, corpus::FAMILY).to_lowercase(),
        7 => pick(rng, corpus::TOWNS).0.to_lowercase(),
        8 => pick(rng, corpus::ROLES).to_string(),
        _ => pick(rng, corpus::NAME_WORDS).to_lowercase(),
    }
}

/// A word of at least `min` letters, from `word`.
fn long_word(rng: &mut StdRng, min: usize) -> String {
    loop {
        let candidate = word(rng);
        if let Some(w) = candidate
            .split_whitespace()
            .find(|w| w.chars().count() >= min && w.chars().all(char::is_alphabetic))
        {
            return w.to_owned();
        }
    }
}

fn typo(rng: &mut StdRng, word: &str) -> String {
    let mut letters: Vec<char> = word.chars().collect();
    let at = rng.random_range(1..letters.len() - 1);
    match rng.random_range(0..4) {
        0 => {
            letters.remove(at);
        }
        1 => letters.insert(at, letters[at]),
        2 => letters.swap(at, at + 1),
        _ => letters[at] = if letters[at] == 'e' { 'a' } else { 'e' },
    }
    letters.into_iter().collect()
}

fn one(rng: &mut StdRng, shape: Shape) -> Query {
    // The words as typed, and the word a typo misspells.
    let (mut words, mut meant) = match shape {
        Shape::Radius => (Vec::new(), None),
        Shape::Typo => {
            let w = long_word(rng, 5);
            (vec![typo(rng, &w)], Some(w))
        }
        Shape::Partial => {
            let w = long_word(rng, 5);
            let cut = rng.random_range(3..w.chars().count());
            (vec![w.chars().take(cut).collect()], None)
        }
        Shape::Plain => (vec![word(rng)], None),
    };
    let mut before = None;
    if shape != Shape::Radius && rng.random_bool(0.4) {
        // A second word before the one the shape is about.
        let first = word(rng);
        words.insert(0, first.clone());
        before = Some(first);
    }
    let mut rest = form_urlencoded::Serializer::new(String::new());
    if rng.random_bool(0.2) {
        rest.append_pair(
            "type",
            pick::<&str>(rng, &["coop", "person", "offer", "opportunity"]),
        );
    }
    if rng.random_bool(0.15) {
        rest.append_pair("region", pick(rng, corpus::TOWNS).1);
    }
    if shape == Shape::Radius || rng.random_bool(0.1) {
        let town = pick(rng, corpus::TOWNS);
        rest.append_pair("near", &format!("{},{}", town.2, town.3));
        rest.append_pair("radius_km", pick::<&str>(rng, &["10", "25", "50"]));
        if shape == Shape::Radius || rng.random_bool(0.5) {
            rest.append_pair("sort", "distance");
        }
    }
    let rest = rest.finish();
    let with = |words: &[String]| {
        let mut params = form_urlencoded::Serializer::new(String::new());
        if !words.is_empty() {
            params.append_pair("q", &words.join(" "));
        }
        let q = params.finish();
        [q, rest.clone()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join("&")
    };
    let intended = meant.take().map(|w| {
        let right: Vec<String> = before.iter().cloned().chain([w]).collect();
        with(&right)
    });
    Query {
        query: with(&words),
        shape,
        intended,
    }
}

/// What a person types into the search box, letter by letter: `count`
/// phrases of one or two words from the same long tail as the queries,
/// each as every prefix it passes through (`q=j`, `q=ja`, … `q=java sc`),
/// as suggest receives them.
pub fn typing(count: usize, seed: u64) -> Vec<String> {
    let mut rng = StdRng::seed_from_u64(seed ^ 0x5eed);
    let mut typed = Vec::new();
    for _ in 0..count {
        let mut phrase = word(&mut rng);
        if rng.random_bool(0.3) {
            phrase = format!("{phrase} {}", word(&mut rng));
        }
        let letters: Vec<char> = phrase.chars().collect();
        for end in 1..=letters.len() {
            let prefix: String = letters[..end].iter().collect();
            if prefix.ends_with(' ') {
                continue;
            }
            let mut params = form_urlencoded::Serializer::new(String::new());
            params.append_pair("q", &prefix);
            typed.push(params.finish());
        }
    }
    typed
}
