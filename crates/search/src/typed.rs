//! What a person typed, matched against texts outside the index (a tender's
//! title, description and buyer) word by word as the index's queries match:
//! every word must match, exactly, within its typo budget, as another form
//! of the word (its English stem) or, the last word, as a prefix.

use tantivy::tokenizer::{TextAnalyzer, TokenStream};

use crate::explain::QueryWord;
use crate::schema::{prose_analyzer, text_analyzer};

/// The words of a query, ready to match texts.
pub struct TypedWords {
    words: Vec<QueryWord>,
}

fn tokens(analyzer: &TextAnalyzer, text: &str) -> Vec<String> {
    let mut analyzer = analyzer.clone();
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

impl TypedWords {
    /// The words of `q`.
    pub fn new(q: &str) -> Self {
        Self {
            words: QueryWord::all(q),
        }
    }

    /// Whether `q` had no words to match.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether every word matches a word of one of `texts`.
    pub fn all_match(&self, texts: &[&str]) -> bool {
        let (spelt, stemmed) = (text_analyzer(), prose_analyzer());
        let mut as_spelt: Vec<String> = Vec::new();
        let mut as_stems: Vec<String> = Vec::new();
        for text in texts {
            as_spelt.extend(tokens(&spelt, text));
            as_stems.extend(tokens(&stemmed, text));
        }
        self.words.iter().all(|word| {
            as_spelt.iter().any(|token| word.matches(token, false))
                || as_stems.iter().any(|token| word.matches(token, true))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARKING: &[&str] = &[
        "Civil Parking Enforcement Back Office System",
        "The council seeks back-office software with a customer portal.",
    ];

    #[test]
    fn words_match_anywhere_in_any_order_with_typos_and_stems() {
        for q in [
            "parking back office",
            "office parking",
            "PARKING enforcment",
            "portals",
            "enforce",
            "softwar",
            "civil parking enforcement back office system",
        ] {
            assert!(TypedWords::new(q).all_match(PARKING), "{q}");
        }
        for q in ["parking website", "hosting", "parking cafe"] {
            assert!(!TypedWords::new(q).all_match(PARKING), "{q}");
        }
        assert!(TypedWords::new(" , ").is_empty());
    }
}
