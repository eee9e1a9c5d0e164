//! One word for "co-op": the tokenizer splits "Media Co-op" into `media`,
//! `co`, `op`, which a search for "media coop" would never meet. This filter
//! joins `co` with a following `op`, `ops`, `operative(s)` or `operation`
//! when only a hyphen or a space is between them, in the text indexed and in
//! the query alike, so "co-op", "co op" and "coop" are one word.

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// The filter (lower-cased tokens expected).
#[derive(Clone, Copy, Debug)]
pub(crate) struct JoinCoop;

impl TokenFilter for JoinCoop {
    type Tokenizer<T: Tokenizer> = JoinCoopTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> JoinCoopTokenizer<T> {
        JoinCoopTokenizer { tokenizer }
    }
}

/// A tokenizer whose tokens are joined by [`JoinCoop`].
#[derive(Clone)]
pub(crate) struct JoinCoopTokenizer<T> {
    tokenizer: T,
}

impl<T: Tokenizer> Tokenizer for JoinCoopTokenizer<T> {
    type TokenStream<'a> = JoinCoopStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        JoinCoopStream {
            tail: self.tokenizer.token_stream(text),
            token: Token::default(),
            ahead: None,
        }
    }
}

/// The joined tokens.
pub(crate) struct JoinCoopStream<S> {
    tail: S,
    token: Token,
    /// A token read to look past `co` and not joined to it.
    ahead: Option<Token>,
}

impl<S: TokenStream> JoinCoopStream<S> {
    fn next(&mut self) -> Option<Token> {
        self.ahead
            .take()
            .or_else(|| self.tail.advance().then(|| self.tail.token().clone()))
    }
}

/// Whether `word` after `co` makes one word of the two.
fn joins(word: &str) -> bool {
    matches!(
        word,
        "op" | "ops" | "operative" | "operatives" | "operation"
    )
}

impl<S: TokenStream> TokenStream for JoinCoopStream<S> {
    fn advance(&mut self) -> bool {
        let Some(mut token) = self.next() else {
            return false;
        };
        if token.text == "co"
            && let Some(following) = self.next()
        {
            if joins(&following.text) && following.offset_from <= token.offset_to + 1 {
                token.text.push_str(&following.text);
                token.offset_to = following.offset_to;
            } else {
                self.ahead = Some(following);
            }
        }
        self.token = token;
        true
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use crate::query::words;

    #[test]
    fn co_op_is_one_word_however_it_is_written() {
        for text in ["Media Co-op", "media co op", "MEDIA COOP"] {
            assert_eq!(words(text), ["media", "coop"], "{text}");
        }
        assert_eq!(
            words("a Co-operative, co-ops"),
            ["a", "cooperative", "coops"]
        );
        assert_eq!(words("co  op co"), ["co", "op", "co"], "apart, or alone");
    }
}
